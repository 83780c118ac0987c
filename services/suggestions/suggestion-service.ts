import { i18n } from '#i18n';
import { z } from 'zod';
import type { SuggestRepliesResponse } from '@/services/messaging/protocol';
import { describeModelError } from '@/services/model/describe-model-error';
import type { ModelClient } from '@/services/model/model-client';
import {
  SUGGESTION_JSON_SCHEMA,
  SUGGESTION_PROMPT_VERSION,
  SUGGESTION_SCHEMA_NAME,
  suggestionPrompt,
} from '@/services/model/prompts';
import type { ParsedSettings } from '@/services/settings/parse-settings';
import { isProviderConfigured, type ProviderSettings } from '@/services/settings/settings-schema';
import type { ParleyDatabase } from '@/services/storage/database';
import { hashKey } from '@/services/storage/hash-key';
import { notConfiguredError } from '@/services/translation/translation-service';

const suggestionAnswerSchema = z.object({
  suggestions: z
    .array(z.object({ reply: z.string().trim().min(1), gloss: z.string().trim() }))
    .min(1),
});

/** How much of the conversation the model sees: enough context, bounded cost. */
const TRANSCRIPT_MESSAGES = 20;

export interface SuggestionServiceDeps {
  db: ParleyDatabase;
  loadSettings(): Promise<ParsedSettings>;
  createClient(provider: ProviderSettings): ModelClient;
}

/**
 * Three replies in the customer's language, each with a gloss in the agent's. Cached per
 * conversation state, so reopening the panel costs nothing; `regenerate` asks the model again.
 */
export function createSuggestionService(deps: SuggestionServiceDeps) {
  async function suggestReplies(conversationKey: string, regenerate: boolean): Promise<SuggestRepliesResponse> {
    const { settings } = await deps.loadSettings();
    if (!isProviderConfigured(settings.provider)) return { ok: false, error: notConfiguredError() };

    const messages = await deps.db.messages.where('conversationKey').equals(conversationKey).sortBy('order');
    if (!messages.some((m) => m.role === 'customer')) {
      return { ok: false, error: i18n.t('errors.no_customer_message') };
    }
    const state = (await deps.db.conversations.get(conversationKey))?.language;
    if (!state?.language) return { ok: false, error: i18n.t('errors.language_unknown') };
    const language = { language: state.language, variant: state.variant };

    const transcript = messages.slice(-TRANSCRIPT_MESSAGES).map((m) => ({ role: m.role, text: m.text }));
    const client = deps.createClient(settings.provider);
    const key = await hashKey([
      SUGGESTION_PROMPT_VERSION,
      client.identity,
      language.language,
      language.variant,
      settings.agentLanguage,
      transcript,
    ]);
    if (!regenerate) {
      const cached = await deps.db.suggestions.get(key);
      if (cached) return { ok: true, suggestions: cached.suggestions, customerLanguage: language.language, fromCache: true };
    }

    try {
      const answer = await client.completeJson(suggestionPrompt(transcript, language.language, settings.agentLanguage, language.variant), {
        name: SUGGESTION_SCHEMA_NAME,
        schema: SUGGESTION_JSON_SCHEMA,
      });
      const parsed = suggestionAnswerSchema.safeParse(answer);
      if (!parsed.success) return { ok: false, error: i18n.t('errors.unexpected_answer') };
      const suggestions = parsed.data.suggestions.slice(0, 3);
      await deps.db.suggestions.put({ key, conversationKey, suggestions, createdAt: Date.now() });
      return { ok: true, suggestions, customerLanguage: language.language, fromCache: false };
    } catch (error) {
      return { ok: false, error: describeModelError(error) };
    }
  }

  return { suggestReplies };
}

export type SuggestionService = ReturnType<typeof createSuggestionService>;
