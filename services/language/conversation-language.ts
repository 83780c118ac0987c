import type { LanguageDetection } from './detect-language';
import type { SupportedLanguage } from './supported-languages';

export interface ConversationLanguage {
  language: SupportedLanguage;
  confidence: 'high' | 'low';
}

/**
 * The customer's language over a whole conversation: confident detections count three times as
 * much as low-confidence ones, and later messages a little more than earlier ones, so one "ok"
 * or order number does not flip it. Null when no customer message carried any language.
 */
export function conversationLanguage(detections: ReadonlyArray<LanguageDetection | null>): ConversationLanguage | null {
  const scores = new Map<SupportedLanguage, number>();
  const hasHigh = new Set<SupportedLanguage>();
  detections.forEach((detection, index) => {
    if (!detection?.language) return;
    const weight = (detection.confidence === 'high' ? 3 : 1) * (1 + index / Math.max(1, detections.length));
    scores.set(detection.language, (scores.get(detection.language) ?? 0) + weight);
    if (detection.confidence === 'high') hasHigh.add(detection.language);
  });
  let best: SupportedLanguage | null = null;
  for (const [language, score] of scores) if (best === null || score > (scores.get(best) ?? 0)) best = language;
  if (best === null) return null;
  return { language: best, confidence: hasHigh.has(best) ? 'high' : 'low' };
}
