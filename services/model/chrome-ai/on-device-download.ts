import { builtInAiGlobals, type BuiltInAiGlobals, type CreateMonitor } from './built-in-ai-types';
import { onDeviceError } from './chrome-ai-errors';
import type { OnDeviceFeature } from './on-device-protocol';

/**
 * Downloads one of Chrome's on-device models, for a button in one of Parley's pages (the options
 * page). create() of a 'downloadable' model needs a user activation, which the offscreen document
 * never has: call this straight from the click handler. Models are shared by the whole browser,
 * so once downloaded here, the offscreen document finds them 'available'.
 */

export type OnDeviceDownload =
  | { feature: 'translator'; source: string; target: string }
  | { feature: Exclude<OnDeviceFeature, 'translator'> };

export async function downloadOnDeviceModel(
  what: OnDeviceDownload,
  options: { onProgress?: (fraction: number) => void; signal?: AbortSignal; globals?: BuiltInAiGlobals } = {},
): Promise<void> {
  const globals = options.globals ?? builtInAiGlobals();
  const monitor = (target: CreateMonitor) => {
    target.addEventListener('downloadprogress', (event) => {
      const loaded = (event as Event & { loaded?: number }).loaded;
      if (typeof loaded === 'number') options.onProgress?.(loaded);
    });
  };
  const common = { monitor, ...(options.signal ? { signal: options.signal } : {}) };

  let created: { destroy(): void };
  switch (what.feature) {
    case 'translator': {
      if (!globals.Translator) throw onDeviceError({ code: 'not-supported', feature: 'translator' });
      created = await globals.Translator.create({ sourceLanguage: what.source, targetLanguage: what.target, ...common });
      break;
    }
    case 'detector': {
      if (!globals.LanguageDetector) throw onDeviceError({ code: 'not-supported', feature: 'detector' });
      created = await globals.LanguageDetector.create(common);
      break;
    }
    case 'prompt': {
      if (!globals.LanguageModel) throw onDeviceError({ code: 'not-supported', feature: 'prompt' });
      created = await globals.LanguageModel.create(common);
      break;
    }
  }
  // Only the download was wanted: the offscreen document makes its own instances.
  created.destroy();
}
