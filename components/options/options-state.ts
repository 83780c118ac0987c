import { signal } from '@preact/signals';
import { i18n } from '@/services/i18n/i18n';
import { sendToBackground } from '@/services/messaging/send';
import { requestEndpointPermissions } from '@/services/settings/endpoint-permission';
import { loadSettings, saveSettings } from '@/services/settings/settings-store';
import {
  DEFAULT_SETTINGS,
  allProviders,
  providerEndpoint,
  settingsSchema,
  type ProviderSettings,
  type Settings,
} from '@/services/settings/settings-schema';

export type ActionResult = { status: 'idle' } | { status: 'busy' } | { status: 'ok'; message: string } | { status: 'failed'; message: string };

/** The options form: a draft of the settings, and the outcome of the last save and connection test. */
export function createOptionsState() {
  const draft = signal<Settings>(structuredClone(DEFAULT_SETTINGS));
  const warnings = signal<string[]>([]);
  const loaded = signal(false);
  const saveResult = signal<ActionResult>({ status: 'idle' });
  /** Connection test outcome per provider id. */
  const testResults = signal<Record<string, ActionResult>>({});
  /** Models each provider offered at its last connection test. */
  const offeredModels = signal<Record<string, string[]>>({});

  async function load() {
    const parsed = await loadSettings();
    draft.value = parsed.settings;
    warnings.value = parsed.warnings;
    loaded.value = true;
  }

  function update(change: (settings: Settings) => Settings) {
    draft.value = change(draft.value);
    saveResult.value = { status: 'idle' };
  }

  /** Validates the draft; on failure says why in plain words. */
  function validDraft(): Settings | string {
    const parsed = settingsSchema.safeParse(draft.value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      return issue?.path.includes('baseUrl') || issue?.path.includes('azureEndpoint')
        ? i18n.t('options.invalid_url')
        : `${issue?.path.join('.')}: ${issue?.message}`;
    }
    return parsed.data;
  }

  /**
   * Runs from a click: asks for the endpoint's host permission first (the browser only prompts
   * during a user gesture). Parley still works without it when the endpoint allows CORS, as
   * OpenAI's does; the connection test tells.
   */
  async function askPermission(providers: readonly ProviderSettings[]): Promise<string | null> {
    const endpoints = providers.filter((p) => p.kind !== 'chrome-ai').map(providerEndpoint).filter((e) => e !== '');
    const granted = await requestEndpointPermissions(endpoints);
    return granted ? null : i18n.t('options.permission_denied', [endpoints.join(', ')]);
  }

  function updateProvider(id: string, change: Partial<ProviderSettings>) {
    update((s) =>
      id === 'main'
        ? { ...s, provider: { ...s.provider, ...change } }
        : { ...s, extraProviders: s.extraProviders.map((p) => (p.id === id ? { ...p, ...change } : p)) },
    );
  }

  function addProvider() {
    const id = `p${Date.now().toString(36)}`;
    update((s) => ({
      ...s,
      extraProviders: [...s.extraProviders, { ...structuredClone(DEFAULT_SETTINGS.provider), id, kind: 'openai-compatible', model: '', pricing: { inputPerMillion: 0, outputPerMillion: 0 } }],
    }));
  }

  function removeProvider(id: string) {
    update((s) => {
      const routes = Object.fromEntries(
        Object.entries(s.routes).map(([purpose, ids]) => {
          const left = ids.filter((other) => other !== id);
          return [purpose, left.length > 0 ? left : ['main']];
        }),
      ) as Settings['routes'];
      return { ...s, extraProviders: s.extraProviders.filter((p) => p.id !== id), routes };
    });
  }

  async function save() {
    const settings = validDraft();
    if (typeof settings === 'string') {
      saveResult.value = { status: 'failed', message: settings };
      return;
    }
    saveResult.value = { status: 'busy' };
    const permissionProblem = await askPermission(allProviders(settings));
    await saveSettings(settings);
    warnings.value = [];
    saveResult.value = permissionProblem
      ? { status: 'failed', message: `${i18n.t('options.saved')} ${permissionProblem}` }
      : { status: 'ok', message: i18n.t('options.saved') };
  }

  async function testConnection(providerId = 'main') {
    const setResult = (result: ActionResult) => (testResults.value = { ...testResults.value, [providerId]: result });
    const settings = validDraft();
    if (typeof settings === 'string') {
      setResult({ status: 'failed', message: settings });
      return;
    }
    const provider = allProviders(settings).find((p) => p.id === providerId);
    if (!provider) return;
    setResult({ status: 'busy' });
    const permissionProblem = await askPermission([provider]);
    try {
      const response = await sendToBackground({ type: 'ui/test-connection', provider });
      if (response.ok) offeredModels.value = { ...offeredModels.value, [providerId]: response.models };
      setResult(
        response.ok
          ? { status: 'ok', message: i18n.t('options.test_ok', [response.model]) }
          : { status: 'failed', message: i18n.t('options.test_failed', [response.error + (permissionProblem ? ` ${permissionProblem}` : '')]) },
      );
    } catch (error) {
      setResult({ status: 'failed', message: i18n.t('options.test_failed', [String(error)]) });
    }
  }

  return {
    draft,
    warnings,
    loaded,
    saveResult,
    testResults,
    offeredModels,
    load,
    update,
    updateProvider,
    addProvider,
    removeProvider,
    save,
    testConnection,
  };
}

export type OptionsState = ReturnType<typeof createOptionsState>;
