import { describe, expect, it, vi } from 'vitest';
import { chromeAiAvailability, createChromeAiClient, GEMINI_NANO } from '@/services/model/chrome-ai/chrome-ai-client';
import { OnDeviceError } from '@/services/model/chrome-ai/chrome-ai-errors';
import { estimateTokens, type ChatMessage } from '@/services/model/model-types';
import { createFakeAi, createFakeChrome, type FakeAiConfig } from './fake-chrome-ai';

/**
 * The background's client and the offscreen runner, talking over the real protocol through an
 * in-memory port pair, with fake Translator / LanguageDetector / LanguageModel globals.
 */

function setUp(config: FakeAiConfig = {}, chromeOptions: { dropFirstConnections?: number } = {}) {
  const ai = createFakeAi(config);
  const chrome = createFakeChrome(ai.globals, chromeOptions);
  const client = createChromeAiClient({ env: chrome.env });
  return { ai, chrome, client };
}

async function rejection(promise: Promise<unknown>): Promise<OnDeviceError> {
  const error = await promise.then(
    () => null,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(OnDeviceError);
  return error as OnDeviceError;
}

const CONVERSATION: ChatMessage[] = [
  { role: 'system', content: 'You translate customer messages.' },
  { role: 'user', content: 'Translate: Hallo' },
  { role: 'assistant', content: 'Hello' },
  { role: 'user', content: 'Translate: Danke' },
];

describe('Chrome AI client: translation', () => {
  it('translates through the offscreen document, creating it once and reusing the translator', async () => {
    const { ai, chrome, client } = setUp();

    expect(await client.translateText('Hallo', 'de', 'en')).toBe('[de→en] Hallo');
    expect(await client.translateText('Danke', 'de', 'en')).toBe('[de→en] Danke');

    expect(chrome.created).toEqual([{ url: '/offscreen.html', reasons: ['DOM_PARSER'], justification: expect.stringContaining('Translator') }]);
    expect(chrome.connections).toHaveLength(1);
    expect(ai.translatorsCreated).toEqual([{ sourceLanguage: 'de', targetLanguage: 'en' }]);
  });

  it('detects an unknown source language before creating the translator', async () => {
    const { ai, client } = setUp({ detect: () => [{ detectedLanguage: 'fr', confidence: 0.93 }, { detectedLanguage: 'it', confidence: 0.04 }] });

    expect(await client.translateText('Bonjour, où est mon colis ?', '', 'en')).toBe('[fr→en] Bonjour, où est mon colis ?');

    const detectAt = ai.calls.indexOf('detect Bonjour, où est mon colis ?');
    const createAt = ai.calls.indexOf('translator.create fr>en');
    expect(detectAt).toBeGreaterThanOrEqual(0);
    expect(createAt).toBeGreaterThan(detectAt);
  });

  it('refuses to guess when the detector is unsure, and translates nothing', async () => {
    const { ai, client } = setUp({ detect: () => [{ detectedLanguage: 'nl', confidence: 0.31 }] });

    const error = await rejection(client.translateText('ok', 'und', 'en'));

    expect(error.code).toBe('language-unknown');
    expect(ai.translatorsCreated).toEqual([]);
  });

  it('returns text already in the target language unchanged, without a translator', async () => {
    const { ai, client } = setUp({ detect: () => [{ detectedLanguage: 'en', confidence: 0.99 }] });

    expect(await client.translateText('Where is my parcel?', 'auto', 'en')).toBe('Where is my parcel?');
    expect(ai.translatorsCreated).toEqual([]);
  });

  it('detects a language on request', async () => {
    const { client } = setUp({ detect: () => [{ detectedLanguage: 'pt-BR', confidence: 0.88 }] });
    expect(await client.detectLanguage('Olá, tudo bem?')).toEqual({ language: 'pt-BR', confidence: 0.88 });
  });
});

describe('Chrome AI client: chat with the Prompt API', () => {
  it('streams the partial texts in order and resolves with the trimmed answer and an estimated usage', async () => {
    const { ai, client } = setUp({ chunks: ['Thank', 's a lot', '! '] });
    const seen: string[] = [];

    const answer = await client.streamChat(CONVERSATION, { onText: (soFar) => seen.push(soFar) });

    expect(seen).toEqual(['Thank', 'Thanks a lot', 'Thanks a lot! ']);
    expect(answer.text).toBe('Thanks a lot!');
    expect(answer.usage).toEqual({
      promptTokens: estimateTokens(CONVERSATION.map((message) => message.content).join('\n')),
      completionTokens: estimateTokens('Thanks a lot!'),
      estimated: true,
    });
    // The system text opens initialPrompts, the earlier turns follow, the last turn is prompted.
    const session = ai.sessions[0]!;
    expect(session.createOptions.initialPrompts).toEqual([
      { role: 'system', content: 'You translate customer messages.' },
      { role: 'user', content: 'Translate: Hallo' },
      { role: 'assistant', content: 'Hello' },
    ]);
    expect(session.promptCalls[0]!.input).toBe('Translate: Danke');
    expect(session.destroyed).toBe(true);
  });

  it('passes a JSON answer format through as the responseConstraint, and a temperature with topK', async () => {
    const { ai, client } = setUp({ chunks: ['{"suggestions":[]}'] });
    const schema = { type: 'object', properties: { suggestions: { type: 'array', items: { type: 'string' } } }, required: ['suggestions'] };

    const answer = await client.streamChat(CONVERSATION, { json: { name: 'suggestions', schema }, temperature: 0.7 });
    await client.streamChat(CONVERSATION);

    expect(answer.text).toBe('{"suggestions":[]}');
    expect(ai.sessions[0]!.promptCalls[0]!.options.responseConstraint).toEqual(schema);
    expect(ai.sessions[0]!.createOptions).toMatchObject({ temperature: 0.7, topK: 3 });
    expect(ai.sessions[1]!.promptCalls[0]!.options.responseConstraint).toBeUndefined();
    expect(ai.sessions[1]!.createOptions.temperature).toBeUndefined();
  });

  it('cancels the work in the offscreen document when the caller aborts', async () => {
    const { ai, client } = setUp({ chunks: ['Partial', ' never sent'], hangAfter: 1 });
    const controller = new AbortController();
    const seen: string[] = [];

    const answer = client.streamChat(CONVERSATION, {
      signal: controller.signal,
      onText: (soFar) => {
        seen.push(soFar);
        controller.abort();
      },
    });

    expect((await rejection(answer)).code).toBe('cancelled');
    const session = ai.sessions[0]!;
    await vi.waitFor(() => expect(session.destroyed).toBe(true));
    expect(session.sawAbort).toBe(true);
    expect(seen).toEqual(['Partial']);
  });

  it('does not start a request whose signal is already aborted', async () => {
    const { ai, chrome, client } = setUp();
    const error = await rejection(client.translateText('Hallo', 'de', 'en', { signal: AbortSignal.abort() }));
    expect(error.code).toBe('cancelled');
    expect(chrome.connections).toHaveLength(0);
    expect(ai.translatorsCreated).toEqual([]);
  });
});

describe('Chrome AI client: models that are not ready', () => {
  it('reports a translator language pack that must be downloaded as a clear error, without calling create()', async () => {
    const { ai, client } = setUp({ translator: 'downloadable' });

    const error = await rejection(client.translateText('Hallo', 'de', 'en'));

    expect(error.code).toBe('downloadable');
    expect(error.feature).toBe('translator');
    expect(ai.translatorsCreated).toEqual([]);
  });

  it('reports an unavailable or still downloading Gemini Nano as clear errors', async () => {
    const unavailable = setUp({ prompt: 'unavailable' });
    const unavailableError = await rejection(unavailable.client.streamChat(CONVERSATION));
    expect([unavailableError.code, unavailableError.feature]).toEqual(['unavailable', 'prompt']);
    expect(unavailable.ai.sessions).toHaveLength(0);

    const downloading = setUp({ prompt: 'downloading' });
    const downloadingError = await rejection(downloading.client.streamChat(CONVERSATION));
    expect(downloadingError.code).toBe('downloading');
    expect(downloading.ai.sessions).toHaveLength(0);
  });

  it('reports a detector that must be downloaded when the source language is unknown', async () => {
    const { ai, client } = setUp({ detector: 'downloadable' });
    const error = await rejection(client.translateText('Hallo', '', 'en'));
    expect([error.code, error.feature]).toEqual(['downloadable', 'detector']);
    expect(ai.translatorsCreated).toEqual([]);
  });

  it('lists Gemini Nano only when the Prompt API can run now', async () => {
    expect(await setUp({ prompt: 'available' }).client.listModels()).toEqual([GEMINI_NANO]);
    expect(await setUp({ prompt: 'downloadable' }).client.listModels()).toEqual([]);
  });

  it('summarises availability for the options page, per language pair', async () => {
    const { chrome } = setUp({
      translator: ({ sourceLanguage }) => (sourceLanguage === 'de' ? 'available' : 'unavailable'),
      detector: 'downloading',
      prompt: 'downloadable',
    });

    expect(await chromeAiAvailability({ source: 'de', target: 'en' }, { env: chrome.env })).toEqual({
      translator: 'available',
      detector: 'downloading',
      prompt: 'downloadable',
    });
    expect((await chromeAiAvailability({ source: 'ja', target: 'en' }, { env: chrome.env })).translator).toBe('unavailable');
  });

  it("asks the APIs directly in one of Parley's pages, where they exist (no offscreen document)", async () => {
    const ai = createFakeAi({ translator: 'downloadable', detector: 'available', prompt: 'unavailable' });

    expect(await chromeAiAvailability({ source: 'de', target: 'en' }, { globals: ai.globals })).toEqual({
      translator: 'downloadable',
      detector: 'available',
      prompt: 'unavailable',
    });
    expect(ai.calls).toContain('translator.availability de>en');
    // This test page (happy-dom) has no built-in AI at all.
    expect(await chromeAiAvailability()).toEqual({ translator: 'unavailable', detector: 'unavailable', prompt: 'unavailable' });
  });

  it('says "not supported" where the browser has no offscreen documents, and the summary reads unavailable', async () => {
    const { chrome } = setUp();
    const env = { ...chrome.env, createDocument: undefined };

    const error = await rejection(createChromeAiClient({ env }).translateText('Hallo', 'de', 'en'));

    expect(error.code).toBe('not-supported');
    expect(await chromeAiAvailability(undefined, { env })).toEqual({ translator: 'unavailable', detector: 'unavailable', prompt: 'unavailable' });
  });

  it('says "not supported" when the browser lacks the API itself', async () => {
    const ai = createFakeAi();
    const chrome = createFakeChrome({ ...ai.globals, Translator: undefined });
    const error = await rejection(createChromeAiClient({ env: chrome.env }).translateText('Hallo', 'de', 'en'));
    expect([error.code, error.feature]).toEqual(['not-supported', 'translator']);
  });
});

describe('Chrome AI client: the offscreen document and its port', () => {
  it('recreates the offscreen document and reconnects after the port drops', async () => {
    const { chrome, client, ai } = setUp();
    expect(await client.translateText('Hallo', 'de', 'en')).toBe('[de→en] Hallo');

    chrome.closeDocument();
    await vi.waitFor(() => expect(chrome.connections[0]!.connected).toBe(false));

    expect(await client.translateText('Danke', 'de', 'en')).toBe('[de→en] Danke');
    expect(chrome.created).toHaveLength(2);
    expect(chrome.connections).toHaveLength(2);
    // The new document made its own translator.
    expect(ai.translatorsCreated).toHaveLength(2);
  });

  it('fails a running request with "disconnected" when the port drops under it', async () => {
    const { chrome, client } = setUp({ chunks: ['Part'], hangAfter: 1 });
    const seen: string[] = [];

    const answer = client.streamChat(CONVERSATION, { onText: (soFar) => seen.push(soFar) });
    await vi.waitFor(() => expect(seen).toEqual(['Part']));
    chrome.closeDocument();

    expect((await rejection(answer)).code).toBe('disconnected');
  });

  it('uses a document another worker instance already opened instead of creating one', async () => {
    const { chrome, client } = setUp();
    chrome.open();

    expect(await client.translateText('Hallo', 'de', 'en')).toBe('[de→en] Hallo');
    expect(chrome.created).toHaveLength(0);
  });

  it('takes "Only a single offscreen document may be created" as the document being there (no getContexts)', async () => {
    const { chrome } = setUp();
    chrome.open();
    const client = createChromeAiClient({ env: { ...chrome.env, getContexts: undefined } });

    expect(await client.translateText('Hallo', 'de', 'en')).toBe('[de→en] Hallo');
    expect(chrome.created).toHaveLength(1);
  });

  it('creates the document once for requests that arrive together', async () => {
    const { chrome, client } = setUp();

    const texts = await Promise.all([client.translateText('eins', 'de', 'en'), client.translateText('zwei', 'de', 'en'), client.listModels()]);

    expect(texts).toEqual(['[de→en] eins', '[de→en] zwei', [GEMINI_NANO]]);
    expect(chrome.created).toHaveLength(1);
    expect(chrome.connections).toHaveLength(1);
  });

  it('connects again when the first port closes before the document listened', async () => {
    const { chrome, client } = setUp({}, { dropFirstConnections: 1 });

    expect(await client.translateText('Hallo', 'de', 'en')).toBe('[de→en] Hallo');
    expect(chrome.connections).toHaveLength(2);
  });

  it('gives up with "not-started" when the document never answers', async () => {
    const { chrome, client } = setUp({}, { dropFirstConnections: 99 });
    const error = await rejection(client.translateText('Hallo', 'de', 'en'));
    expect(error.code).toBe('not-started');
    expect(chrome.connections).toHaveLength(3);
  });
});
