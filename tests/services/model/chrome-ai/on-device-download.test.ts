import { describe, expect, it } from 'vitest';
import { OnDeviceError } from '@/services/model/chrome-ai/chrome-ai-errors';
import { downloadOnDeviceModel } from '@/services/model/chrome-ai/on-device-download';
import { createFakeAi } from './fake-chrome-ai';

describe('downloadOnDeviceModel (from a click in the options page)', () => {
  it('creates the translator for the pair, reports download progress, and frees it', async () => {
    const ai = createFakeAi({ downloadProgress: [0.25, 1] });
    const progress: number[] = [];

    await downloadOnDeviceModel({ feature: 'translator', source: 'de', target: 'en' }, { globals: ai.globals, onProgress: (fraction) => progress.push(fraction) });

    expect(ai.translatorsCreated).toEqual([{ sourceLanguage: 'de', targetLanguage: 'en' }]);
    expect(progress).toEqual([0.25, 1]);
    expect(ai.translatorsDestroyed).toEqual([{ sourceLanguage: 'de', targetLanguage: 'en' }]);
  });

  it('downloads Gemini Nano and frees the session', async () => {
    const ai = createFakeAi();
    await downloadOnDeviceModel({ feature: 'prompt' }, { globals: ai.globals });
    expect(ai.sessions).toHaveLength(1);
    expect(ai.sessions[0]!.destroyed).toBe(true);
  });

  it('says "not supported" when the browser lacks the API', async () => {
    const ai = createFakeAi();
    const error = await downloadOnDeviceModel({ feature: 'detector' }, { globals: { ...ai.globals, LanguageDetector: undefined } }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(OnDeviceError);
    expect((error as OnDeviceError).code).toBe('not-supported');
  });
});
