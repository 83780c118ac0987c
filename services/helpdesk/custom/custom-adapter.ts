import { MatchPattern } from 'wxt/utils/match-patterns';
import type { ComposerTarget, HelpdeskAdapter, PageReading, ReadCache } from '@/services/helpdesk/types';
import type { CustomHelpdesk } from './descriptor';
import {
  InvalidSelectorError,
  assignMessageIds,
  composerTarget,
  customConversationId,
  findComposerElement,
  findConversationId,
  findMessageElements,
  inspectMessages,
  readTitle,
  whyNothingRead,
} from './read-custom-page';

/** A HelpdeskAdapter together with the descriptor it was made from (the content script needs both). */
export interface CustomHelpdeskAdapter extends HelpdeskAdapter {
  id: 'custom';
  descriptor: CustomHelpdesk;
}

function compilePatterns(patterns: readonly string[]): MatchPattern[] {
  const compiled: MatchPattern[] = [];
  for (const pattern of patterns) {
    try {
      compiled.push(new MatchPattern(pattern));
    } catch {
      // Refused by the schema already; a stored descriptor that skipped validation just loses this pattern.
    }
  }
  return compiled;
}

/**
 * The adapter for one administrator-described helpdesk. All of them share the id `custom`; conversation ids
 * are prefixed with the descriptor id (`acme-chat:42`, see `customConversationId`) so that two of them never
 * share conversation state. `descriptor` is expected to have passed `customHelpdeskSchema`; anything it still
 * gets wrong (a selector the browser refuses) becomes an `unrecognised` reading, never an exception.
 */
export function createCustomAdapter(descriptor: CustomHelpdesk): CustomHelpdeskAdapter {
  const patterns = compilePatterns(descriptor.urlPatterns);

  function matchesUrl(url: URL): boolean {
    // A string, not the URL: the library tests `instanceof Location`, which a service worker lacks.
    const href = url.href;
    return patterns.some((pattern) => {
      try {
        return pattern.includes(href);
      } catch {
        return false;
      }
    });
  }

  function read(doc: Document, url: URL, cache?: ReadCache): PageReading {
    try {
      const lookup = findConversationId(descriptor, doc, url.href);
      if (!lookup.found) {
        return lookup.why === 'regex-invalid' ? { kind: 'unrecognised', missing: ['a valid conversation id pattern'] } : { kind: 'no-conversation' };
      }
      const elements = findMessageElements(descriptor, doc);
      if (elements.length === 0) return { kind: 'unrecognised', missing: [`message selector "${descriptor.messageSelector}" matched nothing`] };
      const inspected = inspectMessages(descriptor, elements, cache);
      const read = assignMessageIds(inspected);
      if (read.length === 0) return { kind: 'unrecognised', missing: whyNothingRead(descriptor, inspected) };
      const title = readTitle(descriptor, doc);
      return {
        kind: 'conversation',
        conversation: {
          snapshot: {
            helpdesk: 'custom',
            conversationId: customConversationId(descriptor, lookup.rawId),
            ...(title ? { title } : {}),
            messages: read.map((r) => r.message),
          },
          anchors: new Map(read.map((r) => [r.message.id, r.anchor])),
        },
      };
    } catch (error) {
      if (error instanceof InvalidSelectorError) return { kind: 'unrecognised', missing: [error.message] };
      // Odd markup must never break the host page or the caller's scan loop.
      return { kind: 'unrecognised', missing: [`readable markup (${String(error)})`] };
    }
  }

  function findComposer(doc: Document, conversationId: string): ComposerTarget | null {
    try {
      // Only while that conversation is the one on screen: a reply must never land in another conversation.
      const lookup = findConversationId(descriptor, doc, doc.location?.href ?? '');
      if (!lookup.found || customConversationId(descriptor, lookup.rawId) !== conversationId) return null;
      return composerTarget(findComposerElement(descriptor, doc));
    } catch {
      return null;
    }
  }

  return { id: 'custom', descriptor, matchesUrl, read, findComposer };
}
