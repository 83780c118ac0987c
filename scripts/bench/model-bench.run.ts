/**
 * `npm run bench:model`: what Parley's model layer costs and how fast it shows translations, next
 * to a naive client (one streamed request per message, no cache, no batching) in the same run,
 * against the local model server with a per-token delay (BENCH_FIRST_TOKEN_MS, BENCH_MS_PER_TOKEN).
 *
 * Run by vitest (vitest.bench.config.ts) only to get the extension's module aliases, an in-memory
 * IndexedDB and the browser shims; it asserts nothing. The report is printed and written to
 * artifacts/bench/model.md.
 *
 * Scenarios:
 * 1. open a 30-message conversation (20 customer messages, two of them repeated), then reopen it,
 *    then 10 new customer messages arriving one by one;
 * 2. faults: the server answers 429 with Retry-After, 500s, a stream cut mid-way, malformed JSON,
 *    an empty answer, and hangs; and a provider that keeps failing. For each: the requests it cost
 *    and whether every message ended translated or clearly failed.
 *
 * Parley's own added time per message = (time shown - time it arrived) minus the part of that span
 * during which a model request was in flight (measured on the wire, around fetch): queueing,
 * batching windows, IndexedDB writes, parsing. "First words" latency = from the moment a message's
 * first translated characters arrived on the wire (the streamed JSON parsed as it arrives) to the
 * moment Parley announced them to the page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import OpenAI from 'openai';
import { test } from 'vitest';
import type { InlineTranslation } from '@/services/messaging/protocol';
import { createModelClient } from '@/services/model/model-client';
import { createModelGateway } from '@/services/model/model-gateway';
import { createRequestQueue } from '@/services/model/request-queue';
import { createUsageLedger } from '@/services/model/usage-ledger';
import { DEFAULT_SETTINGS, type Settings } from '@/services/settings/settings-schema';
import { ParleyDatabase, messageKeyOf } from '@/services/storage/database';
import { parseStreamedTranslations } from '@/services/translation/streamed-translations';
import { createTranslationService } from '@/services/translation/translation-service';
import { marketOfConversation } from '@/services/markets/conversation-market';
import { createStarterRuleSet } from '@/services/markets/starter-markets';
import { recordCustomerMessages } from '@/services/metrics/record-work';
import { startModelServer, type ModelServer } from '../model-server/server';

const FIRST_TOKEN_MS = Number(process.env.BENCH_FIRST_TOKEN_MS ?? 300);
const MS_PER_TOKEN = Number(process.env.BENCH_MS_PER_TOKEN ?? 4);

const CUSTOMER_TEXTS = [
  'Hallo, ich habe meine Bestellung #40213 vor zwei Wochen aufgegeben und sie ist immer noch nicht angekommen.',
  'Können Sie mir bitte sagen, wann das Paket ankommt? Ich brauche es bis Freitag.',
  'Die Sendungsnummer funktioniert auf der DHL-Seite nicht.',
  'Hallo?',
  'Ich habe schon zweimal geschrieben und keine Antwort bekommen.',
  'Kann ich die Bestellung stornieren, wenn sie nicht bis Freitag da ist?',
  'Danke!',
  'Das Paket soll an meine Arbeitsadresse gehen, geht das noch?',
  'Ich habe für den Expressversand 14,90 € bezahlt.',
  'Bekomme ich die Versandkosten zurück?',
  'Hallo?',
  'Meine Telefonnummer ist +49 151 23456789, Sie können mich gerne anrufen.',
  'Ich warte jetzt seit drei Tagen auf eine Antwort.',
  'Die Größe M war richtig, bitte nicht umtauschen.',
  'Danke!',
  'Wann wird der Betrag auf meiner Karte gutgeschrieben?',
  'Ist das Geschenkpapier inbegriffen?',
  'Bitte schicken Sie die Rechnung an lena.schmidt@example.de.',
  'Das ist wirklich ärgerlich, ich bin seit Jahren Kundin.',
  'Können Sie mir eine Bestätigung per E-Mail schicken?',
];
const WARM_UP_TEXTS = [
  'Guten Tag, meine Handynummer ist 0171 9876543, bitte rufen Sie mich zurück.',
  'Sie erreichen mich auch per Mail unter k.weber@example.org oder unter +43 660 1234567.',
  'Die Lieferadresse ist Bahnhofstraße 12, 80335 München.',
  'Erstatten Sie das Geld bitte auf DE89 3704 0044 0532 0130 00.',
  'Wo bleibt meine Lieferung 77812? Ich habe 39,99 € bezahlt.',
  'Vielen Dank für die schnelle Hilfe!',
];
const LATER_TEXTS = Array.from({ length: 10 }, (_, i) => `Noch eine Frage Nummer ${i + 1}: kommt die Lieferung mit DHL oder mit Hermes?`);

interface WireRequest {
  startedAt: number;
  endedAt: number | null;
  /** When each batch item's first translated characters arrived on the wire, by item id. */
  firstWordsAt: Map<string, number>;
  /** Item id → text sent, from the request body. */
  items: Map<string, string>;
}

