import type { ActiveConversation, ConversationSnapshot, HelpdeskAdapter } from '@/services/helpdesk/types';

export interface ScanResult {
  active: ActiveConversation | null;
  /** True when the snapshot differs from the previous scan's (new message, edited text, other ticket). */
  snapshotChanged: boolean;
  /** Set when the adapter threw: Parley degrades, the page goes on. */
  error?: string;
}

export interface WatchOptions {
  doc: Document;
  adapter: HelpdeskAdapter;
  onScan(result: ScanResult): void;
  /** Waits this long after the last page mutation before reading (the helpdesk renders in bursts). */
  debounceMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

/**
 * Watches the helpdesk page with one MutationObserver and reads the active conversation after each
 * burst of changes. Nodes are re-queried on every scan, never kept. An adapter error is caught and
 * reported, so a markup change in the helpdesk can never break the page.
 */
export function watchConversation(options: WatchOptions): { scanNow(): void; stop(): void } {
  const { doc, adapter, onScan } = options;
  const debounceMs = options.debounceMs ?? 200;
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = options.clearTimer ?? ((handle) => clearTimeout(handle as ReturnType<typeof setTimeout>));
  let lastSignature: string | null = null;
  let timer: unknown = null;

  function scanNow() {
    timer = null;
    let active: ActiveConversation | null;
    try {
      active = adapter.readActiveConversation(doc);
    } catch (error) {
      onScan({ active: null, snapshotChanged: false, error: `${adapter.id} adapter: ${String(error)}` });
      return;
    }
    const signature = active ? snapshotSignature(active.snapshot) : null;
    const snapshotChanged = signature !== lastSignature;
    lastSignature = signature;
    onScan({ active, snapshotChanged });
  }

  const observer = new MutationObserver(() => {
    if (timer !== null) clearTimer(timer);
    timer = setTimer(scanNow, debounceMs);
  });
  observer.observe(doc.body ?? doc.documentElement, {
    childList: true,
    subtree: true,
    characterData: true,
    attributes: true,
    // Zendesk marks the active ticket with these; other attribute churn is ignored.
    attributeFilter: ['data-is-active', 'data-entity-is-selected', 'aria-hidden', 'type'],
  });
  scanNow();

  return {
    scanNow,
    stop() {
      observer.disconnect();
      if (timer !== null) clearTimer(timer);
    },
  };
}

export function snapshotSignature(snapshot: ConversationSnapshot): string {
  return JSON.stringify([snapshot.helpdesk, snapshot.conversationId, snapshot.messages.map((m) => [m.id, m.role, m.text])]);
}
