import { z } from 'zod';
import { AUTHOR_ROLES, HELPDESK_IDS, type HelpdeskMessage } from '@/services/helpdesk/types';
import type { LanguageDetection } from '@/services/language/detect-language';
import type { SupportedLanguage } from '@/services/language/supported-languages';
import type { InsertResult } from '@/services/composer/insert-into-composer';
import { providerSettingsSchema, type PageSafeSettings } from '@/services/settings/settings-schema';

/**
 * Parley's one message protocol between contexts, named by direction:
 * - `content/*`: content script → background (page-safe work only);
 * - `ui/*`: extension pages (side panel, options) → background (privileged);
 * - `background/*`: background → content script of one tab.
 * Every payload is validated where it arrives; the background also checks who sent it.
 */

const MAX_TEXT = 20_000;
const MAX_MESSAGES = 500;

const helpdeskMessageSchema = z.object({
  id: z.string().min(1).max(200),
  role: z.enum(AUTHOR_ROLES),
  text: z.string().max(MAX_TEXT),
});

export const contentToBackgroundSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('content/conversation-snapshot'),
    snapshot: z.object({
      helpdesk: z.enum(HELPDESK_IDS),
      conversationId: z.string().min(1).max(200),
      title: z.string().max(1000).optional(),
      messages: z.array(helpdeskMessageSchema).max(MAX_MESSAGES),
    }),
  }),
]);
export type ContentToBackground = z.infer<typeof contentToBackgroundSchema>;

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
}

export interface SnapshotResponse {
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
  | { type: 'background/insert-reply'; conversationId: string; text: string };

/** Response type for each request, so senders get typed answers. */
export interface ResponseOf {
  'content/conversation-snapshot': SnapshotResponse;
  'ui/suggest-replies': SuggestRepliesResponse;
  'ui/insert-reply': InsertReplyResponse;
  'ui/test-connection': TestConnectionResponse;
  'ui/retranslate-message': { ok: boolean };
  'background/translation-update': void;
  'background/insert-reply': InsertReplyResponse;
}

export type { HelpdeskMessage };