/** Wraps fetch to time every model request on the wire and see when each item's words arrive. */
function instrumentFetch() {
  const requests: WireRequest[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const record: WireRequest = { startedAt: performance.now(), endedAt: null, firstWordsAt: new Map(), items: new Map() };
    requests.push(record);
    try {
      const body = JSON.parse(String(init?.body ?? '{}')) as { messages?: Array<{ role: string; content: string }> };
      const user = body.messages?.filter((m) => m.role === 'user').at(-1)?.content;
      if (user?.startsWith('{"messages"')) {
        for (const item of (JSON.parse(user) as { messages: Array<{ id: string; text: string }> }).messages) record.items.set(item.id, item.text);
      }
    } catch {
      // Not a batch request (the naive client's).
    }
    let response: Response;
    try {
      response = await original(input, init);
    } catch (error) {
      record.endedAt = performance.now();
      throw error;
    }
    if (!response.body) {
      record.endedAt = performance.now();
      return response;
    }
    let content = '';
    let sse = '';
    const decoder = new TextDecoder();
    const timed = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          sse += decoder.decode(chunk, { stream: true });
          const events = sse.split('\n\n');
          sse = events.pop() ?? '';
          for (const event of events) {
            const data = event.replace(/^data: /, '');
            if (data === '[DONE]') continue;
            try {
              const delta = (JSON.parse(data) as { choices?: Array<{ delta?: { content?: string } }> }).choices?.[0]?.delta?.content;
              if (delta) content += delta;
            } catch {
              // a non-JSON event
            }
          }
          const now = performance.now();
          for (const item of parseStreamedTranslations(content).items) {
            if (item.id !== null && item.text.trim() !== '' && !record.firstWordsAt.has(item.id)) record.firstWordsAt.set(item.id, now);
          }
          if (content.trim() !== '' && !record.firstWordsAt.has('*')) record.firstWordsAt.set('*', now);
          controller.enqueue(chunk);
        },
        flush() {
          record.endedAt = performance.now();
        },
      }),
    );
    return new Response(timed, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return {
    requests,
    restore: () => {
      globalThis.fetch = original;
    },
  };
}

/** How much of [from, to] no model request was in flight. */
function timeOutsideRequests(from: number, to: number, requests: readonly WireRequest[]): number {
  const intervals = requests
    .map((r) => [Math.max(from, r.startedAt), Math.min(to, r.endedAt ?? to)] as const)
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  let covered = 0;
  let cursor = from;
  for (const [a, b] of intervals) {
    const start = Math.max(a, cursor);
    if (b > start) covered += b - start;
    cursor = Math.max(cursor, b);
  }
  return to - from - covered;
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
};
const ms = (value: number) => (Number.isFinite(value) ? `${value.toFixed(1)} ms` : '—');

