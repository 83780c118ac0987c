import { z } from 'zod';
import { i18n } from '@/services/i18n/i18n';
import type { SupportedLanguage } from '@/services/language/supported-languages';
import { describeModelError } from '@/services/model/describe-model-error';
import { askForJson } from '@/services/model/ask-for-json';
import { modelIdentity } from '@/services/model/model-client';
import type { ModelGateway } from '@/services/model/model-gateway';
import type { ChatMessage } from '@/services/model/model-types';
import {
  BATCH_TRANSLATION_JSON_SCHEMA,
  BATCH_TRANSLATION_SCHEMA_NAME,
  OUTBOUND_JSON_SCHEMA,
  OUTBOUND_PROMPT_VERSION,
  OUTBOUND_SCHEMA_NAME,
  REWRITE_JSON_SCHEMA,
  REWRITE_PROMPT_VERSION,
  REWRITE_SCHEMA_NAME,
  TRANSLATION_PROMPT_VERSION,
  batchTranslationPrompt,
  outboundTranslationPrompt,
  rewritePrompt,
  type RewriteStyle,
} from '@/services/model/prompts';
import { MalformedAnswerError } from '@/services/model/request-queue';
import { maskForModel, maskingFingerprint } from '@/services/privacy/mask-for-model';
import { restorePersonalData, type PersonalDataFinding } from '@/services/privacy/mask-personal-data';
import type { PromptGuidance } from '@/services/markets/conversation-market';
import type { PromptKind } from '@/services/markets/rules-prompt';
import type { ParsedSettings } from '@/services/settings/parse-settings';
import { providersFor, type ModelPurpose, type ProviderSettings, type Settings } from '@/services/settings/settings-schema';
import type { OutboundText, ParleyDatabase } from '@/services/storage/database';
import { createTranslationCache, translationCacheKey, type TranslationCache } from '@/services/translation/translation-cache';
import { notConfiguredError } from '@/services/translation/translation-service';

/**
 * What the customer will read, before it goes into the helpdesk's composer:
 * - the agent's own-language draft translated into the customer's language (and variant), shaped
 *   by the market's rules;
 * - quick rewrites of a reply in the customer's language (more formal, friendlier, shorter, more
 *   apologetic);
 * - for every such text, a back-translation into the agent's language made by a separate request
 *   that sees only the customer-language text (the same translation customer messages get), so a
 *   translation that changed the meaning shows in the back-translation instead of being hidden by
 *   the model that wrote it.
 * Personal data is masked before any text leaves the browser; answers are cached like translations.
 */

export type OutboundResult = ({ ok: true } & OutboundText) | { ok: false; error: string };
/** A rewrite answers like a translated draft (without `forText`). */
export type RewriteResult = OutboundResult;

export interface OutboundServiceDeps {
  db: ParleyDatabase;
  loadSettings(): Promise<ParsedSettings>;
  gateway: ModelGateway;
  cache?: TranslationCache;
  /** Tone rules and glossary lines of the market that applies to the conversation (services/markets/conversation-market.ts). */
  guidanceFor?(conversationKey: string, kind: PromptKind): Promise<PromptGuidance>;
}

const outboundAnswerSchema = z.object({ translation: z.string().trim().min(1) });
const rewriteAnswerSchema = z.object({ reply: z.string().trim().min(1), gloss: z.string().trim() });
const batchAnswerSchema = z.object({ translations: z.array(z.object({ id: z.string(), text: z.string() })).min(1) });

interface CustomerLanguage {
  language: SupportedLanguage;
  variant: string | null;
}

