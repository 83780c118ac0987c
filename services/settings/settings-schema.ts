import { z } from 'zod';
import { chooseUiLocale, UI_LOCALES, type UiLocale } from '@/services/i18n/ui-locales';
import { SUPPORTED_LANGUAGE_CODES } from '@/services/language/supported-languages';

/**
 * Parley's settings: one typed object, stored under SETTINGS_STORAGE_KEY in `browser.storage.local`.
 * README documents this shape so an administrator or a test can pre-seed it.
 */
export const SETTINGS_STORAGE_KEY = 'parleySettings';

export const PROVIDER_KINDS = ['openai', 'openai-compatible', 'azure', 'chrome-ai'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

const httpUrl = z
  .string()
  .trim()
  .refine((value) => value === '' || /^https?:\/\/[^\s/]+/i.test(value), 'must be an http(s) URL');

/** How hard Parley may use one provider: its request queue follows these. */
export const providerLimitsSchema = z.object({
  /** Requests in flight at once. */
  maxConcurrent: z.number().int().min(1).max(32),
  /** Requests started per minute; 0 means no limit. */
  requestsPerMinute: z.number().int().min(0).max(100_000),
  /** A request with no answer (or no new streamed text) for this long is given up and retried. */
  timeoutSeconds: z.number().min(1).max(600),
});
export type ProviderLimits = z.infer<typeof providerLimitsSchema>;

/** US dollars per million tokens, for the cost shown in the options page (0 = free or unknown). */
export const providerPricingSchema = z.object({
  inputPerMillion: z.number().min(0).max(10_000),
  outputPerMillion: z.number().min(0).max(10_000),
});

export const DEFAULT_PROVIDER_LIMITS: ProviderLimits = { maxConcurrent: 4, requestsPerMinute: 60, timeoutSeconds: 30 };

export const providerSettingsSchema = z.object({
  /** Stable id the routes refer to; the first provider is always `main`. */
  id: z.string().trim().min(1).max(40).default('main'),
  /** A name the team recognises ("Company gateway", "Local Ollama"). */
  name: z.string().trim().max(80).default(''),
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
  limits: providerLimitsSchema.default(DEFAULT_PROVIDER_LIMITS),
  pricing: providerPricingSchema.default({ inputPerMillion: 0, outputPerMillion: 0 }),
});
export type ProviderSettings = z.infer<typeof providerSettingsSchema>;

/** What a model is used for: each has its own ordered list of providers (first choice, then fallbacks). */
export const MODEL_PURPOSES = ['inbound', 'outbound', 'suggestions'] as const;
export type ModelPurpose = (typeof MODEL_PURPOSES)[number];

const providerIdList = z.array(z.string().trim().min(1).max(40)).max(8);

export const PERSONAL_DATA_SETTING_KINDS = ['email', 'phone', 'card', 'iban', 'national-id', 'address', 'ip'] as const;

export const settingsSchema = z.object({
  /** The main provider (id `main`). */
  provider: providerSettingsSchema,
  /** More providers, for other purposes or as fallbacks. */
  extraProviders: z.array(providerSettingsSchema).max(6),
  /** Provider ids per purpose, in order: the first that is configured and not failing is used. */
  routes: z.object({ inbound: providerIdList, outbound: providerIdList, suggestions: providerIdList }),
  /** Personal data replaced by placeholders before text leaves the browser. */
  privacy: z.object({
    maskPersonalData: z.boolean(),
    kinds: z.object(Object.fromEntries(PERSONAL_DATA_SETTING_KINDS.map((kind) => [kind, z.boolean()])) as Record<
      (typeof PERSONAL_DATA_SETTING_KINDS)[number],
      z.ZodBoolean
    >),
  }),
  /** The agent's own language: translations are written in it. */
  agentLanguage: z.enum(SUPPORTED_LANGUAGE_CODES),
  /** Show translations under customer messages in the helpdesk page. */
  inlineTranslations: z.boolean(),
  /** The language of Parley's own interface: `auto` follows the agent's language (see services/i18n/ui-locales.ts). */
  uiLanguage: z.enum(['auto', ...UI_LOCALES]),
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
    id: 'main',
    name: '',
    limits: DEFAULT_PROVIDER_LIMITS,
    pricing: { inputPerMillion: 0.15, outputPerMillion: 0.6 },
  },
  extraProviders: [],
  routes: { inbound: ['main'], outbound: ['main'], suggestions: ['main'] },
  privacy: {
    maskPersonalData: true,
    kinds: { email: true, phone: true, card: true, iban: true, 'national-id': true, address: true, ip: true },
  },
  agentLanguage: 'en',
  inlineTranslations: true,
  uiLanguage: 'auto',
};

/** The part of the settings a content script may know: nothing secret. */
export interface PageSafeSettings {
  agentLanguage: Settings['agentLanguage'];
  inlineTranslations: boolean;
  /** The interface language the page's Parley UI should speak. */
  uiLocale: UiLocale;
}

export function pageSafeSettings(settings: Settings, browserLanguage: string): PageSafeSettings {
  return {
    agentLanguage: settings.agentLanguage,
    inlineTranslations: settings.inlineTranslations,
    uiLocale: chooseUiLocale(settings.uiLanguage, settings.agentLanguage, browserLanguage),
  };
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
    case 'chrome-ai':
      return true;
  }
}

/** Every provider the settings describe, the main one first. */
export function allProviders(settings: Settings): ProviderSettings[] {
  return [{ ...settings.provider, id: 'main' }, ...settings.extraProviders.filter((provider) => provider.id !== 'main')];
}

/**
 * The providers to try for a purpose, in order: those named by the route that exist and are
 * configured. An empty or broken route falls back to the main provider.
 */
export function providersFor(settings: Settings, purpose: ModelPurpose): ProviderSettings[] {
  const byId = new Map(allProviders(settings).map((provider) => [provider.id, provider]));
  const chosen = settings.routes[purpose]
    .map((id) => byId.get(id))
    .filter((provider): provider is ProviderSettings => provider !== undefined && isProviderConfigured(provider));
  const unique = [...new Map(chosen.map((provider) => [provider.id, provider])).values()];
  if (unique.length > 0) return unique;
  const main = byId.get('main')!;
  return isProviderConfigured(main) ? [main] : [];
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
    case 'chrome-ai':
      return '';
  }
}
