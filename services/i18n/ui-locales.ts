import type { SupportedLanguage } from '@/services/language/supported-languages';

/**
 * The languages Parley's own interface is written in (file names under `locales/`, as Chrome names
 * its `_locales` folders). English is the source: every other file is checked against it.
 */
export const UI_LOCALES = ['en', 'zh_CN', 'es', 'pt_BR', 'de', 'fr', 'ja', 'ar'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** The `uiLanguage` setting: a locale, or `auto` (the agent's language when Parley speaks it). */
export type UiLanguageSetting = UiLocale | 'auto';

const RIGHT_TO_LEFT: ReadonlySet<UiLocale> = new Set(['ar']);

/** Which UI locale speaks each agent language (the rest fall back to the browser's language, then English). */
const LOCALE_OF_LANGUAGE: Partial<Record<SupportedLanguage, UiLocale>> = {
  en: 'en',
  zh: 'zh_CN',
  es: 'es',
  pt: 'pt_BR',
  de: 'de',
  fr: 'fr',
  ja: 'ja',
  ar: 'ar',
};

export function isUiLocale(value: string): value is UiLocale {
  return (UI_LOCALES as readonly string[]).includes(value);
}

/** The browser's UI language ("pt-BR", "zh-CN", "de") as one of Parley's locales, if it has it. */
export function uiLocaleOfBrowserLanguage(tag: string): UiLocale | null {
  const [base = '', region = ''] = tag.replace('_', '-').split('-');
  const exact = `${base.toLowerCase()}_${region.toUpperCase()}`;
  if (isUiLocale(exact)) return exact;
  if (isUiLocale(base.toLowerCase())) return base.toLowerCase() as UiLocale;
  return LOCALE_OF_LANGUAGE[base.toLowerCase() as SupportedLanguage] ?? null;
}

/**
 * The locale Parley's interface uses: the one set explicitly, else the agent's own language (the
 * language translations are written in) when Parley's UI exists in it, else the browser's, else English.
 */
export function chooseUiLocale(setting: UiLanguageSetting, agentLanguage: SupportedLanguage, browserLanguage: string): UiLocale {
  if (setting !== 'auto') return setting;
  return LOCALE_OF_LANGUAGE[agentLanguage] ?? uiLocaleOfBrowserLanguage(browserLanguage) ?? 'en';
}

export function textDirection(locale: UiLocale): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr';
}

/** The BCP-47 tag for `lang` attributes and Intl ("pt_BR" → "pt-BR"). */
export function languageTagOf(locale: UiLocale): string {
  return locale.replace('_', '-');
}
