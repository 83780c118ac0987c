import { browser } from 'wxt/browser';
import { currentLanguageTag, currentTextDirection, switchUiLocale } from '@/services/i18n/i18n';
import { chooseUiLocale } from '@/services/i18n/ui-locales';
import type { Settings } from '@/services/settings/settings-schema';
import { loadSettings, watchSettings } from '@/services/settings/settings-store';

/**
 * An extension page in the agent's interface language: loads it before the first render (no flash
 * of English), sets the document's `lang` and `dir` (Arabic is right to left), and follows changes
 * of the settings. Resolves once the first locale is in place.
 */
export async function startInterfaceLanguage(title: () => string): Promise<void> {
  const apply = async (settings: Settings) => {
    await switchUiLocale(chooseUiLocale(settings.uiLanguage, settings.agentLanguage, browser.i18n.getUILanguage()));
    document.documentElement.lang = currentLanguageTag();
    document.documentElement.dir = currentTextDirection();
    document.title = title();
  };
  await apply((await loadSettings()).settings);
  watchSettings(({ settings }) => void apply(settings));
}
