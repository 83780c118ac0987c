import { describe, expect, it } from 'vitest';
import { isSupportedLanguage, languageName } from '@/services/language/supported-languages';
import { i18n } from '@/services/i18n/i18n';

describe('supported languages', () => {
  it('knows the languages Parley serves and rejects others', () => {
    expect(isSupportedLanguage('pt')).toBe(true);
    expect(isSupportedLanguage('xx')).toBe(false);
    expect(languageName('de')).toBe('German');
  });
  it('reads UI strings from locales/en.json through i18n', () => {
    expect(i18n.t('options.test_failed', ['boom'])).toBe('Connection failed: boom');
  });
});
