/**
 * Bundled into the benchmark page (not into the extension): the same reading code the content
 * script runs, exposed on `window.parleyBench` so the benchmark can drive it.
 */
import { readHelpdeskPage } from '@/services/helpdesk/helpdesk-page';
import { createConversationAccumulator } from '@/services/page/conversation-accumulator';
import { watchConversation } from '@/services/page/conversation-watcher';
import { ElementReadCache } from '@/services/page/element-read-cache';

type Mode = 'parley' | 'naive' | 'none';

/** Milliseconds of main-thread work per read after the page changed. */
const samples: number[] = [];
let stopWatching: (() => void) | null = null;
const currentUrl = () => new URL(location.href);

/** Parley's watcher exactly as the content script runs it: debounced, cached, delta-merging. */
function startParley(debounceMs: number) {
  const accumulator = createConversationAccumulator();
  let upserts = 0;
  const watcher = watchConversation({
    doc: document,
    currentUrl,
    debounceMs,
    // Times the whole debounced read: adapter read through the cache, plus the merge below.
    setTimer: (fn, ms) =>
      setTimeout(() => {
        const start = performance.now();
        fn();
        samples.push(performance.now() - start);
      }, ms),
    onRead(page) {
      if (page?.reading.kind === 'conversation') upserts += accumulator.merge(page.reading.conversation.snapshot).upserts.length;
    },
  });
  return () => {
    watcher.stop();
    return upserts;
  };
}

/** The naive baseline: a full, uncached re-scan and a full comparison on every mutation. */
function startNaive() {
  let last = '';
  let changes = 0;
  const observer = new MutationObserver(() => {
    const start = performance.now();
    const page = readHelpdeskPage(document, currentUrl());
    if (page?.reading.kind === 'conversation') {
      const signature = JSON.stringify(page.reading.conversation.snapshot.messages);
      if (signature !== last) changes++;
      last = signature;
    }
    samples.push(performance.now() - start);
  });
  observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributes: true });
  return () => {
    observer.disconnect();
    return changes;
  };
}

const api = {
  /** One cold read of the whole conversation (no cache, new accumulator), in ms. */
  firstRead(): { ms: number; messages: number } {
    const accumulator = createConversationAccumulator();
    const start = performance.now();
    const page = readHelpdeskPage(document, currentUrl());
    const messages = page?.reading.kind === 'conversation' ? accumulator.merge(page.reading.conversation.snapshot).upserts.length : 0;
    return { ms: performance.now() - start, messages };
  },
  /** Reads again with a warm cache and nothing changed: the fixed per-read cost, in ms per read. */
  warmRead(times: number): { readMs: number; mergeMs: number } {
    const cache = new ElementReadCache();
    const accumulator = createConversationAccumulator();
    const first = readHelpdeskPage(document, currentUrl(), undefined, cache);
    if (first?.reading.kind === 'conversation') accumulator.merge(first.reading.conversation.snapshot);
    let readMs = 0;
    let mergeMs = 0;
    for (let i = 0; i < times; i++) {
      const t0 = performance.now();
      const page = readHelpdeskPage(document, currentUrl(), undefined, cache);
      const t1 = performance.now();
      if (page?.reading.kind === 'conversation') accumulator.merge(page.reading.conversation.snapshot);
      mergeMs += performance.now() - t1;
      readMs += t1 - t0;
    }
    return { readMs: readMs / times, mergeMs: mergeMs / times };
  },
  start(mode: Mode, debounceMs = 0) {
    samples.length = 0;
    // 'none' watches nothing: the page's own cost of taking new messages, for the long-task baseline.
    stopWatching = mode === 'parley' ? startParley(debounceMs) : mode === 'naive' ? startNaive() : () => 0;
  },
  /** Stops watching; returns the read samples and how many changes the mode noticed. */
  stop(): { samples: number[]; noticed: number } {
    const noticed = stopWatching?.() ?? 0;
    stopWatching = null;
    return { samples: samples.slice(), noticed };
  },
};

declare global {
  interface Window {
    parleyBench: typeof api;
  }
}
window.parleyBench = api;