function settingsFor(server: ModelServer, timeoutSeconds = 30): Settings {
  return {
    ...DEFAULT_SETTINGS,
    provider: {
      ...DEFAULT_SETTINGS.provider,
      kind: 'openai-compatible',
      baseUrl: server.url,
      apiKey: 'sk-bench',
      model: 'parley-local-1',
      limits: { maxConcurrent: 4, requestsPerMinute: 0, timeoutSeconds },
    },
  };
}

interface Shown {
  firstWords?: number;
  done?: number;
  status?: string;
}

/** Parley's translation service as the background runs it, with a fresh database (opened: the extension opens it once). */
async function createParley(server: ModelServer, settings: Settings) {
  const db = new ParleyDatabase(`bench-${Math.random()}`);
  await db.open();
  const shown = new Map<string, Shown>();
  const queue = createRequestQueue();
  const gateway = createModelGateway({ queue, createClient: createModelClient, ledger: createUsageLedger(db) });
  const service = createTranslationService({
    db,
    loadSettings: async () => ({ settings, warnings: [] }),
    gateway,
    // As the background wires it: new customer messages are counted for the dashboard.
    onNewCustomerMessages: async (conversationKey, messages) => {
      const { market } = await marketOfConversation(db, conversationKey, async () => ({ ruleSet: createStarterRuleSet(), managedIds: [], warnings: [] }));
      await recordCustomerMessages(db, conversationKey, messages, market?.id ?? null);
    },
    notify: (_key, _id, translation: InlineTranslation) => {
      const entry = shown.get(translation.messageId) ?? {};
      const now = performance.now();
      if (translation.text.trim() !== '' && entry.firstWords === undefined) entry.firstWords = now;
      if (translation.status === 'done' || translation.status === 'failed') {
        entry.done ??= now;
        entry.status = translation.status;
      }
      shown.set(translation.messageId, entry);
    },
  });
  return { db, service, shown, server };
}

interface PhaseResult {
  requests: number;
  promptTokens: number;
  completionTokens: number;
  firstShownMs: number;
  allShownMs: number;
}

async function parleyPhase(
  parley: Awaited<ReturnType<typeof createParley>>,
  wire: ReturnType<typeof instrumentFetch>,
  messages: Array<{ id: string; role: 'customer' | 'agent'; text: string; position: number }>,
  added: number[],
  firstWordsLag: number[],
): Promise<PhaseResult> {
  const before = parley.server.stats();
  const wireStart = wire.requests.length;
  // Each phase measures what it shows itself (a reopened message was shown before).
  for (const message of messages) parley.shown.delete(message.id);
  const start = performance.now();
  const answer = await parley.service.handleUpdate({ helpdesk: 'zendesk', conversationId: '4821', title: 'Bench', messages }, 'acme.zendesk.com');
  // Translations known at once (the cache) are shown from the answer to the page's update.
  const answeredAt = performance.now();
  for (const translation of answer.translations) {
    if (translation.status === 'done' && !parley.shown.has(translation.messageId)) {
      parley.shown.set(translation.messageId, { firstWords: answeredAt, done: answeredAt, status: 'done' });
    }
  }
  await parley.service.idle();
  const after = parley.server.stats();
  const customers = messages.filter((m) => m.role === 'customer').map((m) => m.id);
  const firstShown = Math.min(...customers.map((id) => parley.shown.get(id)?.firstWords ?? parley.shown.get(id)?.done ?? Infinity));
  const allShown = Math.max(...customers.map((id) => parley.shown.get(id)?.done ?? Infinity));
  const phaseRequests = wire.requests.slice(wireStart);
  for (const id of customers) {
    const entry = parley.shown.get(id);
    if (entry?.done !== undefined) added.push(timeOutsideRequests(start, entry.done, phaseRequests));
  }
  // First words: from their arrival on the wire to their announcement.
  for (const request of phaseRequests) {
    for (const [itemId, arrivedAt] of request.firstWordsAt) {
      if (itemId === '*') continue;
      const text = request.items.get(itemId);
      const message = messages.find((m) => m.role === 'customer' && maskedEquals(m.text, text));
      const announcedAt = message ? parley.shown.get(message.id)?.firstWords : undefined;
      if (announcedAt !== undefined && announcedAt >= arrivedAt - 1) firstWordsLag.push(Math.max(0, announcedAt - arrivedAt));
    }
  }
  return {
    requests: after.chatCompletions - before.chatCompletions,
    promptTokens: after.promptTokens - before.promptTokens,
    completionTokens: after.completionTokens - before.completionTokens,
    firstShownMs: firstShown - start,
    allShownMs: allShown - start,
  };
}

