import { describe, expect, it } from 'vitest';
import { parseSettings } from '@/services/settings/parse-settings';
import { DEFAULT_SETTINGS, isProviderConfigured, pageSafeSettings } from '@/services/settings/settings-schema';
import { loadSettings, saveSettings } from '@/services/settings/settings-store';
import { fakeBrowser } from 'wxt/testing/fake-browser';

describe('parseSettings', () => {
  it('gives the defaults, without warnings, when nothing is stored', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, warnings: [] });
  });

  it('keeps every valid field and replaces only the invalid ones, naming each', () => {
    const { settings, warnings } = parseSettings({
      provider: { kind: 'openai-compatible', baseUrl: 'not a url', apiKey: 'k', model: 'llama3' },
      agentLanguage: 'xx',
      inlineTranslations: false,
    });
    expect(settings.provider.kind).toBe('openai-compatible');
    expect(settings.provider.model).toBe('llama3');
    expect(settings.provider.apiKey).toBe('k');
    expect(settings.provider.baseUrl).toBe(DEFAULT_SETTINGS.provider.baseUrl);
    expect(settings.agentLanguage).toBe('en');
    expect(settings.inlineTranslations).toBe(false);
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toMatch(/^provider\.baseUrl:/);
    expect(warnings[1]).toMatch(/^agentLanguage:/);
  });

  it('never throws on garbage and says the whole value was replaced', () => {
    expect(parseSettings('garbage')).toEqual({ settings: DEFAULT_SETTINGS, warnings: ['settings: expected an object'] });
    expect(parseSettings({ provider: 42 }).warnings).toEqual(['provider: expected an object']);
  });
});

describe('settings store', () => {
  it('round-trips through extension storage under the documented key', async () => {
    const settings = { ...DEFAULT_SETTINGS, agentLanguage: 'de' as const };
    await saveSettings(settings);
    expect((await fakeBrowser.storage.local.get('parleySettings')).parleySettings).toEqual(settings);
    expect((await loadSettings()).settings.agentLanguage).toBe('de');
  });

  it('reads a malformed pre-seeded value as defaults plus warnings', async () => {
    await fakeBrowser.storage.local.set({ parleySettings: { inlineTranslations: 'yes' } });
    const { settings, warnings } = await loadSettings();
    expect(settings.inlineTranslations).toBe(true);
    expect(warnings).toEqual([expect.stringMatching(/^inlineTranslations:/)]);
  });

  it('refuses to save an invalid object', async () => {
    await expect(saveSettings({ ...DEFAULT_SETTINGS, agentLanguage: 'xx' as never })).rejects.toThrow();
  });
});

describe('settings helpers', () => {
  it('page-safe settings carry no provider, hence no key', () => {
    const safe = pageSafeSettings({ ...DEFAULT_SETTINGS, provider: { ...DEFAULT_SETTINGS.provider, apiKey: 'sk-secret' } }, 'en-US');
    expect(JSON.stringify(safe)).not.toContain('sk-secret');
    expect(Object.keys(safe).sort()).toEqual(['agentLanguage', 'inlineTranslations', 'uiLocale']);
  });

  it("page-safe settings name the interface locale: the agent's language, else the browser's, unless one is set", () => {
    expect(pageSafeSettings({ ...DEFAULT_SETTINGS, agentLanguage: 'ja' }, 'en-US').uiLocale).toBe('ja');
    expect(pageSafeSettings({ ...DEFAULT_SETTINGS, agentLanguage: 'pt' }, 'en-US').uiLocale).toBe('pt_BR');
    // Parley's interface is not written in Swedish: the browser's language decides.
    expect(pageSafeSettings({ ...DEFAULT_SETTINGS, agentLanguage: 'sv' }, 'de-AT').uiLocale).toBe('de');
    expect(pageSafeSettings({ ...DEFAULT_SETTINGS, agentLanguage: 'sv' }, 'sv-SE').uiLocale).toBe('en');
    expect(pageSafeSettings({ ...DEFAULT_SETTINGS, agentLanguage: 'ja', uiLanguage: 'ar' }, 'en-US').uiLocale).toBe('ar');
  });

  it('knows when a provider can be called', () => {
    expect(isProviderConfigured(DEFAULT_SETTINGS.provider)).toBe(false);
    expect(isProviderConfigured({ ...DEFAULT_SETTINGS.provider, apiKey: 'sk' })).toBe(true);
    expect(isProviderConfigured({ ...DEFAULT_SETTINGS.provider, kind: 'openai-compatible', baseUrl: 'http://127.0.0.1:1/v1' })).toBe(true);
    expect(isProviderConfigured({ ...DEFAULT_SETTINGS.provider, kind: 'azure', apiKey: 'k' })).toBe(false);
  });
});
