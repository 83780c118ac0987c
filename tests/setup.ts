import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/**
 * fakeBrowser has no i18n: implement getMessage from the real English messages file, so components
 * render the same strings as the built extension (and a missing key shows up as an empty string).
 */
type MessageTree = { [key: string]: string | MessageTree };
function flatten(tree: MessageTree, prefix = '', out = new Map<string, string>()) {
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}_${key}` : key;
    if (typeof value === 'string') out.set(name, value);
    else flatten(value, name, out);
  }
  return out;
}
const english = flatten(JSON.parse(readFileSync(resolve(__dirname, '../locales/en.json'), 'utf8')));

function getMessage(key: string, substitutions?: string | string[]): string {
  const template = english.get(key) ?? '';
  const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
  return template.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '');
}

beforeEach(() => {
  fakeBrowser.reset();
  fakeBrowser.i18n.getMessage = getMessage as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => 'en';
});
