import { z } from 'zod';
import { SUPPORTED_LANGUAGE_CODES } from '@/services/language/supported-languages';

/**
 * Parley's settings: one typed object, stored under SETTINGS_STORAGE_KEY in `browser.storage.local`.
 * README documents this shape so an administrator or a test can pre-seed it.
 */
export const SETTINGS_STORAGE_KEY = 'parleySettings';

export const PROVIDER_KINDS = ['openai', 'openai-compatible', 'azure'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

const httpUrl = z
  .string()
  .trim()
  .refine((value) => value === '' || /^https?:\/\/[^\s/]+/i.test(value), 'must be an http(s) URL');

export const providerSettingsSchema = z.object({
  kind: z.enum(PROVIDER_KINDS),
  /** OpenAI-compatible endpoints only; OpenAI uses its own URL. Ends at the API root, e.g. http://localhost:11434/v1. */
  baseUrl: httpUrl,
  apiKey: z.string(),
  /** Model name (OpenAI, compatible endpoints). */
  model: z.string().trim(),
  /** Azure OpenAI resource endpoint, e.g. https://my-resource.openai.azure.com */
  azureEndpoint: httpUrl,
  azureDeployment: z.string().trim(),
  azureApiVersion: z.string().trim(),
});
export type ProviderSettings = z.infer<typeof providerSettingsSchema>;

export const settingsSchema = z.object({
  provider: providerSettingsSchema,
  /** The agent's own language: translations are written in it. */
  agentLanguage: z.enum(SUPPORTED_LANGUAGE_CODES),
  /** Show translations under customer messages in the helpdesk page. */
  inlineTranslations: z.boolean(),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  provider: {
    kind: 'openai',
    baseUrl: '',
    apiKey: '',
    model: 'gpt-4o-mini',
    azureEndpoint: '',
    azureDeployment: '',
    azureApiVersion: '2024-10-21',
  },
  agentLanguage: 'en',
  inlineTranslations: true,
};

/** The part of the settings a content script may know: nothing secret. */
export interface PageSafeSettings {
  agentLanguage: Settings['agentLanguage'];
  inlineTranslations: boolean;
}

export function pageSafeSettings(settings: Settings): PageSafeSettings {
  return { agentLanguage: settings.agentLanguage, inlineTranslations: settings.inlineTranslations };
}

/** Whether the provider has what it needs to be called at all. */
export function isProviderConfigured(provider: ProviderSettings): boolean {
  switch (provider.kind) {
    case 'openai':
      return provider.apiKey !== '' && provider.model !== '';
    case 'openai-compatible':
      return provider.baseUrl !== '' && provider.model !== '';
    case 'azure':
      return provider.apiKey !== '' && provider.azureEndpoint !== '' && provider.azureDeployment !== '';
  }
}

/** The URL the provider's requests go to (the origin Parley needs permission for). */
export function providerEndpoint(provider: ProviderSettings): string {
  switch (provider.kind) {
    case 'openai':
      return OPENAI_BASE_URL;
    case 'openai-compatible':
      return provider.baseUrl;
    case 'azure':
      return provider.azureEndpoint;
  }
}
