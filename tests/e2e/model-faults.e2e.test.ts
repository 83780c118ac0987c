import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchParley, seedSettings, TEST_API_KEY, type ParleyBrowser } from '../../scripts/launch-parley';
import type { FailNext } from '../../scripts/model-server/server';

/**
 * The model layer in the built extension when the provider misbehaves: each fault the local
 * server can produce, a provider that keeps failing, and the service worker killed in the middle
 * of a streamed batch. Every message must end translated or clearly marked failed, and the number
 * of model requests must stay within the retry bound (3 per message).
 */

interface Inline {
  text: string;
  original: string;
  status: string | null;
  translation: string;
  error: string;
}

async function inlineStates(page: Page): Promise<Inline[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[data-test-id="ticket-4821-standard-layout"] parley-inline-translation')].map((host) => {
      const root = host.shadowRoot;
      return {
        text: '',
        original: host.closest('article')?.querySelector('[data-test-id="omni-log-message-content"]')?.textContent ?? '',
        status: root?.querySelector('.parley-inline')?.getAttribute('data-status') ?? null,
        translation: root?.querySelector('.parley-inline__text')?.textContent ?? '',
        error: root?.querySelector('.parley-inline__error')?.textContent ?? '',
      };
    }),
  );
}

async function append(page: Page, texts: string[]) {
  await page.evaluate((all) => {
    const fixture = (window as unknown as { parleyFixture: { appendCustomerMessage(t: string): string } }).parleyFixture;
    for (const text of all) fixture.appendCustomerMessage(text);
  }, texts);
}

/** Waits until the message with this original text shows a final state (done or failed). */
async function settled(page: Page, original: string, timeout = 30_000): Promise<Inline> {
  await page.waitForFunction(
    (text) =>
      [...document.querySelectorAll('parley-inline-translation')].some((host) => {
        const article = host.closest('article');
        const status = host.shadowRoot?.querySelector('.parley-inline')?.getAttribute('data-status');
        return article?.textContent?.includes(text) && (status === 'done' || status === 'failed');
      }),
    original,
    { timeout },
  );
  return (await inlineStates(page)).find((m) => m.original.includes(original))!;
}

