/**
 * The languages Parley detects, translates between and offers as the agent's language.
 * `franc` is franc's ISO 639-3 code for the language, used to restrict detection to this set.
 */
export const SUPPORTED_LANGUAGES = [
  { code: 'en', franc: 'eng', name: 'English' },
  { code: 'es', franc: 'spa', name: 'Spanish' },
  { code: 'pt', franc: 'por', name: 'Portuguese' },
  { code: 'fr', franc: 'fra', name: 'French' },
  { code: 'de', franc: 'deu', name: 'German' },
  { code: 'it', franc: 'ita', name: 'Italian' },
  { code: 'nl', franc: 'nld', name: 'Dutch' },
  { code: 'pl', franc: 'pol', name: 'Polish' },
  { code: 'tr', franc: 'tur', name: 'Turkish' },
  { code: 'ru', franc: 'rus', name: 'Russian' },
  { code: 'uk', franc: 'ukr', name: 'Ukrainian' },
  { code: 'ar', franc: 'arb', name: 'Arabic' },
  { code: 'he', franc: 'heb', name: 'Hebrew' },
  { code: 'ja', franc: 'jpn', name: 'Japanese' },
  { code: 'ko', franc: 'kor', name: 'Korean' },
  { code: 'zh', franc: 'cmn', name: 'Chinese' },
  { code: 'th', franc: 'tha', name: 'Thai' },
  { code: 'vi', franc: 'vie', name: 'Vietnamese' },
  { code: 'id', franc: 'ind', name: 'Indonesian' },
  { code: 'sv', franc: 'swe', name: 'Swedish' },
] as const;

export type SupportedLanguage = (typeof SUPPORTED_LANGUAGES)[number]['code'];

export const SUPPORTED_LANGUAGE_CODES = SUPPORTED_LANGUAGES.map((l) => l.code) as [
  SupportedLanguage,
  ...SupportedLanguage[],
];

export function isSupportedLanguage(code: string): code is SupportedLanguage {
  return SUPPORTED_LANGUAGES.some((l) => l.code === code);
}

/** English name of a supported language, for prompts (models follow English names best). */
export function languageName(code: SupportedLanguage): string {
  return SUPPORTED_LANGUAGES.find((l) => l.code === code)?.name ?? code;
}
