import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversationSnapshot } from '@/services/helpdesk/types';
import type { ConversationUpdate, InlineTranslation } from '@/services/messaging/protocol';
import type { ModelClient } from '@/services/model/model-client';
import type { ChatMessage } from '@/services/model/prompts';
import { parseSettings } from '@/services/settings/parse-settings';
import { DEFAULT_SETTINGS, type Settings } from '@/services/settings/settings-schema';
import { messageKeyOf, ParleyDatabase } from '@/services/storage/database';
import { createTranslationService } from '@/services/translation/translation-service';
import { overrideConversationLanguage } from '@/services/background/override-language';

const CONFIGURED: Settings = {
  ...DEFAULT_SETTINGS,
  provider: { ...DEFAULT_SETTINGS.provider, kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' },
};

const GERMAN = 'Hallo, ich habe meine Bestellung #40213 vor zwei Wochen aufgegeben und sie ist immer noch nicht angekommen.';
const ENGLISH = 'Hi Lena, thanks for reaching out! I am checking the tracking for order #40213 now.';

/** An update as a content script sends it on a first read: every message, with positions. */
function snapshot(messages: ConversationSnapshot['messages'], conversationId = '4821'): ConversationUpdate {
  return { helpdesk: 'zendesk', conversationId, title: 'Paket', messages: messages.map((m, index) => ({ ...m, position: index * 1024 })) };
}

/** A model that answers "EN(<text>)" in two streamed chunks, and records every call. */
function recordingClient(options: { fail?: Error; answer?: string } = {}) {
  const calls: ChatMessage[][] = [];
  const client: ModelClient = {
    identity: 'fake|m',
    async streamChat(messages, { onText } = {}) {
      calls.push(messages);
      if (options.fail) throw options.fail;
      const answer = options.answer ?? `EN(${messages.at(-1)?.content})`;
      onText?.(answer.slice(0, 3));
      onText?.(answer);
      return answer;
    },
    async completeJson() {
      throw new Error('not used');
    },
    async listModels() {
      return ['m'];
    },
  };
  return { client, calls };
}

describe('translation service', () => {
  let db: ParleyDatabase;
  let settings: Settings;
  let notes: InlineTranslation[];

  beforeEach(() => {
    db = new ParleyDatabase(`test-${Math.random()}`);
    settings = CONFIGURED;
    notes = [];
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function service(client: ModelClient) {
    return createTranslationService({
      db,
      loadSettings: async () => parseSettings(settings),
      createClient: () => client,
      notify: (_key, _id, translation) => notes.push(translation),
      streamUpdateIntervalMs: 0,
    });
  }

  it('translates customer messages only, into the agent language, and announces the result', async () => {
    const { client, calls } = recordingClient();
    const translations = service(client);
    await translations.handleUpdate(
      snapshot([
        { id: 'c1', role: 'customer', text: GERMAN },
        { id: 'a1', role: 'agent', text: ENGLISH },
        { id: 'n1', role: 'note', text: 'Zoll in Leipzig' },
      ]),
      'acme.zendesk.com',
    );
    await translations.idle();
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]!.content).toContain('Source language: de');
    expect(calls[0]![0]!.content).toContain('Target language: en');
    const stored = await db.messages.get(messageKeyOf('zendesk:acme.zendesk.com:4821', 'c1'));
    expect(stored).toMatchObject({ translationStatus: 'done', translation: `EN(${GERMAN})`, translatedInto: 'en' });
    expect(stored?.detection).toMatchObject({ language: 'de' });
    const agent = await db.messages.get(messageKeyOf('zendesk:acme.zendesk.com:4821', 'a1'));
    expect(agent).toMatchObject({ translationStatus: null, detection: null });
    expect(notes.at(-1)).toMatchObject({ messageId: 'c1', status: 'done' });
    expect(notes.some((n) => n.status === 'streaming')).toBe(true);
  });

  it('costs no model call for a reopened conversation, nor for the same text in another one', async () => {
    const { client, calls } = recordingClient();
    const translations = service(client);
    const messages = [{ id: 'c1', role: 'customer' as const, text: GERMAN }];
    await translations.handleUpdate(snapshot(messages), 'acme.zendesk.com');
    await translations.idle();
    const reopened = await translations.handleUpdate(snapshot(messages), 'acme.zendesk.com');
    await translations.idle();
    expect(reopened.translations).toEqual([expect.objectContaining({ messageId: 'c1', status: 'done', text: `EN(${GERMAN})` })]);
    await translations.handleUpdate(snapshot([{ id: 'x9', role: 'customer', text: GERMAN }], '5000'), 'acme.zendesk.com');
    await translations.idle();
    expect(calls).toHaveLength(1);
    expect((await db.messages.get(messageKeyOf('zendesk:acme.zendesk.com:5000', 'x9')))?.translation).toBe(`EN(${GERMAN})`);
  });

  it('translates again when the agent language changes', async () => {
    const { client, calls } = recordingClient();
    const translations = service(client);
    const messages = [{ id: 'c1', role: 'customer' as const, text: GERMAN }];
    await translations.handleUpdate(snapshot(messages), 'h');
    await translations.idle();
    settings = { ...CONFIGURED, agentLanguage: 'fr' };
    await translations.handleUpdate(snapshot(messages), 'h');
    await translations.idle();
    expect(calls).toHaveLength(2);
    expect(calls[1]![0]!.content).toContain('Target language: fr');
  });

  it('marks a message already in the agent language instead of translating it', async () => {
    const { client, calls } = recordingClient();
    const translations = service(client);
    await translations.handleUpdate(snapshot([{ id: 'c1', role: 'customer', text: 'Hello, I would like to know when my order will be shipped because I need it for a birthday party next week.' }]), 'h');
    await translations.idle();
    expect(calls).toHaveLength(0);
    expect((await db.messages.get(messageKeyOf('zendesk:h:4821', 'c1')))?.translationStatus).toBe('same-language');
  });

  it('never caches a failure or an empty answer, and says why it failed', async () => {
    const failing = recordingClient({ fail: new Error('boom') });
    await service(failing.client).handleUpdate(snapshot([{ id: 'c1', role: 'customer', text: GERMAN }]), 'h');
    await service(failing.client).idle();
    await new Promise((r) => setTimeout(r, 20));
    expect(await db.messages.get(messageKeyOf('zendesk:h:4821', 'c1'))).toMatchObject({ translationStatus: 'failed', translationError: 'boom' });
    expect(await db.translations.count()).toBe(0);

    const empty = recordingClient({ answer: '' });
    const emptyService = service(empty.client);
    await emptyService.handleUpdate(snapshot([{ id: 'c1', role: 'customer', text: GERMAN }]), 'h');
    await emptyService.idle();
    expect(await db.messages.get(messageKeyOf('zendesk:h:4821', 'c1'))).toMatchObject({ translationStatus: 'failed' });
    expect(await db.translations.count()).toBe(0);

    // The next snapshot retries, and a good answer is then cached.
    const good = recordingClient();
    const goodService = service(good.client);
    await goodService.handleUpdate(snapshot([{ id: 'c1', role: 'customer', text: GERMAN }]), 'h');
    await goodService.idle();
    expect(await db.translations.count()).toBe(1);
  });

  it('says so when no model is configured, without calling one', async () => {
    settings = DEFAULT_SETTINGS;
    const { client, calls } = recordingClient();
    const translations = service(client);
    await translations.handleUpdate(snapshot([{ id: 'c1', role: 'customer', text: GERMAN }]), 'h');
    await translations.idle();
    expect(calls).toHaveLength(0);
    expect(await db.messages.get(messageKeyOf('zendesk:h:4821', 'c1'))).toMatchObject({ translationStatus: 'failed', translationError: "No model is configured yet: open Parley's settings." });
  });

  it('retries failed translations when asked (settings changed), and only those', async () => {
    settings = DEFAULT_SETTINGS;
    const { client, calls } = recordingClient();
    const translations = service(client);
    await translations.handleUpdate(snapshot([{ id: 'c1', role: 'customer', text: GERMAN }]), 'h');
    await translations.idle();
    expect(calls).toHaveLength(0);
    settings = CONFIGURED;
    expect(await translations.retryFailed()).toBe(1);
    await translations.idle();
    expect(calls).toHaveLength(1);
    expect((await db.messages.get(messageKeyOf('zendesk:h:4821', 'c1')))?.translationStatus).toBe('done');
    expect(await translations.retryFailed()).toBe(0);
  });

  it('resumes work a dead service worker left pending, from the database alone', async () => {
    await db.messages.put({
      key: messageKeyOf('zendesk:h:4821', 'c1'),
      conversationKey: 'zendesk:h:4821',
      messageId: 'c1',
      order: 0,
      role: 'customer',
      text: GERMAN,
      detection: { language: 'de', confidence: 'high', reason: 'statistical' },
      translationStatus: 'streaming',
      translation: 'Hel',
    });
    const { client, calls } = recordingClient();
    const translations = service(client); // a fresh worker: nothing in memory
    expect(await translations.resumePending()).toBe(1);
    await translations.idle();
    expect(calls).toHaveLength(1);
    expect((await db.messages.get(messageKeyOf('zendesk:h:4821', 'c1')))?.translationStatus).toBe('done');
  });

  it('keeps earlier messages when an update carries only the new one, ordered by position', async () => {
    const { client } = recordingClient();
    const translations = service(client);
    await translations.handleUpdate(snapshot([{ id: 'c1', role: 'customer', text: GERMAN }]), 'h');
    const later = { helpdesk: 'zendesk' as const, conversationId: '4821', messages: [{ id: 'c0', role: 'customer' as const, text: 'Vorher geschrieben, aber erst jetzt geladen.', position: -1024 }] };
    await translations.handleUpdate(later, 'h');
    await translations.idle();
    const stored = await db.messages.where('conversationKey').equals('zendesk:h:4821').sortBy('order');
    expect(stored.map((m) => m.messageId)).toEqual(['c0', 'c1']);
    expect((await db.conversations.get('zendesk:h:4821'))?.title).toBe('Paket');
  });

  it("keeps the conversation's language state, and translates a short message from the conversation's language", async () => {
    const { client, calls } = recordingClient();
    const translations = service(client);
    await translations.handleUpdate(
      snapshot([
        { id: 'c1', role: 'customer', text: 'Olá, não recebi o meu pedido e já passaram três semanas.' },
        { id: 'c2', role: 'customer', text: 'Você pode verificar o rastreamento, por favor?' },
        { id: 'c3', role: 'customer', text: 'ok?' },
      ]),
      'h',
    );
    await translations.idle();
    const state = (await db.conversations.get('zendesk:h:4821'))?.language;
    expect(state).toMatchObject({ language: 'pt', tag: 'pt-BR', source: 'messages' });
    const shortOne = calls.find((c) => c[1]!.content === 'ok?')!;
    expect(shortOne[0]!.content).toContain('Source language: pt');
  });

  it('takes the agent override for the conversation, and refuses an unsupported language', async () => {
    const { client } = recordingClient();
    await service(client).handleUpdate(snapshot([{ id: 'c1', role: 'customer', text: GERMAN }]), 'h');
    expect(await overrideConversationLanguage(db, 'zendesk:h:4821', 'de-AT')).toBe(true);
    expect((await db.conversations.get('zendesk:h:4821'))?.language).toMatchObject({ source: 'override', language: 'de' });
    expect(await overrideConversationLanguage(db, 'zendesk:h:4821', 'xx')).toBe(false);
    expect(await overrideConversationLanguage(db, 'zendesk:h:nope', 'de')).toBe(false);
    expect(await overrideConversationLanguage(db, 'zendesk:h:4821', null)).toBe(true);
    expect((await db.conversations.get('zendesk:h:4821'))?.language).toMatchObject({ source: 'messages', language: 'de' });
  });

  it('starts each message once even when snapshots arrive while it streams', async () => {
    const { client, calls } = recordingClient();
    const translations = service(client);
    const s = snapshot([{ id: 'c1', role: 'customer', text: GERMAN }]);
    await Promise.all([translations.handleUpdate(s, 'h'), translations.handleUpdate(s, 'h'), translations.handleUpdate(s, 'h')]);
    await translations.idle();
    expect(calls).toHaveLength(1);
  });

  it('re-translates one message on request, bypassing the cache', async () => {
    const { client, calls } = recordingClient();
    const translations = service(client);
    await translations.handleUpdate(snapshot([{ id: 'c1', role: 'customer', text: GERMAN }]), 'h');
    await translations.idle();
    expect(await translations.retranslate(messageKeyOf('zendesk:h:4821', 'c1'))).toBe(true);
    expect(calls).toHaveLength(2);
    expect(await translations.retranslate('nope')).toBe(false);
  });
});
