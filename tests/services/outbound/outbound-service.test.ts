import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { conversationLanguageFromMessages, overrideLanguage } from '@/services/language/conversation-state';
import { createModelGateway } from '@/services/model/model-gateway';
import type { ChatMessage, ModelClient } from '@/services/model/model-types';
import { createRequestQueue } from '@/services/model/request-queue';
import { createOutboundService } from '@/services/outbound/outbound-service';
import { parseSettings } from '@/services/settings/parse-settings';
import { DEFAULT_SETTINGS, type Settings } from '@/services/settings/settings-schema';
import { ParleyDatabase } from '@/services/storage/database';
import { respond } from '../../../scripts/model-server/responder';

const CONFIGURED: Settings = {
  ...DEFAULT_SETTINGS,
  provider: { ...DEFAULT_SETTINGS.provider, kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:9/v1', model: 'm' },
};
const KEY = 'zendesk:h:4821';
const PATIENCE_EN = 'Thank you for your patience. I have forwarded your request to our shipping team and will update you as soon as I hear back.';
const PATIENCE_DE =
  'Vielen Dank für Ihre Geduld. Ich habe Ihre Anfrage an unser Versandteam weitergeleitet und melde mich, sobald ich eine Rückmeldung habe.';

/** A model that answers like the local model server (deterministic), recording every request. */
function serverLikeClient(transform?: (request: ChatMessage[], answer: string) => string) {
  const calls: ChatMessage[][] = [];
  const client: ModelClient = {
    identity: 'fake|m',
    async streamChat(messages) {
      calls.push(messages);
      const answer = respond({ messages }).content;
      return { text: transform ? transform(messages, answer) : answer, usage: { promptTokens: 1, completionTokens: 1, estimated: false } };
    },
    listModels: async () => [],
  };
  return { client, calls };
}

const formatOf = (messages: ChatMessage[]) => /Answer format: (\S+)/.exec(messages[0]!.content)?.[1];

describe('outbound service', () => {
  let db: ParleyDatabase;

  beforeEach(async () => {
    db = new ParleyDatabase(`test-${Math.random()}`);
    await db.conversations.put({
      key: KEY,
      helpdesk: 'zendesk',
      host: 'h',
      conversationId: '4821',
      language: conversationLanguageFromMessages(['Hallo, wo ist mein Paket? Ich warte schon seit zwei Wochen.']),
      updatedAt: 1,
    });
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  function service(client: ModelClient, settings: Settings = CONFIGURED) {
    const gateway = createModelGateway({ queue: createRequestQueue({ baseBackoffMs: 1, maxBackoffMs: 2 }), createClient: () => client });
    return createOutboundService({ db, loadSettings: async () => parseSettings(settings), gateway });
  }

  it("translates the agent's draft into the customer's language and back-translates it in a separate request", async () => {
    const { client, calls } = serverLikeClient();
    const result = await service(client).translateDraft(KEY, PATIENCE_EN);
    expect(result).toMatchObject({ ok: true, text: PATIENCE_DE, backTranslation: PATIENCE_EN, language: 'de', forText: PATIENCE_EN });
    expect(calls.map(formatOf)).toEqual(['outbound-json', 'translations-json']);
    // The back-translation sees only the customer-language text, never the agent's draft.
    expect(calls[1]!.map((m) => m.content).join('\n')).not.toContain(PATIENCE_EN);
    expect(calls[1]!.at(-1)!.content).toContain(PATIENCE_DE);
  });

  it('shows a translation that changed the meaning: the back-translation is what the customer text says, not what the agent wrote', async () => {
    // A model that turns "will update you" into a promise of a date in the outbound direction only.
    const { client } = serverLikeClient((messages, answer) => (formatOf(messages) === 'outbound-json' ? JSON.stringify({ translation: 'Ihr Paket kommt morgen an.' }) : answer));
    const result = await service(client).translateDraft(KEY, PATIENCE_EN);
    expect(result).toMatchObject({ ok: true, text: 'Ihr Paket kommt morgen an.', backTranslation: '[de→en] Ihr Paket kommt morgen an.' });
  });

  it('caches both directions: the same draft again costs no request', async () => {
    const { client, calls } = serverLikeClient();
    const outbound = service(client);
    await outbound.translateDraft(KEY, PATIENCE_EN);
    const again = await outbound.translateDraft(KEY, PATIENCE_EN);
    expect(again).toMatchObject({ ok: true, text: PATIENCE_DE });
    expect(calls).toHaveLength(2);
  });

  it('writes in the variant the agent set for the conversation and names it in the prompt', async () => {
    const conversation = (await db.conversations.get(KEY))!;
    await db.conversations.put({ ...conversation, language: overrideLanguage(conversation.language!, 'pt-BR') });
    const { client, calls } = serverLikeClient();
    const result = await service(client).translateDraft(KEY, 'Your refund is on its way.');
    expect(result).toMatchObject({ ok: true, language: 'pt', variant: 'pt-BR', text: '[en→pt] Your refund is on its way.' });
    expect(calls[0]![0]!.content).toContain('Target variant: pt-BR');
  });

  it("masks the customer's personal data in the draft and restores it in both texts", async () => {
    const { client, calls } = serverLikeClient();
    const result = await service(client).translateDraft(KEY, 'I sent the label to lena.schmidt@example.de.');
    expect(calls.flat().map((m) => m.content).join('\n')).not.toContain('lena.schmidt@example.de');
    expect(result).toMatchObject({ ok: true, text: '[en→de] I sent the label to lena.schmidt@example.de.' });
    expect(result.ok && result.backTranslation).toContain('lena.schmidt@example.de');
  });

  it('refuses a translation that lost or changed a personal-data placeholder, after one retry', async () => {
    const { client, calls } = serverLikeClient((messages, answer) =>
      formatOf(messages) === 'outbound-json' ? JSON.stringify({ translation: 'Ich habe das Etikett an [EMAIL_7] geschickt.' }) : answer,
    );
    const result = await service(client).translateDraft(KEY, 'I sent the label to lena.schmidt@example.de.');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toContain('[EMAIL_7]');
    expect(calls.filter((c) => formatOf(c) === 'outbound-json')).toHaveLength(2);
  });

  it('rewrites a reply in a style, with an independent back-translation', async () => {
    const { client, calls } = serverLikeClient();
    const result = await service(client).rewrite(KEY, 'Danke für Ihre Nachricht.', 'apologetic');
    expect(result.ok).toBe(true);
    expect(result.ok && result.text).toMatch(/Entschuldigen Sie/);
    expect(result.ok && result.backTranslation).toMatch(/sorry for the inconvenience/);
    expect(calls.map(formatOf)).toEqual(['rewrite-json', 'translations-json']);
    expect(calls[0]![0]!.content).toContain('more apologetic');
  });

  it('back-translates text the agent edited in the customer language', async () => {
    const { client } = serverLikeClient();
    const result = await service(client).checkMeaning(KEY, PATIENCE_DE);
    expect(result).toMatchObject({ ok: true, text: PATIENCE_DE, backTranslation: PATIENCE_EN });
  });

  it('says so when no model is configured or the customer language is unknown', async () => {
    const { client, calls } = serverLikeClient();
    expect(await service(client, DEFAULT_SETTINGS).translateDraft(KEY, 'Hello')).toMatchObject({ ok: false, error: expect.stringMatching(/model/i) });
    expect(await service(client).translateDraft('zendesk:h:unknown', 'Hello')).toMatchObject({ ok: false });
    expect(calls).toHaveLength(0);
  });
});
