import { browser } from 'wxt/browser';
import { i18n } from '@/services/i18n/i18n';
import type { OnDeviceErrorCode, OnDeviceErrorReply, OnDeviceFeature } from './on-device-protocol';

/**
 * An on-device AI failure, worded for the agent in the background (offscreen documents have no
 * i18n API). `code` says what happened for code that must react (tests, the options page);
 * `message` is what a person reads, so describeModelError passes it through unchanged.
 */
export class OnDeviceError extends Error {
  override readonly name = 'OnDeviceError';

  constructor(
    readonly code: OnDeviceErrorCode,
    readonly feature?: OnDeviceFeature,
    message = '',
  ) {
    super(message);
  }
}

type ErrorFacts = Pick<OnDeviceErrorReply, 'code' | 'feature' | 'pair' | 'detail'>;

export function onDeviceError(facts: ErrorFacts): OnDeviceError {
  return new OnDeviceError(facts.code, facts.feature, wordError(facts));
}

function wordError({ code, feature, pair, detail = '' }: ErrorFacts): string {
  switch (code) {
    case 'not-supported':
      return i18n.t('errors.on_device_not_supported');
    case 'unavailable':
      if (feature === 'translator' && pair) return i18n.t('errors.on_device_translator_unavailable', [languageName(pair.source), languageName(pair.target)]);
      if (feature === 'detector') return i18n.t('errors.on_device_detector_unavailable');
      if (feature === 'prompt') return i18n.t('errors.on_device_prompt_unavailable');
      return i18n.t('errors.on_device_unavailable', [detail]);
    case 'downloadable':
      if (feature === 'translator' && pair) return i18n.t('errors.on_device_translator_downloadable', [languageName(pair.source), languageName(pair.target)]);
      if (feature === 'detector') return i18n.t('errors.on_device_detector_downloadable');
      if (feature === 'prompt') return i18n.t('errors.on_device_prompt_downloadable');
      return i18n.t('errors.on_device_downloadable');
    case 'downloading':
      return i18n.t('errors.on_device_downloading');
    case 'language-unknown':
      return i18n.t('errors.on_device_language_unknown');
    case 'cancelled':
      return i18n.t('errors.cancelled');
    case 'disconnected':
      return i18n.t('errors.on_device_disconnected');
    case 'not-started':
      return i18n.t('errors.on_device_not_started', [detail]);
    case 'failed':
      return i18n.t('errors.on_device_failed', [detail]);
  }
}

/** "German" for "de", in the browser's language; the tag itself when the name is unknown. */
function languageName(tag: string): string {
  try {
    return new Intl.DisplayNames([browser.i18n.getUILanguage()], { type: 'language' }).of(tag) ?? tag;
  } catch {
    return tag;
  }
}
