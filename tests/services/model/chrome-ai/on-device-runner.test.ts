import { describe, expect, it, vi } from 'vitest';
import { isBackgroundSender, ON_DEVICE_PORT_NAME, type OnDevicePort } from '@/services/model/chrome-ai/on-device-protocol';
import { splitConversation, startOnDeviceRunner } from '@/services/model/chrome-ai/on-device-runner';
import { BACKGROUND_SENDER, createConnectEvent, createFakeAi, createPortPair, EXTENSION_ID, EXTENSION_ORIGIN, type FakeAiConfig } from './fake-chrome-ai';

/** The offscreen side on its own: who may connect, and what it does with what arrives. */

function startRunner(config: FakeAiConfig = {}) {
  const ai = createFakeAi(config);
  const onConnect = createConnectEvent();
  const stop = startOnDeviceRunner({ onConnect, extensionId: EXTENSION_ID, extensionOrigin: EXTENSION_ORIGIN, globals: ai.globals });
  return { ai, onConnect, stop };
}

function connect(onConnect: ReturnType<typeof createConnectEvent>, sender: OnDevicePort['sender'], name = ON_DEVICE_PORT_NAME) {
  const pair = createPortPair(name, sender);
  let disconnected = false;
  pair.client.onDisconnect.addListener(() => {
    disconnected = true;
  });
  onConnect.fire(pair.server);
  return { ...pair, wasDisconnected: () => disconnected };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('offscreen runner: who may connect', () => {
  it("accepts Parley's background and says it is ready", async () => {
    const { onConnect } = startRunner();
    const port = connect(onConnect, BACKGROUND_SENDER);
    await flush();
    expect(port.client.received).toEqual([{ type: 'on-device/ready' }]);
    expect(port.wasDisconnected()).toBe(false);
  });

  it.each([
    ['another extension', { id: 'someone-else', url: 'chrome-extension://someone-else/background.js' }],
    ['a content script in a web page', { id: EXTENSION_ID, url: 'https://evil.example/agent/tickets/1', tab: { id: 4 } }],
    ["one of Parley's own pages", { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}sidepanel.html` }],
    ['a sender without a URL', { id: EXTENSION_ID }],
  ])('refuses a port from %s and runs nothing it sends', async (_who, sender) => {
    const { ai, onConnect } = startRunner();
    const port = connect(onConnect, sender);

    await flush();

    expect(port.wasDisconnected()).toBe(true);
    expect(port.client.received).toEqual([]);
    expect(() => port.client.postMessage({ type: 'on-device/translate', id: 'r1', text: 'Hallo', source: 'de', target: 'en' })).toThrow();
    await flush();
    expect(ai.translatorsCreated).toEqual([]);
  });

  it('leaves ports of other names alone', async () => {
    const { onConnect } = startRunner();
    const port = connect(onConnect, BACKGROUND_SENDER, 'something-else');
    await flush();
    expect(port.client.received).toEqual([]);
    expect(port.wasDisconnected()).toBe(false);
  });

  it('tells the background sender from everyone else', () => {
    const port = (sender: OnDevicePort['sender'], name = ON_DEVICE_PORT_NAME) => createPortPair(name, sender).server;
    expect(isBackgroundSender(port(BACKGROUND_SENDER), EXTENSION_ID, EXTENSION_ORIGIN)).toBe(true);
    expect(isBackgroundSender(port(BACKGROUND_SENDER, 'other-name'), EXTENSION_ID, EXTENSION_ORIGIN)).toBe(false);
    expect(isBackgroundSender(port({ ...BACKGROUND_SENDER, tab: { id: 1 } }), EXTENSION_ID, EXTENSION_ORIGIN)).toBe(false);
    expect(isBackgroundSender(port({ id: EXTENSION_ID, url: 'chrome-extension://other-id/background.js' }), EXTENSION_ID, EXTENSION_ORIGIN)).toBe(false);
    expect(isBackgroundSender(port(undefined), EXTENSION_ID, EXTENSION_ORIGIN)).toBe(false);
  });

  it('stops listening when stopped', () => {
    const { onConnect, stop } = startRunner();
    expect(onConnect.listenerCount).toBe(1);
    stop();
    expect(onConnect.listenerCount).toBe(0);
  });
});

describe('offscreen runner: what arrives', () => {
  it('answers an invalid request with an error for its id, and runs nothing', async () => {
    const { ai, onConnect } = startRunner();
    const port = connect(onConnect, BACKGROUND_SENDER);

    port.client.postMessage({ type: 'on-device/translate', id: 'r1', text: 'Hallo', source: 'de', target: 'not a language!' });
    port.client.postMessage({ type: 'on-device/unknown', id: 'r2' });
    await flush();

    expect(port.client.received.slice(1)).toEqual([
      { type: 'on-device/error', id: 'r1', code: 'failed', detail: expect.stringContaining('invalid request') },
      { type: 'on-device/error', id: 'r2', code: 'failed', detail: expect.stringContaining('invalid request') },
    ]);
    expect(ai.translatorsCreated).toEqual([]);
  });

  it('answers each request under its own id', async () => {
    const { onConnect } = startRunner();
    const port = connect(onConnect, BACKGROUND_SENDER);

    port.client.postMessage({ type: 'on-device/translate', id: 'a', text: 'eins', source: 'de', target: 'en' });
    port.client.postMessage({ type: 'on-device/translate', id: 'b', text: 'zwei', source: 'de', target: 'fr' });

    await vi.waitFor(() => {
      expect(port.client.received).toContainEqual({ type: 'on-device/translation', id: 'a', text: '[de→en] eins', source: 'de' });
      expect(port.client.received).toContainEqual({ type: 'on-device/translation', id: 'b', text: '[de→fr] zwei', source: 'de' });
    });
  });

  it('stops the work of a port that disconnects (the background went away)', async () => {
    const { ai, onConnect } = startRunner({ chunks: ['Hal'], hangAfter: 1 });
    const port = connect(onConnect, BACKGROUND_SENDER);

    port.client.postMessage({ type: 'on-device/prompt', id: 'p1', messages: [{ role: 'user', content: 'Hallo' }] });
    await vi.waitFor(() => expect(port.client.received).toContainEqual({ type: 'on-device/partial', id: 'p1', text: 'Hal' }));
    port.client.disconnect();

    const session = ai.sessions[0]!;
    await vi.waitFor(() => expect(session.destroyed).toBe(true));
    expect(session.sawAbort).toBe(true);
  });

  it('stops one request on cancel and keeps answering the others', async () => {
    const { ai, onConnect } = startRunner({ chunks: ['Hal'], hangAfter: 1 });
    const port = connect(onConnect, BACKGROUND_SENDER);

    port.client.postMessage({ type: 'on-device/prompt', id: 'p1', messages: [{ role: 'user', content: 'Hallo' }] });
    await vi.waitFor(() => expect(port.client.received).toContainEqual({ type: 'on-device/partial', id: 'p1', text: 'Hal' }));
    port.client.postMessage({ type: 'on-device/cancel', id: 'p1' });
    port.client.postMessage({ type: 'on-device/translate', id: 't1', text: 'Hallo', source: 'de', target: 'en' });

    await vi.waitFor(() => expect(port.client.received).toContainEqual({ type: 'on-device/error', id: 'p1', code: 'cancelled' }));
    await vi.waitFor(() => expect(port.client.received).toContainEqual({ type: 'on-device/translation', id: 't1', text: '[de→en] Hallo', source: 'de' }));
    expect(ai.sessions[0]!.destroyed).toBe(true);
    expect(port.client.received).not.toContainEqual(expect.objectContaining({ type: 'on-device/answer', id: 'p1' }));
  });

  it('keeps at most four translators and destroys the least recently used', async () => {
    const { ai, onConnect } = startRunner();
    const port = connect(onConnect, BACKGROUND_SENDER);
    const targets = ['en', 'fr', 'es', 'it', 'nl'];

    for (const [index, target] of targets.entries()) {
      port.client.postMessage({ type: 'on-device/translate', id: `t${index}`, text: 'Hallo', source: 'de', target });
      await vi.waitFor(() => expect(port.client.received).toContainEqual(expect.objectContaining({ type: 'on-device/translation', id: `t${index}` })));
    }

    expect(ai.translatorsCreated).toHaveLength(5);
    expect(ai.translatorsDestroyed).toEqual([{ sourceLanguage: 'de', targetLanguage: 'en' }]);
  });

  it('destroys an evicted translator only after the translations running on it finish', async () => {
    let release!: () => void;
    const { ai, onConnect } = startRunner({ translateGate: new Promise<void>((resolve) => (release = resolve)) });
    const port = connect(onConnect, BACKGROUND_SENDER);
    const targets = ['en', 'fr', 'es', 'it', 'nl'];

    for (const [index, target] of targets.entries()) {
      port.client.postMessage({ type: 'on-device/translate', id: `t${index}`, text: 'Hallo', source: 'de', target });
    }
    await vi.waitFor(() => expect(ai.translatorsCreated).toHaveLength(5));
    await flush();
    expect(ai.translatorsDestroyed).toEqual([]);

    release();
    await vi.waitFor(() => expect(port.client.received).toContainEqual({ type: 'on-device/translation', id: 't0', text: '[de→en] Hallo', source: 'de' }));
    await vi.waitFor(() => expect(ai.translatorsDestroyed).toEqual([{ sourceLanguage: 'de', targetLanguage: 'en' }]));
  });
});

describe('splitConversation', () => {
  it('puts all system text first in initialPrompts and prompts the last turn', () => {
    expect(
      splitConversation([
        { role: 'system', content: 'A' },
        { role: 'user', content: 'question' },
        { role: 'system', content: 'B' },
      ]),
    ).toEqual({ initialPrompts: [{ role: 'system', content: 'A\n\nB' }], input: 'question' });
    expect(splitConversation([{ role: 'user', content: 'only' }])).toEqual({ initialPrompts: [], input: 'only' });
  });
});
