import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { onDeviceError } from '@/services/model/chrome-ai/chrome-ai-errors';

/**
 * The English strings live in locales/en.json; here the message lookup echoes the key and its
 * substitutions, so the test checks which message each failure gets and what fills it in.
 */
function echoMessages() {
  fakeBrowser.i18n.getMessage = ((key: string, substitutions?: string | string[]) =>
    [key, ...(substitutions === undefined ? [] : [substitutions].flat())].join('|')) as typeof fakeBrowser.i18n.getMessage;
}

describe('on-device errors in words', () => {
  it('names the language pair of a translator that is missing or must be downloaded, in the UI language', () => {
    echoMessages();
    const pair = { source: 'de', target: 'en' };

    expect(onDeviceError({ code: 'unavailable', feature: 'translator', pair }).message).toBe('errors_on_device_translator_unavailable|German|English');
    expect(onDeviceError({ code: 'downloadable', feature: 'translator', pair }).message).toBe('errors_on_device_translator_downloadable|German|English');
  });

  it('says which model is missing, and keeps the error code for code that reacts to it', () => {
    echoMessages();

    const error = onDeviceError({ code: 'downloadable', feature: 'prompt' });

    expect(error.message).toBe('errors_on_device_prompt_downloadable');
    expect(error.code).toBe('downloadable');
    expect(error.feature).toBe('prompt');
    expect(onDeviceError({ code: 'unavailable', feature: 'detector' }).message).toBe('errors_on_device_detector_unavailable');
  });

  it("passes the browser's own words on for unexpected failures, and reuses the shared cancelled message", () => {
    echoMessages();

    expect(onDeviceError({ code: 'failed', detail: 'QuotaExceededError: input too large' }).message).toBe('errors_on_device_failed|QuotaExceededError: input too large');
    expect(onDeviceError({ code: 'cancelled' }).message).toBe('errors_cancelled');
  });
});