describe('model faults and a worker restart, in the built extension', () => {
  let parley: ParleyBrowser;
  let helpdesk: Page;

  beforeAll(async () => {
    parley = await launchParley();
    await seedSettings(parley.worker, {
      provider: {
        kind: 'openai-compatible',
        baseUrl: parley.modelServer!.url,
        apiKey: TEST_API_KEY,
        model: 'parley-local-1',
        // A hang is given up after 2 s without a token.
        limits: { maxConcurrent: 4, requestsPerMinute: 0, timeoutSeconds: 2 },
      },
      agentLanguage: 'en',
      inlineTranslations: true,
    });
    helpdesk = await parley.openTicket('4821');
    await settled(helpdesk, 'Hallo, ich habe meine Bestellung');
  });
  afterAll(async () => {
    await parley?.close();
  });

  const faults: Array<[string, FailNext]> = [
    ['a 429 with Retry-After', { status: 429, retryAfterSeconds: 1, task: 'translate' }],
    ['a 500', { status: 500, task: 'translate' }],
    ['a stream cut mid-way', { mode: 'cut-stream', task: 'translate' }],
    ['malformed JSON', { mode: 'malformed', task: 'translate' }],
    ['an empty answer', { mode: 'empty', task: 'translate' }],
    ['a hang', { mode: 'hang', task: 'translate' }],
  ];

  for (const [index, [name, fault]] of faults.entries()) {
    it(`recovers from ${name} with exactly one more request`, async () => {
      const server = parley.modelServer!;
      server.reset();
      server.failNext(fault);
      const text = `Frage ${index + 1}: Wird das Paket mit DHL geschickt?`;
      await append(helpdesk, [text]);
      const shown = await settled(helpdesk, text);
      expect(shown.status).toBe('done');
      expect(shown.translation).toBe(`[de→en] ${text}`);
      const requests = server.stats().requests.filter((r) => r.task === 'translate');
      expect(requests).toHaveLength(2);
      expect(requests[0]!.fault).toBe('mode' in fault ? fault.mode : fault.status);
      expect(requests[1]!.fault).toBeNull();
    });
  }

  it('marks a message failed, in words, when the provider keeps failing, after at most 3 requests', async () => {
    const server = parley.modelServer!;
    server.reset();
    server.failNext({ status: 500, count: 20, task: 'translate' });
    const text = 'Frage 7: Haben Sie meine E-Mail bekommen?';
    await append(helpdesk, [text]);
    const shown = await settled(helpdesk, text);
    expect(shown.status).toBe('failed');
    expect(shown.error).toContain('internal error (500)');
    expect(server.stats().requests.filter((r) => r.task === 'translate')).toHaveLength(3);
    server.reset();
  });

  it('resumes a batch after the service worker is killed mid-stream, re-asking only for the unfinished messages', async () => {
    const server = parley.modelServer!;
    server.reset();
    // Slow enough that the batch is still streaming when the worker is killed.
    server.configure({ firstTokenDelayMs: 0, msPerToken: 60 });
    const texts = [
      'Neu 1: Ich brauche eine Rechnung mit meiner Firmenadresse für die Buchhaltung.',
      'Neu 2: Können Sie die Lieferung bitte an eine Packstation schicken lassen?',
      'Neu 3: Ist der Artikel in Größe L wieder verfügbar oder erst nächsten Monat?',
      'Neu 4: Ich möchte außerdem wissen, ob Sie auch in die Schweiz liefern.',
    ];
    await append(helpdesk, texts);
    // Newest first in the batch: wait until the first item is done while others still stream.
    await helpdesk.waitForFunction(
      () => {
        const states = [...document.querySelectorAll('parley-inline-translation')]
          .filter((host) => host.closest('article')?.textContent?.includes('Neu '))
          .map((host) => host.shadowRoot?.querySelector('.parley-inline')?.getAttribute('data-status'));
        return states.length === 4 && states.includes('done') && states.some((s) => s !== 'done');
      },
      undefined,
      { timeout: 30_000 },
    );
    const doneBefore = (await inlineStates(helpdesk)).filter((m) => m.original.includes('Neu ') && m.status === 'done').length;

    // A mark in the running worker's global scope: gone once a new worker instance runs.
    await parley.worker.evaluate(() => Object.assign(globalThis, { parleyE2eMark: 'before-restart' }));
    const cdp = await parley.context.newCDPSession(helpdesk);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    server.configure({ msPerToken: 1 });
    // Any event wakes the worker: here, the page reporting a new message.
    await helpdesk.waitForTimeout(300);
    await append(helpdesk, ['Neu 5: Danke im Voraus!']);

    for (const text of [...texts, 'Neu 5: Danke im Voraus!']) {
      const shown = await settled(helpdesk, text.slice(0, 6));
      expect(shown.status).toBe('done');
    }
    // Playwright keeps one Worker handle for the extension's worker target; the mark proves the
    // instance behind it is a new one, i.e. the work above was resumed by a restarted worker.
    const mark = await parley.context.serviceWorkers()[0]!.evaluate(() => (globalThis as { parleyE2eMark?: string }).parleyE2eMark ?? null);
    expect(mark).toBeNull();
    const batches = server.stats().requests.filter((r) => r.task === 'translate');
    // The first batch carried all four; after the restart only the unfinished ones went again
    // (with or without the new message, depending on timing), and nothing was asked twice.
    expect(batches[0]!.items).toBe(4);
    const afterRestart = batches.slice(1).reduce((sum, r) => sum + r.items, 0);
    expect(afterRestart).toBe(4 - doneBefore + 1);
    server.configure({ msPerToken: null });
  });
});
