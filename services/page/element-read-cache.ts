import type { ReadCache } from '@/services/helpdesk/types';

/**
 * The watcher's ReadCache: what an adapter read from a message element stays valid until a
 * mutation touches that element's subtree. Entries die with their elements (WeakMap), so a
 * virtualised list that unmounts rows leaks nothing.
 */
export class ElementReadCache implements ReadCache {
  private readonly memo = new WeakMap<Element, unknown>();

  remember<T>(element: Element, compute: () => T): T {
    if (this.memo.has(element)) return this.memo.get(element) as T;
    const value = compute();
    this.memo.set(element, value);
    return value;
  }

  /** Forgets every remembered element that contains `node` (the node itself included). */
  invalidate(node: Node): void {
    let current: Node | null = node;
    while (current) {
      if (current.nodeType === 1) this.memo.delete(current as Element);
      current = current.parentNode;
    }
  }
}
