import { useEffect, useState } from 'preact/hooks';
import { i18n } from '@/services/i18n/i18n';
import { chromeAiAvailability, type ChromeAiAvailabilitySummary } from '@/services/model/chrome-ai/chrome-ai-client';
import { downloadOnDeviceModel } from '@/services/model/chrome-ai/on-device-download';
import type { SupportedLanguage } from '@/services/language/supported-languages';

type Feature = keyof ChromeAiAvailabilitySummary;
const FEATURES: Feature[] = ['translator', 'detector', 'prompt'];
const STATE_LABEL: Record<ChromeAiAvailabilitySummary[Feature], () => string> = {
  available: () => i18n.t('options.on_device_available'),
  downloadable: () => i18n.t('options.on_device_downloadable'),
  downloading: () => i18n.t('options.on_device_state_downloading'),
  unavailable: () => i18n.t('options.on_device_unavailable'),
};

/**
 * Whether Chrome's on-device models are there, and a button to download one: Chrome only starts a
 * download from a click in a page, never from the offscreen document Parley uses later.
 */
export function OnDeviceStatus({ agentLanguage }: { agentLanguage: SupportedLanguage }) {
  const [summary, setSummary] = useState<ChromeAiAvailabilitySummary | null>(null);
  const [progress, setProgress] = useState<string>('');
  // A common pair to probe the translator with; the language packs are per pair.
  const pair = { source: agentLanguage === 'de' ? 'en' : 'de', target: agentLanguage };
  const refresh = () => void chromeAiAvailability(pair).then(setSummary);
  useEffect(refresh, [agentLanguage]);

  async function download(feature: Feature) {
    setProgress(i18n.t('options.on_device_progress', ['0']));
    try {
      await downloadOnDeviceModel(feature === 'translator' ? { feature, ...pair } : { feature }, {
        onProgress: (fraction) => setProgress(i18n.t('options.on_device_progress', [String(Math.round(fraction * 100))])),
      });
      setProgress('');
    } catch (error) {
      setProgress(error instanceof Error ? error.message : String(error));
    }
    refresh();
  }

  if (!summary) return null;
  return (
    <div class="on-device" data-testid="on-device-status">
      <ul>
        {FEATURES.map((feature) => (
          <li key={feature}>
            {i18n.t(`options.on_device_${feature}`)}: {STATE_LABEL[summary[feature]]()}
            {summary[feature] === 'downloadable' ? (
              <button type="button" class="button button--small" onClick={() => void download(feature)}>
                {i18n.t('options.on_device_download')}
              </button>
            ) : null}
          </li>
        ))}
      </ul>
      {progress ? <p role="status">{progress}</p> : null}
    </div>
  );
}
