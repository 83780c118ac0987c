import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ParleyDatabase } from '@/services/storage/database';
import { createTranslationCache, translationCacheKey } from '@/services/translation/translation-cache';

const parts = { promptVersion: 'translate-v2', modelIdentity: 'openai|u|m', source: 'de', target: 'en', shaping: 'mask:email', text: 'Hallo' };

describe('translation cache', () => {
  let db: ParleyDatabase;
  beforeEach(() => {
    db = new ParleyDatabase(`cache-${Math.random()}`);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('keys on everything that shapes the answer', async () => {
    const base = await translationCacheKey(parts);
    expect(await translationCacheKey({ ...parts })).toBe(base);
    for (const change of [
      { promptVersion: 'translate-v3' },
      { modelIdentity: 'openai|u|other' },
      { source: null },
      { target: 'fr' },
      { shaping: 'mask:none' },
      { text: 'Hallo!' },
    ]) {
      expect(await translationCacheKey({ ...parts, ...change })).not.toBe(base);
    }
  });

  it('stores non-empty answers only', async () => {
    const cache = createTranslationCache(db);
    await cache.put('a', '  ');
    expect(await cache.get('a')).toBeNull();
    await cache.put('b', 'Hello');
    expect(await cache.get('b')).toBe('Hello');
  });

  it('evicts the least recently used entries beyond its bound', async () => {
    const cache = createTranslationCache(db, 10);
    const old = Date.now() - 10 * 60 * 60 * 1000;
    await db.translations.bulkPut(
      Array.from({ length: 10 }, (_, i) => ({ key: `old${i}`, text: `t${i}`, createdAt: old, usedAt: old + i })),
    );
    // Reading an old entry makes it recent again.
    expect(await cache.get('old0')).toBe('t0');
    await cache.put('new', 'fresh');
    expect(await cache.evict()).toBe(0); // the write already evicted
    const keys = await db.translations.toCollection().primaryKeys();
    expect(keys.length).toBeLessThanOrEqual(10);
    expect(keys).toContain('new');
    expect(keys).toContain('old0');
    expect(keys).not.toContain('old1');
  });
});
