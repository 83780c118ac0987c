import type { Availability, BuiltInAiGlobals } from './built-in-ai-types';
import type { AvailabilityReport } from './on-device-protocol';

/**
 * What each built-in AI API can do now, asked in a document that has them (the offscreen
 * document, or one of Parley's pages). A missing API reads as 'unavailable'.
 */
export async function availabilityReport(globals: BuiltInAiGlobals, pair: { source: string; target: string }): Promise<AvailabilityReport> {
  const { Translator, LanguageDetector, LanguageModel } = globals;
  const [translator, detector, prompt] = await Promise.all([
    Translator ? availabilityOf(() => Translator.availability({ sourceLanguage: pair.source, targetLanguage: pair.target })) : 'unavailable',
    LanguageDetector ? availabilityOf(() => LanguageDetector.availability()) : 'unavailable',
    LanguageModel ? availabilityOf(() => LanguageModel.availability()) : 'unavailable',
  ] as const);
  return { translator, detector, prompt };
}

export async function availabilityOf(check: () => Promise<Availability>): Promise<Availability> {
  try {
    return await check();
  } catch {
    // availability() rejects for tags it cannot parse or languages it does not know.
    return 'unavailable';
  }
}
