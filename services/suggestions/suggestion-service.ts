import { i18n } from '@/services/i18n/i18n';
import { z } from 'zod';
import type { Suggestion, SuggestRepliesResponse } from '@/services/messaging/protocol';
import { describeModelError } from '@/services/model/describe-model-error';
import type { ModelGateway } from '@/services/model/model-gateway';
import { askForJson } from '@/services/model/ask-for-json';
import { modelIdentity } from '@/services/model/model-client';
import {
  SUGGESTION_JSON_SCHEMA,
  SUGGESTION_PROMPT_VERSION,
  SUGGESTION_SCHEMA_NAME,
  suggestionPrompt,
  type TranscriptLine,
} from '@/services/model/prompts';
import { maskedKindsOf } from '@/services/privacy/mask-for-model';
import { maskPersonalData, restorePersonalData, type PersonalDataFinding } from '@/services/privacy/mask-personal-data';
import { detectInjection, stripHiddenCharacters } from '@/services/safety/detect-injection';
import type { PromptGuidance } from '@/services/markets/conversation-market';
import type { ParsedSettings } from '@/services/settings/parse-settings';
import { providersFor, type ProviderSettings, type Settings } from '@/services/settings/settings-schema';
import type { SupportedLanguage } from '@/services/language/supported-languages';
import type { ParleyDatabase } from '@/services/storage/database';
import { hashKey } from '@/services/storage/hash-key';
import { notConfiguredError } from '@/services/translation/translation-service';

const suggestionAnswerSchema = z.object({
  suggestions: z
    .array(z.object({ reply: z.string().trim().min(1), gloss: z.string().trim() }))
    .min(1),
});

interface Prepared {
  settings: Settings;
  providers: ProviderSettings[];
  language: { language: SupportedLanguage; variant: string | null };
  transcript: TranscriptLine[];
  found: PersonalDataFinding[];
  key: string;
  /** The market's rule lines for the prompt. */
  guidance: string[];
}

/** How much of the conversation the model sees: enough context, bounded cost. */
const TRANSCRIPT_MESSAGES = 20;

export interface SuggestionServiceDeps {
  db: ParleyDatabase;
  loadSettings(): Promise<ParsedSettings>;
  gateway: ModelGateway;
  /** The market's tone rules for suggestions (services/markets/conversation-market.ts); none by default. */
  guidanceFor?(conversationKey: string): Promise<PromptGuidance>;
}

/**
 * Three replies in the customer's language, each with a gloss in the agent's. Cached per
 * conversation state, so reopening the panel costs nothing; `regenerate` asks the model again.
 *
 * The transcript goes to the model as data, without hidden characters, with personal data masked
 * and messages that try to instruct an AI marked as such; a suggestion that invents personal data
 * (a placeholder the conversation never had) is dropped.
 */
