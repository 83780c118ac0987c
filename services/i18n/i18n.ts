import { signal } from '@preact/signals';
import { browser } from 'wxt/browser';
import type { GeneratedI18nStructure } from '#i18n';
import { languageTagOf, textDirection, type UiLocale } from './ui-locales';

/**
 * Every string Parley shows, in the interface language the agent chose (by default the agent's own
 * language, see ui-locales.ts) rather than the browser's: `i18n.t(key, substitutions)`.
 *
 * Until a locale is loaded (and for any key a locale lacks) the browser's own i18n answers, which
 * holds the English strings at least. Extension pages and the background load a locale's built
 * `_locales/<locale>/messages.json`; content scripts cannot read extension files, so the background
 * hands them the strings they need (`content/ui-strings`).
 *
 * Components that call `t` while rendering re-render when the locale changes: `t` reads a signal.
 */

export type MessageKey = keyof GeneratedI18nStructure;
/** Chrome's messages.json: `{ "panel_title": { "message": "Parley" } }`. */
export type MessagesFile = Record<string, { message: string }>;
/** Messages by their Chrome name (`panel_title`). */
export type MessageTable = Record<string, string>;

/** The browser's own lookup (typed for WXT's generated keys; any message name works). */
const getBrowserMessage = (name: string, substitutions: string[]): string =>
  (browser.i18n.getMessage as (name: string, substitutions?: string[]) => string)(name, substitutions);

const active = signal<{ locale: UiLocale; table: MessageTable } | null>(null);

function substitute(template: string, substitutions: readonly unknown[]): string {
  return template.replace(/\$(\d)/g, (_, n: string) => String(substitutions[Number(n) - 1] ?? ''));
}

export const i18n = {
  t(key: MessageKey, substitutions: readonly unknown[] = []): string {
    const name = key.replaceAll('.', '_');
    const template = active.value?.table[name];
    if (template !== undefined) return substitute(template, substitutions);
    return getBrowserMessage(name, substitutions.map(String));
  },
};


/** BCP-47 tag of the interface language, for Intl and `lang` attributes. */
export function currentLanguageTag(): string {
  const locale = active.value?.locale;
  return locale ? languageTagOf(locale) : browser.i18n.getUILanguage();
}

export function currentTextDirection(): 'ltr' | 'rtl' {
  const locale = active.value?.locale;
  return locale ? textDirection(locale) : 'ltr';
}

/** Uses `table` for every string from now on (content scripts get it from the background; tests set it directly). */
export function useUiMessages(locale: UiLocale, table: MessageTable): void {
  if (active.value?.locale === locale && active.value.table === table) return;
  active.value = { locale, table };
}

export function tableOf(file: MessagesFile): MessageTable {
  return Object.fromEntries(Object.entries(file).map(([name, { message }]) => [name, message]));
}

const loaded = new Map<UiLocale, Promise<MessageTable>>();

/** Reads a built locale file of the extension (extension pages and the background only). */
export function loadUiMessages(locale: UiLocale): Promise<MessageTable> {
  let table = loaded.get(locale);
  if (!table) {
    table = fetch(browser.runtime.getURL(`/_locales/${locale}/messages.json` as '/'))
      .then((response) => {
        if (!response.ok) throw new Error(`no messages for ${locale}`);
        return response.json() as Promise<MessagesFile>;
      })
      .then(tableOf);
    // A failed read is not remembered: the next call tries again.
    table.catch(() => loaded.delete(locale));
    loaded.set(locale, table);
  }
  return table;
}

/** Loads and uses a locale; on failure the strings stay as they were. */
export async function switchUiLocale(locale: UiLocale): Promise<void> {
  try {
    useUiMessages(locale, await loadUiMessages(locale));
  } catch (error) {
    console.warn('[Parley] interface strings not loaded:', error);
  }
}

/** The strings a content script needs (its own UI and the errors it reports), from a full table. */
export function pageStrings(table: MessageTable): MessageTable {
  return Object.fromEntries(Object.entries(table).filter(([name]) => PAGE_PREFIXES.some((prefix) => name.startsWith(prefix))));
}
const PAGE_PREFIXES = ['common_', 'inline_', 'composer_', 'errors_'];
