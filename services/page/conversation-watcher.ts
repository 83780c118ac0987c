import { readHelpdeskPage, type HelpdeskPage } from '@/services/helpdesk/helpdesk-page';
import type { HelpdeskAdapter } from '@/services/helpdesk/types';
import { ElementReadCache } from './element-read-cache';

export interface WatchOptions {
  doc: Document;
  adapters?: readonly HelpdeskAdapter[];
  /** The page's current URL (single-page apps change it without reloading). */
  currentUrl(): URL;
  /** Every read, after each burst of page changes; null when no adapter claims the page. */
  onRead(page: HelpdeskPage | null): void;
  /** Waits this long after the last page mutation before reading (the helpdesk renders in bursts). */
  debounceMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/** Parley's own elements in the page: their comings and goings are not page changes. */
const isParleyNode = (node: Node): boolean => node.nodeType === 1 && (node as Element).localName.startsWith('parley-');

function isOnlyParley(record: MutationRecord): boolean {
  if (record.type !== 'childList') return false;
  const nodes = [...record.addedNodes, ...record.removedNodes];
  return nodes.length > 0 && nodes.every(isParleyNode);
}

/**
 * Watches the helpdesk page with one MutationObserver and reads it after each burst of changes.
 * Unchanged messages are not parsed again: mutated subtrees are invalidated in the read cache, so
 * the cost of a new message is about one message. Nodes are re-queried on every read, never kept.
 */
export function watchConversation(options: WatchOptions): { readNow(): void; stop(): void } {
  const { doc, onRead } = options;
  const debounceMs = options.debounceMs ?? 150;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  const cache = new ElementReadCache();
  let timer: unknown = null;

  function readNow() {
    if (timer !== null) clearTimer(timer);
    timer = null;
    onRead(readHelpdeskPage(doc, options.currentUrl(), options.adapters, cache));
  }

  const observer = new MutationObserver((records) => {
    let relevant = false;
    for (const record of records) {
      if (isOnlyParley(record)) continue;
      relevant = true;
      cache.invalidate(record.target);
    }
    if (!relevant) return;
    if (timer !== null) clearTimer(timer);
    timer = setTimer(readNow, debounceMs);
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
  readNow();

  return {
    readNow,
    stop() {
      observer.disconnect();
      if (timer !== null) clearTimer(timer);
    },
  };
}