export function createOutboundService(deps: OutboundServiceDeps) {
  const cache = deps.cache ?? createTranslationCache(deps.db);
  const noGuidance = async (): Promise<PromptGuidance> => ({ lines: [], fingerprint: '' });
  const guidanceFor = deps.guidanceFor ?? noGuidance;

  async function customerLanguageOf(conversationKey: string): Promise<CustomerLanguage | null> {
    const state = (await deps.db.conversations.get(conversationKey))?.language;
    return state?.language ? { language: state.language, variant: state.variant } : null;
  }

  /**
   * Runs one JSON request for `purpose` with masked text, restores placeholders in the answer and
   * caches it. A lost or changed placeholder fails the request: a reply must never reach a customer
   * with "[EMAIL_1]" in it, nor with someone else's data.
   */
  async function ask<T extends Record<string, string>>(options: {
    purpose: ModelPurpose;
    settings: Settings;
    conversationKey: string;
    cacheParts: { promptVersion: string; source: string | null; target: string; shaping: string; text: string };
    found: PersonalDataFinding[];
    prompt: ChatMessage[];
    schema: { name: string; schema: object };
    parse(answer: unknown): T | null;
  }): Promise<T> {
    const providers = providersFor(options.settings, options.purpose);
    if (providers.length === 0) throw new Error(notConfiguredError());
    const keyFor = (provider: ProviderSettings) => translationCacheKey({ ...options.cacheParts, modelIdentity: modelIdentity(provider) });
    for (const provider of providers) {
      const hit = await cache.get(await keyFor(provider));
      if (hit !== null) return JSON.parse(hit) as T;
    }
    const { value, provider } = await askForJson(
      deps.gateway,
      options.purpose,
      providers,
      options.prompt,
      { schema: options.schema, conversationKey: options.conversationKey },
      (answer) => {
        const parsed = options.parse(answer);
        if (!parsed) return null;
        const restored: Record<string, string> = {};
        for (const [field, text] of Object.entries(parsed)) {
          const result = restorePersonalData(text, options.found);
          if (result.problems.some((problem) => problem.kind !== 'missing')) {
            throw new MalformedAnswerError(i18n.t('errors.placeholders_changed', [result.problems.map((p) => p.placeholder).join(', ')]));
          }
          restored[field] = result.text;
        }
        return restored as T;
      },
    );
    await cache.put(await keyFor(provider), JSON.stringify(value));
    return value;
  }

  /** Customer-language text back into the agent's language, as a customer message would be translated. */
  async function backTranslate(settings: Settings, conversationKey: string, text: string, from: SupportedLanguage): Promise<string> {
    if (from === settings.agentLanguage) return text;
    const { masked, found } = maskForModel(settings, text);
    const { text: translated } = await ask({
      purpose: 'inbound',
      settings,
      conversationKey,
      cacheParts: { promptVersion: TRANSLATION_PROMPT_VERSION, source: from, target: settings.agentLanguage, shaping: maskingFingerprint(settings), text },
      found,
      prompt: batchTranslationPrompt([{ id: '1', text: masked }], from, settings.agentLanguage),
      schema: { name: BATCH_TRANSLATION_SCHEMA_NAME, schema: BATCH_TRANSLATION_JSON_SCHEMA },
      parse: (answer) => {
        const item = batchAnswerSchema.safeParse(answer).data?.translations.find((t) => t.id === '1');
        return item && item.text.trim() !== '' ? { text: item.text.trim() } : null;
      },
    });
    return translated;
  }

  /**
   * The frame every outbound request shares: non-empty text, the settings, the conversation's
   * customer language (or why there is none), and a model failure in plain words.
   */
  async function forCustomer(
    conversationKey: string,
    rawText: string,
    work: (text: string, settings: Settings, customer: CustomerLanguage) => Promise<OutboundResult>,
  ): Promise<OutboundResult> {
    const text = rawText.trim();
    if (text === '') return { ok: false, error: i18n.t('errors.insert_no_text') };
    try {
      const { settings } = await deps.loadSettings();
      const customer = await customerLanguageOf(conversationKey);
      if (!customer) return { ok: false, error: i18n.t('errors.language_unknown') };
      return await work(text, settings, customer);
    } catch (error) {
      return { ok: false, error: describeModelError(error) };
    }
  }

  /** The agent's draft (in their language) as the customer will read it, with its back-translation. */
  function translateDraft(conversationKey: string, draft: string): Promise<OutboundResult> {
    return forCustomer(conversationKey, draft, async (text, settings, customer) => {
      const guidance = await guidanceFor(conversationKey, 'outbound-translation');
      let translation = text;
      if (customer.language !== settings.agentLanguage || guidance.lines.length > 0) {
        const { masked, found } = maskForModel(settings, text);
        ({ translation } = await ask({
          purpose: 'outbound',
          settings,
          conversationKey,
          cacheParts: {
            promptVersion: OUTBOUND_PROMPT_VERSION,
            source: settings.agentLanguage,
            target: customer.variant ?? customer.language,
            shaping: `${maskingFingerprint(settings)}|${guidance.fingerprint}`,
            text,
          },
          found,
          prompt: outboundTranslationPrompt(masked, settings.agentLanguage, customer.language, customer.variant, guidance.lines),
          schema: { name: OUTBOUND_SCHEMA_NAME, schema: OUTBOUND_JSON_SCHEMA },
          parse: (answer) => outboundAnswerSchema.safeParse(answer).data ?? null,
        }));
      }
      const backTranslation = await backTranslate(settings, conversationKey, translation, customer.language);
      return { ok: true, forText: text, text: translation, backTranslation, language: customer.language, variant: customer.variant };
    });
  }

  /** A reply in the customer's language, rewritten in one style, with its back-translation. */
  function rewrite(conversationKey: string, reply: string, style: RewriteStyle): Promise<RewriteResult> {
    return forCustomer(conversationKey, reply, async (text, settings, customer) => {
      const guidance = await guidanceFor(conversationKey, 'rewrite');
      const { masked, found } = maskForModel(settings, text);
      const rewritten = await ask({
        purpose: 'suggestions',
        settings,
        conversationKey,
        cacheParts: {
          promptVersion: `${REWRITE_PROMPT_VERSION}:${style}`,
          source: customer.variant ?? customer.language,
          target: settings.agentLanguage,
          shaping: `${maskingFingerprint(settings)}|${guidance.fingerprint}`,
          text,
        },
        found,
        prompt: rewritePrompt(masked, style, customer.language, customer.variant, settings.agentLanguage, guidance.lines),
        schema: { name: REWRITE_SCHEMA_NAME, schema: REWRITE_JSON_SCHEMA },
        parse: (answer) => rewriteAnswerSchema.safeParse(answer).data ?? null,
      });
      // The model's own gloss is not trusted to reveal its mistakes: an independent back-translation is.
      const backTranslation = await backTranslate(settings, conversationKey, rewritten.reply, customer.language);
      return { ok: true, text: rewritten.reply, backTranslation, language: customer.language, variant: customer.variant };
    });
  }

  /** The back-translation of a text the agent edited in the customer's language. */
  function checkMeaning(conversationKey: string, edited: string): Promise<OutboundResult> {
    return forCustomer(conversationKey, edited, async (text, settings, customer) => {
      const backTranslation = await backTranslate(settings, conversationKey, text, customer.language);
      return { ok: true, text, backTranslation, language: customer.language, variant: customer.variant };
    });
  }

  return { translateDraft, rewrite, checkMeaning };
}

export type OutboundService = ReturnType<typeof createOutboundService>;
