// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeModelError } from '@/services/model/describe-model-error';
import { createModelClient } from '@/services/model/model-client';
import { SUGGESTION_JSON_SCHEMA, SUGGESTION_SCHEMA_NAME, suggestionPrompt, translationPrompt } from '@/services/model/prompts';
import { DEFAULT_SETTINGS, type ProviderSettings } from '@/services/settings/settings-schema';
import { testConnection } from '@/services/background/test-connection';
import { startModelServer, type ModelServer } from '../../../scripts/model-server/server';

/** The real openai SDK against Parley's local OpenAI-compatible server, over HTTP on 127.0.0.1. */
describe('model client', () => {
  let server: ModelServer;
  let provider: ProviderSettings;

  beforeAll(async () => {
    server = await startModelServer({ apiKey: 'sk-unit', chunkDelayMs: 1 });
    provider = { ...DEFAULT_SETTINGS.provider, kind: 'openai-compatible', baseUrl: server.url, apiKey: 'sk-unit', model: 'parley-local-1' };
  });
  afterAll(() => server.close());

  it('streams a translation, reporting the growing text', async () => {
    const seen: string[] = [];
    const text = await createModelClient(provider).streamChat(
      translationPrompt('Vielen Dank! Kann ich die Lieferadresse noch ändern?', 'de', 'en'),
      { onText: (soFar) => seen.push(soFar) },
    );
    expect(text).toBe('Thank you very much! Can I still change the delivery address?');
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(text);
    expect(seen[0]!.length).toBeLessThan(text.length);
  });

  it('gets structured suggestions as parsed JSON', async () => {
    const answer = (await createModelClient(provider).completeJson(
      suggestionPrompt([{ role: 'customer', text: 'Wo ist mein Paket?' }], 'de', 'en'),
      { name: SUGGESTION_SCHEMA_NAME, schema: SUGGESTION_JSON_SCHEMA },
    )) as { suggestions: Array<{ reply: string; gloss: string }> };
    expect(answer.suggestions).toHaveLength(3);
    expect(answer.suggestions[0]!.reply.length).toBeGreaterThan(0);
  });

  it('lists the models and passes the connection test', async () => {
    expect(await createModelClient(provider).listModels()).toContain('parley-local-1');
    expect(await testConnection(provider, createModelClient(provider))).toMatchObject({ ok: true, model: 'parley-local-1' });
  });

  it('explains a refused key, an unknown model and an unreachable server in plain words', async () => {
    const wrongKey = { ...provider, apiKey: 'sk-wrong' };
    const refused = await testConnection(wrongKey, createModelClient(wrongKey));
    expect(refused).toEqual({ ok: false, error: expect.stringContaining('refused the API key (401)') });
    expect(refused.ok === false && refused.error).toContain('Incorrect API key provided.');

    const typo = { ...provider, model: 'parley-locl-1' };
    expect(await testConnection(typo, createModelClient(typo))).toEqual({
      ok: false,
      error: expect.stringContaining('does not offer the model "parley-locl-1"'),
    });

    const nowhere = { ...provider, baseUrl: 'http://127.0.0.1:9/v1' };
    const unreachable = await testConnection(nowhere, createModelClient(nowhere));
    expect(unreachable).toEqual({ ok: false, error: expect.stringContaining('Could not reach the provider') });
  });

  it('describes a rate limit and a server error', async () => {
    for (const [model, words] of [
      ['parley-error-429', 'rate-limiting'],
      ['parley-error-500', 'internal error (500)'],
    ] as const) {
      const error = await createModelClient({ ...provider, model })
        .streamChat([{ role: 'user', content: 'x' }])
        .then(() => null, (e: unknown) => e);
      expect(describeModelError(error)).toContain(words);
    }
  });
});
