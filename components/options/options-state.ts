import { signal } from '@preact/signals';
import { i18n } from '#i18n';
import { sendToBackground } from '@/services/messaging/send';
import { requestEndpointPermission } from '@/services/settings/endpoint-permission';
import { loadSettings, saveSettings } from '@/services/settings/settings-store';
import {
  DEFAULT_SETTINGS,
  providerEndpoint,
  settingsSchema,
  type Settings,
} from '@/services/settings/settings-schema';

export type ActionResult = { status: 'idle' } | { status: 'busy' } | { status: 'ok'; message: string } | { status: 'failed'; message: string };

/** The options form: a draft of the settings, and the outcome of the last save and connection test. */
export function createOptionsState() {
  const draft = signal<Settings>(structuredClone(DEFAULT_SETTINGS));
  const warnings = signal<string[]>([]);
  const loaded = signal(false);
  const saveResult = signal<ActionResult>({ status: 'idle' });
  const testResult = signal<ActionResult>({ status: 'idle' });

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
  async function askPermission(settings: Settings): Promise<string | null> {
    const endpoint = providerEndpoint(settings.provider);
    const granted = await requestEndpointPermission(endpoint);
    return granted ? null : i18n.t('options.permission_denied', [endpoint]);
  }

  async function save() {
    const settings = validDraft();
    if (typeof settings === 'string') {
      saveResult.value = { status: 'failed', message: settings };
      return;
    }
    saveResult.value = { status: 'busy' };
    const permissionProblem = await askPermission(settings);
    await saveSettings(settings);
    warnings.value = [];
    saveResult.value = permissionProblem
      ? { status: 'failed', message: `${i18n.t('options.saved')} ${permissionProblem}` }
      : { status: 'ok', message: i18n.t('options.saved') };
  }

  async function testConnection() {
    const settings = validDraft();
    if (typeof settings === 'string') {
      testResult.value = { status: 'failed', message: settings };
      return;
    }
    testResult.value = { status: 'busy' };
    const permissionProblem = await askPermission(settings);
    try {
      const response = await sendToBackground({ type: 'ui/test-connection', provider: settings.provider });
      testResult.value = response.ok
        ? { status: 'ok', message: i18n.t('options.test_ok', [response.model]) }
        : { status: 'failed', message: i18n.t('options.test_failed', [response.error + (permissionProblem ? ` ${permissionProblem}` : '')]) };
    } catch (error) {
      testResult.value = { status: 'failed', message: i18n.t('options.test_failed', [String(error)]) };
    }
  }

  return { draft, warnings, loaded, saveResult, testResult, load, update, save, testConnection };
}

export type OptionsState = ReturnType<typeof createOptionsState>;
