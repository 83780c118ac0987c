import type { Browser } from 'wxt/browser';
import {
  contentToBackgroundSchema,
  uiToBackgroundSchema,
  type ContentToBackground,
  type ResponseOf,
  type UiToBackground,
} from './protocol';
import { classifySender } from './sender-checks';

export interface ContentSenderContext {
  tabId: number;
  frameId: number;
  windowId: number | null;
  /** The page the content script runs in, as the browser reports it (not as the page claims). */
  pageUrl: URL;
}

type HandlersFor<M extends { type: string }, Ctx> = {
  [K in M['type']]: (message: Extract<M, { type: K }>, context: Ctx) => Promise<ResponseOf[K & keyof ResponseOf]>;
};

export interface BackgroundHandlers {
  content: HandlersFor<ContentToBackground, ContentSenderContext>;
  ui: HandlersFor<UiToBackground, { sender: Browser.runtime.MessageSender }>;
}

export class RejectedMessageError extends Error {}

/**
 * The background's single `runtime.onMessage` entry: finds out who is asking, validates the
 * payload against that sender's half of the protocol, and calls the matching handler. Content
 * scripts can never reach a privileged (`ui/*`) handler, whatever they send.
 */
export function createBackgroundRouter(
  handlers: BackgroundHandlers,
  extension: { id: string; origin: string },
  /** URL patterns of admin-described helpdesks, read from storage when a sender is not a built-in helpdesk page. */
  customPageMatches: () => Promise<readonly string[]> = async () => [],
) {
  return async function route(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
    let kind = classifySender(sender, extension.id, extension.origin);
    if (kind === 'unknown' && sender.tab) {
      kind = classifySender(sender, extension.id, extension.origin, await customPageMatches());
    }
    if (kind === 'helpdesk-content-script') {
      const parsed = contentToBackgroundSchema.safeParse(raw);
      if (!parsed.success) return reject(`invalid content message: ${parsed.error.issues[0]?.message}`);
      const message = parsed.data;
      const context: ContentSenderContext = {
        tabId: sender.tab!.id!,
        frameId: sender.frameId ?? 0,
        windowId: sender.tab?.windowId ?? null,
        pageUrl: new URL(sender.url!),
      };
      const handler = handlers.content[message.type] as (m: typeof message, c: ContentSenderContext) => Promise<unknown>;
      return handler(message, context);
    }
    if (kind === 'extension-page') {
      const parsed = uiToBackgroundSchema.safeParse(raw);
      if (!parsed.success) return reject(`invalid page message: ${parsed.error.issues[0]?.message}`);
      const message = parsed.data;
      const handler = handlers.ui[message.type] as (m: typeof message, c: { sender: Browser.runtime.MessageSender }) => Promise<unknown>;
      return handler(message, { sender });
    }
    return reject('sender not allowed');
  };
}

function reject(reason: string): Promise<never> {
  return Promise.reject(new RejectedMessageError(`Parley: ${reason}`));
}