/** The text sent may have personal data masked: compare with placeholders as wildcards. */
function maskedEquals(original: string, sent: string | undefined): boolean {
  if (sent === undefined) return false;
  if (sent === original) return true;
  const pattern = new RegExp(`^${sent.split(/\[[A-Z]+_\d+\]/).map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('.+')}$`, 's');
  return pattern.test(original);
}

/** The naive client: one streamed request per message, all at once, no cache. */
async function naivePhase(server: ModelServer, texts: readonly string[]): Promise<PhaseResult> {
  const client = new OpenAI({ apiKey: 'sk-bench', baseURL: server.url, maxRetries: 0 });
  const before = server.stats();
  const start = performance.now();
  const firsts: number[] = [];
  const dones: number[] = [];
  await Promise.all(
    texts.map(async (text) => {
      const stream = await client.chat.completions.create({
        model: 'parley-local-1',
        stream: true,
        messages: [
          {
            role: 'system',
            content: [
              'You translate customer-support chat messages from German into English.',
              'Reply with the translation only: no quotes, no notes, no explanations.',
              'Keep order numbers, tracking numbers, amounts, dates, product names, URLs and emails exactly as written.',
              'Keep the tone and the level of formality of the original.',
              'Source language: de',
              'Target language: en',
            ].join('\n'),
          },
          { role: 'user', content: text },
        ],
      });
      let first = false;
      for await (const chunk of stream) {
        if (!first && chunk.choices[0]?.delta?.content) {
          first = true;
          firsts.push(performance.now());
        }
      }
      dones.push(performance.now());
    }),
  );
  const after = server.stats();
  return {
    requests: after.chatCompletions - before.chatCompletions,
    promptTokens: after.promptTokens - before.promptTokens,
    completionTokens: after.completionTokens - before.completionTokens,
    firstShownMs: Math.min(...firsts) - start,
    allShownMs: Math.max(...dones) - start,
  };
}

/** The naive client for messages arriving one at a time. */
async function naiveOneByOne(server: ModelServer, texts: readonly string[]): Promise<PhaseResult> {
  const totals: PhaseResult = { requests: 0, promptTokens: 0, completionTokens: 0, firstShownMs: 0, allShownMs: 0 };
  const firsts: number[] = [];
  const alls: number[] = [];
  for (const text of texts) {
    const result = await naivePhase(server, [text]);
    totals.requests += result.requests;
    totals.promptTokens += result.promptTokens;
    totals.completionTokens += result.completionTokens;
    firsts.push(result.firstShownMs);
    alls.push(result.allShownMs);
  }
  return { ...totals, firstShownMs: percentile(firsts, 50), allShownMs: percentile(alls, 50) };
}

function conversation() {
  return CUSTOMER_TEXTS.flatMap((text, i) => {
    const customer = { id: `c${i}`, role: 'customer' as const, text, position: i * 2 * 1024 };
    // 10 agent replies among the 20 customer messages: 30 messages in all.
    return i % 2 === 1 ? [customer, { id: `a${i}`, role: 'agent' as const, text: `Thanks, I am checking that for you (${i}).`, position: (i * 2 + 1) * 1024 }] : [customer];
  });
}

