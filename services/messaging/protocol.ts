import { z } from 'zod';
import { MAX_MESSAGES_PER_UPDATE, MAX_TEXT_LENGTH } from './limits';
import { AUTHOR_ROLES, HELPDESK_IDS } from '@/services/helpdesk/types';
import type { LanguageDetection } from '@/services/language/detect-language';
import type { SupportedLanguage } from '@/services/language/supported-languages';
import type { InsertResult } from '@/services/composer/insert-into-composer';
import { customHelpdeskSchema, type CustomHelpdesk } from '@/services/helpdesk/custom/descriptor';
import type { ProbeReport } from '@/services/helpdesk/custom/probe';
import { providerSettingsSchema, type PageSafeSettings } from '@/services/settings/settings-schema';
import type { MessageTable } from '@/services/i18n/i18n';
import { UI_LOCALES, type UiLocale } from '@/services/i18n/ui-locales';
import { REWRITE_STYLES } from '@/services/model/prompts';
import type { OutboundResult, RewriteResult } from '@/services/outbound/outbound-service';
import type { ReplyCheck } from '@/services/markets/conversation-market';
import type { PracticeResult } from '@/services/practice/practice-service';
import { DIFFICULTIES } from '@/services/practice/scenarios';

/**
 * Parley's one message protocol between contexts, named by direction:
 * - `content/*`: content script → background (page-safe work only);
 * - `ui/*`: extension pages (side panel, options) → background (privileged);
 * - `background/*`: background → content script of one tab.
 * Every payload is validated where it arrives; the background also checks who sent it.
 */

const MAX_TEXT = MAX_TEXT_LENGTH;

const positionedMessageSchema = z.object({
  id: z.string().min(1).max(200),
  role: z.enum(AUTHOR_ROLES),
  text: z.string().max(MAX_TEXT),
  time: z.string().max(64).optional(),
  position: z.number().finite(),
});

const replySourceSchema = z.object({ text: z.string().min(1).max(MAX_TEXT), language: z.string().min(2).max(20) });

export const contentToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({
    /** New or changed messages of the conversation open in the tab (all of them on a first read). */
    type: z.literal('content/conversation-update'),
    update: z.object({
      helpdesk: z.enum(HELPDESK_IDS),
      conversationId: z.string().min(1).max(200),
      title: z.string().max(1000).optional(),
      messages: z.array(positionedMessageSchema).max(MAX_MESSAGES_PER_UPDATE),
    }),
  }),
  z.object({
    /**
     * The description of the admin-described helpdesk this page belongs to (run-time content
     * script): content scripts cannot read extension storage, which holds the API key.
     */
    type: z.literal('content/custom-helpdesk'),
  }),
  z.object({
    /** The interface strings the page's Parley UI needs, in the locale the settings name. */
    type: z.literal('content/ui-strings'),
    locale: z.enum(UI_LOCALES),
  }),
  z.object({
    /**
     * The agent typed a reply in their own language in the helpdesk's composer ("translate my
     * reply"): the customer-language text and its back-translation, for the conversation this tab shows.
     */
    type: z.literal('content/translate-draft'),
    conversationId: z.string().min(1).max(200),
    text: z.string().min(1).max(MAX_TEXT),
  }),
  z.object({
    /** The agent's translated reply replaced their text in the composer ("translate my reply"): for the dashboard. */
    type: z.literal('content/reply-replaced'),
    conversationId: z.string().min(1).max(200),
  }),
  z.object({
    /** The tab shows the helpdesk but no conversation, or markup the adapter does not recognise. */
    type: z.literal('content/page-status'),
    helpdesk: z.enum(HELPDESK_IDS),
    status: z.enum(['no-conversation', 'unrecognised']),
    missing: z.array(z.string().max(300)).max(20),
  }),
]);
export type ContentToBackground = z.infer<typeof contentToBackgroundSchema>;
export type ConversationUpdate = Extract<ContentToBackground, { type: 'content/conversation-update' }>['update'];