export function createSuggestionService(deps: SuggestionServiceDeps) {
  /** Everything a request for this conversation's current state needs, or why there is none. */
  async function prepare(conversationKey: string): Promise<Prepared | { error: string }> {
    const { settings } = await deps.loadSettings();
    const providers = providersFor(settings, 'suggestions');
    if (providers.length === 0) return { error: notConfiguredError() };

    const messages = await deps.db.messages.where('conversationKey').equals(conversationKey).sortBy('order');
    if (!messages.some((m) => m.role === 'customer')) return { error: i18n.t('errors.no_customer_message') };
    const state = (await deps.db.conversations.get(conversationKey))?.language;
    if (!state?.language) return { error: i18n.t('errors.language_unknown') };
    const language = { language: state.language, variant: state.variant };

    const { transcript, found } = maskTranscript(
      settings,
      messages.slice(-TRANSCRIPT_MESSAGES).map((m) => ({
        role: m.role,
        text: m.text,
        // Checked here too: the stored flag may not be written yet for a message that just arrived.
        injection: m.injection !== undefined || (m.role === 'customer' && detectInjection(m.text).injection),
      })),
    );
    const guidance = (await deps.guidanceFor?.(conversationKey)) ?? { lines: [], fingerprint: '' };
    const key = await hashKey([
      SUGGESTION_PROMPT_VERSION,
      providers.map(modelIdentity),
      language.language,
      language.variant,
      settings.agentLanguage,
      guidance.fingerprint,
      transcript,
    ]);
    return { settings, providers, language, transcript, found, key, guidance: guidance.lines };
  }

  /** The suggestions already made for the conversation as it is now, without asking the model (keyboard shortcuts). */
  async function currentSuggestions(conversationKey: string): Promise<{ key: string; suggestions: Suggestion[] } | null> {
    const prepared = await prepare(conversationKey);
    if ('error' in prepared) return null;
    const cached = await deps.db.suggestions.get(prepared.key);
    return cached ? { key: cached.key, suggestions: cached.suggestions } : null;
  }

  async function suggestReplies(conversationKey: string, regenerate: boolean): Promise<SuggestRepliesResponse> {
    const prepared = await prepare(conversationKey);
    if ('error' in prepared) return { ok: false, error: prepared.error };
    const { settings, providers, language, transcript, found, key, guidance } = prepared;
    if (!regenerate) {
      const cached = await deps.db.suggestions.get(key);
      if (cached) return { ok: true, key, suggestions: cached.suggestions, customerLanguage: language.language, fromCache: true };
    }

    try {
      const { value: suggestions } = await askForJson(
        deps.gateway,
        'suggestions',
        providers,
        suggestionPrompt(transcript, language.language, settings.agentLanguage, language.variant, guidance),
        { schema: { name: SUGGESTION_SCHEMA_NAME, schema: SUGGESTION_JSON_SCHEMA }, temperature: 0.7, conversationKey },
        (answer) => {
          const parsed = suggestionAnswerSchema.safeParse(answer);
          if (!parsed.success) return null;
          const restored = parsed.data.suggestions
            .map((s) => ({ reply: restorePersonalData(s.reply, found), gloss: restorePersonalData(s.gloss, found) }))
            // A reply need not repeat every detail, but it must not invent or mangle one.
            .filter((s) => ![...s.reply.problems, ...s.gloss.problems].some((p) => p.kind !== 'missing'))
            .map((s) => ({ reply: s.reply.text, gloss: s.gloss.text }));
          return restored.length > 0 ? restored.slice(0, 3) : null;
        },
      );
      await deps.db.suggestions.put({ key, conversationKey, suggestions, createdAt: Date.now() });
      return { ok: true, key, suggestions, customerLanguage: language.language, fromCache: false };
    } catch (error) {
      return { ok: false, error: describeModelError(error) };
    }
  }

  return { suggestReplies, currentSuggestions };
}

export type SuggestionService = ReturnType<typeof createSuggestionService>;

/** The transcript as the model sees it, and the personal data that was masked in it (one numbering for the whole conversation). */
function maskTranscript(settings: Settings, lines: TranscriptLine[]): { transcript: TranscriptLine[]; found: PersonalDataFinding[] } {
  const clean = lines.map((line) => ({ ...line, text: stripHiddenCharacters(line.text) }));
  if (!settings.privacy.maskPersonalData) return { transcript: clean, found: [] };
  const kinds = maskedKindsOf(settings);
  // Masked together so the same e-mail address gets the same placeholder in every line.
  const separator = '\n\u241E\n';
  const { masked, found } = maskPersonalData(clean.map((line) => line.text.replaceAll('\u241E', '')).join(separator), { kinds });
  const texts = masked.split(separator);
  if (texts.length !== clean.length) {
    // A finding spanned two lines: mask each line on its own (never send a line unmasked).
    const each = clean.map((line) => maskPersonalData(line.text, { kinds }));
    return { transcript: clean.map((line, index) => ({ ...line, text: each[index]!.masked })), found: each.flatMap((e) => e.found) };
  }
  return { transcript: clean.map((line, index) => ({ ...line, text: texts[index]! })), found };
}