async function faultScenario(
  server: ModelServer,
  name: string,
  arm: () => void,
  timeoutSeconds = 30,
): Promise<{ name: string; requests: number; translated: number; failed: number; other: number; seconds: number; errors: string[] }> {
  server.reset();
  server.configure({ firstTokenDelayMs: 20, msPerToken: 1 });
  const parley = await createParley(server, settingsFor(server, timeoutSeconds));
  arm();
  const messages = CUSTOMER_TEXTS.slice(0, 6).map((text, i) => ({ id: `f${i}`, role: 'customer' as const, text, position: i }));
  const start = performance.now();
  await parley.service.handleUpdate({ helpdesk: 'zendesk', conversationId: 'fault', messages }, 'acme.zendesk.com');
  await parley.service.idle();
  const seconds = (performance.now() - start) / 1000;
  const records = await parley.db.messages.bulkGet(messages.map((m) => messageKeyOf('zendesk:acme.zendesk.com:fault', m.id)));
  const translated = records.filter((r) => r?.translationStatus === 'done' && r.translation !== '').length;
  const failed = records.filter((r) => r?.translationStatus === 'failed' && (r.translationError ?? '') !== '').length;
  const errors = [...new Set(records.filter((r) => r?.translationStatus === 'failed').map((r) => r!.translationError ?? ''))];
  parley.db.close();
  return { name, requests: server.stats().chatCompletions, translated, failed, other: messages.length - translated - failed, seconds, errors };
}

