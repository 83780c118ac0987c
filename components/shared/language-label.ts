import { browser } from 'wxt/browser';

/** A language's name in the agent's UI language ("German", "Allemand"…), falling back to the code. */
export function languageLabel(code: string): string {
  try {
    const names = new Intl.DisplayNames([browser.i18n.getUILanguage()], { type: 'language' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
