import { storage } from 'wxt/utils/storage';
import { parseSettings, type ParsedSettings } from './parse-settings';
import { SETTINGS_STORAGE_KEY, settingsSchema, type Settings } from './settings-schema';

/**
 * The stored value is `unknown` on purpose: an administrator, an older version or a test may have
 * written anything there, and it is validated on every read.
 *
 * Only extension pages and the background import this module: the stored object holds the API key,
 * and content scripts get `pageSafeSettings()` through a message instead.
 */
const settingsItem = storage.defineItem<unknown>(`local:${SETTINGS_STORAGE_KEY}`);

export async function loadSettings(): Promise<ParsedSettings> {
  return parseSettings(await settingsItem.getValue());
}

export async function saveSettings(settings: Settings): Promise<void> {
  await settingsItem.setValue(settingsSchema.parse(settings));
}

export function watchSettings(onChange: (parsed: ParsedSettings) => void): () => void {
  return settingsItem.watch((value) => onChange(parseSettings(value)));
}
