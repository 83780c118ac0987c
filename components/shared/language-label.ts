import { currentLanguageTag } from '@/services/i18n/i18n';

/** A language's name in the interface language ("German", "Allemand", "ドイツ語"…), falling back to the code. */
export function languageLabel(code: string): string {
  try {
    const names = new Intl.DisplayNames([currentLanguageTag()], { type: 'language' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
