import type { ParleyDatabase } from '@/services/storage/database';
import { hashKey } from '@/services/storage/hash-key';

/**
 * Finished translations, so a reopened ticket or a repeated "Hello?" costs no model call. Only
 * non-empty answers that passed every check are stored. Bounded: past `maxEntries`, the least
 * recently used entries are evicted.
 */

export interface TranslationCacheKeyParts {
  promptVersion: string;
  /** Provider kind, endpoint and model. */
  modelIdentity: string;
  source: string | null;
  target: string;
  /**
   * Everything else that shaped the answer: which personal-data kinds were masked, and the market
   * rules and glossary in force. A change there changes the key, so only affected answers go stale.
   */
  shaping: string;
  text: string;
}

export function translationCacheKey(parts: TranslationCacheKeyParts): Promise<string> {
  return hashKey([parts.promptVersion, parts.modelIdentity, parts.source, parts.target, parts.shaping, parts.text]);
}

export const DEFAULT_MAX_CACHED_TRANSLATIONS = 20_000;
/** Touching an entry on every hit would mean a write per message shown: once an hour is enough for LRU. */
const TOUCH_AFTER_MS = 60 * 60 * 1000;

export function createTranslationCache(db: ParleyDatabase, maxEntries = DEFAULT_MAX_CACHED_TRANSLATIONS) {
  let writesSinceCheck = 0;

  async function get(key: string): Promise<string | null> {
    const record = await db.translations.get(key);
    if (!record) return null;
    const now = Date.now();
    if (now - (record.usedAt ?? 0) > TOUCH_AFTER_MS) await db.translations.update(key, { usedAt: now });
    return record.text;
  }

  /** Several entries in one read (a reopened ticket). */
  async function getMany(keys: readonly string[]): Promise<Array<string | null>> {
    const records = await db.translations.bulkGet([...keys]);
    const now = Date.now();
    const stale = records.filter((r) => r && now - (r.usedAt ?? 0) > TOUCH_AFTER_MS).map((r) => ({ key: r!.key, changes: { usedAt: now } }));
    if (stale.length > 0) await db.translations.bulkUpdate(stale);
    return records.map((r) => r?.text ?? null);
  }

  async function put(key: string, text: string): Promise<void> {
    if (text.trim() === '') return;
    const now = Date.now();
    await db.translations.put({ key, text, createdAt: now, usedAt: now });
    // Counting is cheap but not free: check the bound every few writes, and always when small.
    if (++writesSinceCheck >= Math.max(1, Math.min(50, Math.floor(maxEntries / 20)))) {
      writesSinceCheck = 0;
      await evict();
    }
  }

  /** Deletes the least recently used entries beyond the bound (down to 90 % of it, so eviction is not constant). */
  async function evict(): Promise<number> {
    const count = await db.translations.count();
    if (count <= maxEntries) return 0;
    const excess = count - Math.floor(maxEntries * 0.9);
    const oldest = await db.translations.orderBy('usedAt').limit(excess).primaryKeys();
    await db.translations.bulkDelete(oldest);
    return oldest.length;
  }

  async function remove(key: string): Promise<void> {
    await db.translations.delete(key);
  }

  return { get, getMany, put, evict, remove };
}

export type TranslationCache = ReturnType<typeof createTranslationCache>;