export const uiToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ui/suggest-replies'),
    conversationKey: z.string().min(1).max(500),
    regenerate: z.boolean(),
  }),
  z.object({
    type: z.literal('ui/insert-reply'),
    tabId: z.number().int().nonnegative(),
    conversationKey: z.string().min(1).max(500),
    text: z.string().min(1).max(MAX_TEXT),
    /** The agent's own-language draft the text was translated from (for the meaning and glossary checks). */
    source: replySourceSchema.optional(),
    /** Where the reply came from, for the leads' dashboard. */
    origin: z
      .object({
        kind: z.enum(['suggestion', 'suggestion-edited', 'draft', 'composer']),
        suggestionsKey: z.string().max(200).optional(),
        suggestionIndex: z.number().int().min(0).max(9).optional(),
      })
      .optional(),
  }),
  z.object({
    /** The market's hard checks on a reply, before the agent inserts it. */
    type: z.literal('ui/check-reply'),
    conversationKey: z.string().min(1).max(500),
    text: z.string().min(1).max(MAX_TEXT),
    source: replySourceSchema.optional(),
  }),
  z.object({
    type: z.literal('ui/test-connection'),
    provider: providerSettingsSchema,
  }),
  z.object({
    type: z.literal('ui/retranslate-message'),
    messageKey: z.string().min(1).max(800),
  }),
  z.object({
    /** The agent says which language (and variant) the customer writes; null goes back to automatic. */
    type: z.literal('ui/override-language'),
    conversationKey: z.string().min(1).max(500),
    tag: z.string().min(2).max(20).nullable(),
  }),
  z.object({
    /** The agent's draft, in their language, as the customer will read it (with a back-translation). */
    type: z.literal('ui/translate-draft'),
    conversationKey: z.string().min(1).max(500),
    text: z.string().min(1).max(MAX_TEXT),
  }),
  z.object({
    /** A reply in the customer's language rewritten in one style. */
    type: z.literal('ui/rewrite-reply'),
    conversationKey: z.string().min(1).max(500),
    text: z.string().min(1).max(MAX_TEXT),
    style: z.enum(REWRITE_STYLES),
  }),
  z.object({
    /** The back-translation of customer-language text the agent edited. */
    type: z.literal('ui/check-meaning'),
    conversationKey: z.string().min(1).max(500),
    text: z.string().min(1).max(MAX_TEXT),
  }),
  z.object({
    /** Practice mode: a new session with a simulated customer. */
    type: z.literal('ui/practice-start'),
    agentName: z.string().max(80),
    marketId: z.string().min(1).max(40),
    scenarioId: z.string().min(1).max(60),
    difficulty: z.enum(DIFFICULTIES),
  }),
  z.object({
    /** Practice mode: the agent's reply (in the customer's language); the customer answers. */
    type: z.literal('ui/practice-reply'),
    sessionId: z.string().min(1).max(80),
    text: z.string().min(1).max(MAX_TEXT),
  }),
  z.object({
    /** Practice mode: end the session and review it. */
    type: z.literal('ui/practice-review'),
    sessionId: z.string().min(1).max(80),
  }),
  z.object({
    /** Show or hide the in-page translations of one conversation. */
    type: z.literal('ui/set-inline-visibility'),
    conversationKey: z.string().min(1).max(500),
    visible: z.boolean(),
  }),
  z.object({
    /** Test a custom helpdesk description on the open tab of that helpdesk (options page). */
    type: z.literal('ui/probe-custom-helpdesk'),
    helpdesk: customHelpdeskSchema,
  }),
]);
export type UiToBackground = z.infer<typeof uiToBackgroundSchema>;

export type TranslationStatus = 'pending' | 'streaming' | 'done' | 'failed' | 'same-language';

/** What the inline UI under one customer message shows. */
export interface InlineTranslation {
  messageId: string;
  status: TranslationStatus;
  text: string;
  error?: string;
  detection: LanguageDetection | null;
  /** What the agent should know before trusting the text (instructions aimed at an AI, personal data placeholders changed). */
  warnings?: string[];
}

export interface ConversationUpdateResponse {
  settings: PageSafeSettings;
  /** False when the agent hid this conversation's in-page translations. */
  inlineVisible: boolean;
  translations: InlineTranslation[];
}

export interface UiStringsResponse {
  locale: UiLocale;
  strings: MessageTable;
}

export interface Suggestion {
  reply: string;
  gloss: string;
}

export type SuggestRepliesResponse =
  | { ok: true; /** Identifies this set (edits and shortcuts refer to it). */ key: string; suggestions: Suggestion[]; customerLanguage: SupportedLanguage; fromCache: boolean }
  | { ok: false; error: string };

/** Whether the reply landed; when the market's checks blocked it, nothing was written and `check` says why. */
export type InsertReplyResponse = InsertResult & { check?: ReplyCheck };

export type TestConnectionResponse = { ok: true; model: string; models: string[] } | { ok: false; error: string };

/** Background → content script. Only Parley's background can send to a tab, so a light shape check suffices there. */
export type BackgroundToContent =
  | { type: 'background/translation-update'; conversationId: string; translation: InlineTranslation }
  | { type: 'background/insert-reply'; conversationId: string; text: string }
  | { type: 'background/inline-visibility'; conversationId: string; visible: boolean }
  /** The "translate my reply" shortcut: translate what the agent typed in the composer. */
  | { type: 'background/translate-composer'; conversationId: string }
  /** Something the agent should know, shown next to the composer (e.g. a shortcut that found nothing to insert). */
  | { type: 'background/notice'; conversationId: string; text: string }
  | { type: 'background/probe-custom-helpdesk'; helpdesk: CustomHelpdesk };

/** Background → Parley's own pages (the side panel), which check that the background sent it. */
export type BackgroundToPage = {
  type: 'background/shortcut-inserted';
  conversationKey: string;
  /** The suggestion's index (0-based). */
  index: number;
  result: InsertReplyResponse;
};

export type { OutboundResult, RewriteResult } from '@/services/outbound/outbound-service';

export type ProbeCustomHelpdeskResponse = ProbeReport | { error: string };

/** Response type for each request, so senders get typed answers. */
export interface ResponseOf {
  'content/conversation-update': ConversationUpdateResponse;
  'content/page-status': void;
  'ui/suggest-replies': SuggestRepliesResponse;
  'ui/insert-reply': InsertReplyResponse;
  'ui/test-connection': TestConnectionResponse;
  'ui/retranslate-message': { ok: boolean };
  'background/translation-update': void;
  'background/insert-reply': InsertReplyResponse;
  'ui/probe-custom-helpdesk': ProbeCustomHelpdeskResponse;
  'ui/override-language': { ok: boolean };
  'ui/translate-draft': OutboundResult;
  'ui/check-reply': ReplyCheck;
  'ui/practice-start': PracticeResult;
  'ui/practice-reply': PracticeResult;
  'ui/practice-review': PracticeResult;
  'ui/rewrite-reply': RewriteResult;
  'ui/check-meaning': OutboundResult;
  'ui/set-inline-visibility': { ok: boolean };
  'content/ui-strings': UiStringsResponse;
  'content/custom-helpdesk': CustomHelpdesk | null;
  'content/translate-draft': OutboundResult;
  'content/reply-replaced': void;
  'background/inline-visibility': void;
  'background/translate-composer': void;
  'background/notice': void;
  'background/probe-custom-helpdesk': ProbeCustomHelpdeskResponse;
}

