import { stripHiddenCharacters } from '@/services/safety/detect-injection';
import type { Settings } from '@/services/settings/settings-schema';
import { maskPersonalData, type PersonalDataFinding, type PersonalDataKind } from './mask-personal-data';

/** The personal-data kinds the lead wants masked (none when masking is off). */
export function maskedKindsOf(settings: Settings): PersonalDataKind[] {
  if (!settings.privacy.maskPersonalData) return [];
  return (Object.entries(settings.privacy.kinds) as Array<[PersonalDataKind, boolean]>).filter(([, on]) => on).map(([kind]) => kind);
}

/** Part of every cache key of a model answer: which kinds were masked in what the model saw. */
export function maskingFingerprint(settings: Settings): string {
  return `mask:${settings.privacy.maskPersonalData ? maskedKindsOf(settings).join(',') : 'none'}`;
}

/** A text as it is sent to a model: without hidden characters, personal data replaced when the lead wants it. */
export function maskForModel(settings: Settings, text: string): { masked: string; found: PersonalDataFinding[] } {
  const visible = stripHiddenCharacters(text);
  if (!settings.privacy.maskPersonalData) return { masked: visible, found: [] };
  return maskPersonalData(visible, { kinds: maskedKindsOf(settings) });
}
