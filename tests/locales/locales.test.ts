import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LOCALES } from '@/services/i18n/ui-locales';

/**
 * Every translation in locales/ must match locales/en.json: the same keys (nested the same way, in the
 * same order), a non-empty string for each, and the same `$n` substitutions (which Chrome fills in).
 */

const LOCALES_DIR = resolve(__dirname, '../../locales');

type MessageTree = { [key: string]: unknown };

/** Each leaf by its dotted path ("panel.title"); a non-object, non-string value is kept as it is, to be reported. */
function flatten(tree: MessageTree, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value as MessageTree, path, out);
    else out.set(path, value);
  }
  return out;
}

function readLocale(file: string): Map<string, unknown> {
  return flatten(JSON.parse(readFileSync(resolve(LOCALES_DIR, file), 'utf8')) as MessageTree);
}

/** The `$1`, `$2`… a message uses, sorted, each as often as it occurs. */
function placeholders(message: string): string[] {
  return (message.match(/\$\d+/g) ?? []).sort();
}

/** What is wrong with one translation, compared with English; empty when nothing is. */
function compareWithEnglish(english: Map<string, unknown>, translation: Map<string, unknown>) {
  const missing = [...english.keys()].filter((key) => !translation.has(key));
  const extra = [...translation.keys()].filter((key) => !english.has(key));
  const notText = [...translation].filter(([, value]) => typeof value !== 'string' || value.trim() === '').map(([key]) => key);
  const placeholderMismatches = [...translation]
    .filter(([key, value]) => typeof value === 'string' && typeof english.get(key) === 'string')
    .filter(([key, value]) => placeholders(value as string).join(',') !== placeholders(english.get(key) as string).join(','))
    .map(([key, value]) => `${key}: English has [${placeholders(english.get(key) as string)}], translation has [${placeholders(value as string)}]`);
  const shared = [...english.keys()].filter((key) => translation.has(key));
  const sameOrder = shared.join('\n') === [...translation.keys()].filter((key) => english.has(key)).join('\n');
  return { missing, extra, notText, placeholderMismatches, sameOrder };
}

const english = readLocale('en.json');
const localeFiles = readdirSync(LOCALES_DIR)
  .filter((file) => file.endsWith('.json'))
  .sort();
const translations = localeFiles.filter((file) => file !== 'en.json');

describe('locale files', () => {
  it('are exactly the UI_LOCALES', () => {
    expect(localeFiles.map((file) => file.replace(/\.json$/, '')).sort()).toEqual([...UI_LOCALES].sort());
  });

  it('English itself has only non-empty strings', () => {
    expect(compareWithEnglish(english, english).notText).toEqual([]);
  });

  it('the comparison reports a missing key, an extra key, an empty value and a changed placeholder', () => {
    const broken = new Map(english);
    broken.delete('panel.title');
    broken.set('panel.not_in_english', 'x');
    broken.set('common.loading', '');
    broken.set('inline.failed', 'Translation failed: $2');
    const result = compareWithEnglish(english, broken);
    expect(result.missing).toEqual(['panel.title']);
    expect(result.extra).toEqual(['panel.not_in_english']);
    expect(result.notText).toEqual(['common.loading']);
    expect(result.placeholderMismatches).toEqual(['inline.failed: English has [$1], translation has [$2]']);
  });

  describe.each(translations)('%s', (file) => {
    const translation = readLocale(file);
    const result = compareWithEnglish(english, translation);

    it('has no key missing from English', () => {
      expect(result.missing, `keys of en.json missing from ${file}`).toEqual([]);
    });
    it('has no key that English lacks', () => {
      expect(result.extra, `keys of ${file} that en.json lacks`).toEqual([]);
    });
    it('keeps the keys in the order of English', () => {
      expect(result.sameOrder).toBe(true);
    });
    it('has a non-empty string for every key', () => {
      expect(result.notText, `keys of ${file} without text`).toEqual([]);
    });
    it('uses the same $n placeholders as English in every message', () => {
      expect(result.placeholderMismatches).toEqual([]);
    });
    it('keeps the extension description within the Chrome Web Store limit', () => {
      expect(String(translation.get('extension_description')).length).toBeLessThanOrEqual(132);
    });
  });
});
