import { browser } from 'wxt/browser';
import type { BackgroundToContent, ContentToBackground, ResponseOf, UiToBackground } from './protocol';

/** Typed senders: each request gets the response type its handler promises. */

export function sendToBackground<M extends ContentToBackground | UiToBackground>(
  message: M,
): Promise<ResponseOf[M['type']]> {
  return browser.runtime.sendMessage(message) as Promise<ResponseOf[M['type']]>;
}

/** To the content scripts of one tab: all its frames, or only `frameId`. */
export function sendToTab<M extends BackgroundToContent>(tabId: number, message: M, frameId?: number): Promise<ResponseOf[M['type']]> {
  const options = frameId === undefined ? undefined : { frameId };
  return browser.tabs.sendMessage(tabId, message, options) as Promise<ResponseOf[M['type']]>;
}
