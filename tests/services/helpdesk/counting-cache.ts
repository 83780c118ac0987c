import type { ReadCache } from '@/services/helpdesk/types';

/** A ReadCache like the watcher's, counting how often it had to compute. */
export function countingCache(): ReadCache & { computed: number; forget(element: Element): void } {
  const memo = new Map<Element, unknown>();
  const cache = {
    computed: 0,
    remember<T>(element: Element, compute: () => T): T {
      if (memo.has(element)) return memo.get(element) as T;
      cache.computed += 1;
      const value = compute();
      memo.set(element, value);
      return value;
    },
    forget(element: Element) {
      memo.delete(element);
    },
  };
  return cache;
}
