import { z } from 'zod';
import { MAX_MESSAGES_PER_UPDATE, MAX_TEXT_LENGTH } from './limits';
import { AUTHOR_ROLES, HELPDESK_IDS } from '@/services/helpdesk/types';
import type { LanguageDetection } from '@/services/language/detect-language';
import type { SupportedLanguage } from '@/services/language/supported-languages';
import type { InsertResult } from '@/services/composer/insert-into-composer';
import { customHelpdeskSchema, type CustomHelpdesk } from '@/services/helpdesk/custom/descriptor';
import type { ProbeReport } from '@/services/helpdesk/custom/probe';
import { providerSettingsSchema, type PageSafeSettings } from '@/services/settings/settings-schema';

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
  translations: InlineTranslation[];
}

export interface Suggestion {
  reply: string;
  gloss: string;
}

export type SuggestRepliesResponse =
  | { ok: true; suggestions: Suggestion[]; customerLanguage: SupportedLanguage; fromCache: boolean }
  | { ok: false; error: string };

export type InsertReplyResponse = InsertResult;

export type TestConnectionResponse = { ok: true; model: string; models: string[] } | { ok: false; error: string };

/** Background → content script. Only Parley's background can send to a tab, so a light shape check suffices there. */
export type BackgroundToContent =
  | { type: 'background/translation-update'; conversationId: string; translation: InlineTranslation }
  | { type: 'background/insert-reply'; conversationId: string; text: string }
  | { type: 'background/probe-custom-helpdesk'; helpdesk: CustomHelpdesk };

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
  'background/probe-custom-helpdesk': ProbeCustomHelpdeskResponse;
}

