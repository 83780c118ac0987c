import type { BackgroundToContent } from './protocol';

/**
 * Shape check for messages arriving in a content script. Only Parley's own background can message
 * a tab, so this guards against version skew, not attackers, and keeps zod out of the page bundle.
 */
export function asBackgroundToContent(raw: unknown): BackgroundToContent | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const message = raw as Record<string, unknown>;
  if (typeof message.conversationId !== 'string') return null;
  if (message.type === 'background/insert-reply' && typeof message.text === 'string') {
    return message as unknown as BackgroundToContent;
  }
  if (message.type === 'background/inline-visibility' && typeof message.visible === 'boolean') {
    return message as unknown as BackgroundToContent;
  }
  if (message.type === 'background/translate-composer') return message as unknown as BackgroundToContent;
  if (message.type === 'background/notice' && typeof message.text === 'string') return message as unknown as BackgroundToContent;
  if (message.type === 'background/translation-update') {
    const translation = message.translation as Record<string, unknown> | null;
    if (translation && typeof translation.messageId === 'string' && typeof translation.status === 'string' && typeof translation.text === 'string') {
      return message as unknown as BackgroundToContent;
    }
  }
  return null;
}