test('model layer benchmark', async () => {
  const server = await startModelServer({ apiKey: 'sk-bench', firstTokenDelayMs: FIRST_TOKEN_MS, msPerToken: MS_PER_TOKEN });
  const wire = instrumentFetch();
  const lines: string[] = [];
  const out = (line = '') => lines.push(line);
  try {
    const messages = conversation();
    const customerTexts = messages.filter((m) => m.role === 'customer').map((m) => m.text);
    const added: number[] = [];
    const firstWordsLag: number[] = [];

    // Cold start: the first message a fresh worker handles (modules loaded, nothing run yet).
    const cold = await createParley(server, settingsFor(server));
    const coldAdded: number[] = [];
    await parleyPhase(cold, wire, [{ id: 'w', role: 'customer', text: 'Guten Morgen, eine kurze Frage zu meiner Bestellung an lena@example.de.', position: 0 }], coldAdded, []);
    await naivePhase(server, ['Guten Morgen, eine kurze Frage.']);
    // Warm-up with other texts (not measured): a worker that has handled a few messages, some with
    // contact details, so the steady-state figures below do not carry first-use costs (V8 compiles
    // each of the masking patterns on its first use; the cold-start line above shows that cost).
    await parleyPhase(cold, wire, WARM_UP_TEXTS.map((text, i) => ({ id: `warm${i}`, role: 'customer' as const, text, position: 10 + i })), [], []);
    cold.db.close();

    const parley = await createParley(server, settingsFor(server));
    const addedOpen: number[] = [];
    const addedReopen: number[] = [];
    const addedLater: number[] = [];
    const open = await parleyPhase(parley, wire, messages, addedOpen, firstWordsLag);
    const naiveOpen = await naivePhase(server, customerTexts);
    const reopen = await parleyPhase(parley, wire, messages, addedReopen, firstWordsLag);
    const naiveReopen = await naivePhase(server, customerTexts);

    const oneByOne: PhaseResult[] = [];
    for (const [i, text] of LATER_TEXTS.entries()) {
      oneByOne.push(await parleyPhase(parley, wire, [{ id: `n${i}`, role: 'customer', text, position: (100 + i) * 1024 }], addedLater, firstWordsLag));
    }
    added.push(...addedOpen, ...addedReopen, ...addedLater);
    const naiveLater = await naiveOneByOne(server, LATER_TEXTS);
    const later: PhaseResult = {
      requests: oneByOne.reduce((s, r) => s + r.requests, 0),
      promptTokens: oneByOne.reduce((s, r) => s + r.promptTokens, 0),
      completionTokens: oneByOne.reduce((s, r) => s + r.completionTokens, 0),
      firstShownMs: percentile(oneByOne.map((r) => r.firstShownMs), 50),
      allShownMs: percentile(oneByOne.map((r) => r.allShownMs), 50),
    };
    parley.db.close();

    out(`# bench:model — ${new Date().toISOString()}`);
    out();
    out(`Local model server: first token after ${FIRST_TOKEN_MS} ms, then ${MS_PER_TOKEN} ms per token (BENCH_FIRST_TOKEN_MS, BENCH_MS_PER_TOKEN).`);
    out(`Conversation: ${messages.length} messages, ${customerTexts.length} from the customer (2 texts repeated), German; then 10 new customer messages one by one.`);
    out();
    out('| phase | client | requests | tokens sent | tokens received | first translation shown | all shown |');
    out('|---|---|---:|---:|---:|---:|---:|');
    const row = (phase: string, client: string, r: PhaseResult) =>
      out(`| ${phase} | ${client} | ${r.requests} | ${r.promptTokens} | ${r.completionTokens} | ${ms(r.firstShownMs)} | ${ms(r.allShownMs)} |`);
    row('open (30 messages)', 'Parley', open);
    row('open (30 messages)', 'naive', naiveOpen);
    row('reopen', 'Parley', reopen);
    row('reopen', 'naive', naiveReopen);
    row('10 arriving one by one (median per message)', 'Parley', later);
    row('10 arriving one by one (median per message)', 'naive', naiveLater);
    out();
    out(`First open: ${(naiveOpen.requests / Math.max(1, open.requests)).toFixed(1)}× fewer requests, ${(100 * (1 - (open.promptTokens + open.completionTokens) / (naiveOpen.promptTokens + naiveOpen.completionTokens))).toFixed(1)} % fewer tokens (sent + received) than the naive client.`);
    out(`Parley's own added time per message (all phases, n=${added.length}): p50 ${ms(percentile(added, 50))}, p95 ${ms(percentile(added, 95))}, max ${ms(Math.max(...added))}.`);
    for (const [phase, values] of [['open', addedOpen], ['reopen', addedReopen], ['one by one', addedLater]] as const) {
      out(`- ${phase} (n=${values.length}): p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}.`);
    }
    out(`Cold start (the first message a fresh worker handles): Parley's added time ${ms(coldAdded[0] ?? NaN)}.`);
    out(`First words on screen after they arrived from the model (n=${firstWordsLag.length}): p50 ${ms(percentile(firstWordsLag, 50))}, p95 ${ms(percentile(firstWordsLag, 95))}, max ${ms(Math.max(...firstWordsLag))}.`);
    out();

    // Faults: each armed for the next request(s) of a 6-message conversation.
    const faults = [
      await faultScenario(server, '429 with Retry-After: 1', () => server.failNext({ status: 429, retryAfterSeconds: 1 })),
      await faultScenario(server, '500, twice', () => server.failNext({ status: 500, count: 2 })),
      await faultScenario(server, 'stream cut mid-way', () => server.failNext({ mode: 'cut-stream' })),
      await faultScenario(server, 'malformed JSON', () => server.failNext({ mode: 'malformed' })),
      await faultScenario(server, 'empty answer', () => server.failNext({ mode: 'empty' })),
      await faultScenario(server, 'hang (timeout 2 s)', () => server.failNext({ mode: 'hang' }), 2),
      await faultScenario(server, '500 on every request', () => server.failNext({ status: 500, count: 50 })),
      await faultScenario(server, '401 (refused key)', () => server.failNext({ status: 401, count: 50 })),
    ];
    out('Fault run (6 customer messages, one batch; requests include retries):');
    out();
    out('| fault | requests | translated | clearly failed | neither | time |');
    out('|---|---:|---:|---:|---:|---:|');
    for (const f of faults) out(`| ${f.name} | ${f.requests} | ${f.translated} | ${f.failed} | ${f.other} | ${f.seconds.toFixed(1)} s |`);
    out();
    for (const f of faults.filter((x) => x.errors.length > 0)) out(`- ${f.name}: "${f.errors.join('" / "')}"`);
  } finally {
    wire.restore();
    await server.close();
  }
  const report = lines.join('\n');
  mkdirSync('artifacts/bench', { recursive: true });
  writeFileSync('artifacts/bench/model.md', `${report}\n`);
}, 600_000);
