import { francAll } from 'franc';
import { SUPPORTED_LANGUAGES, SUPPORTED_LANGUAGE_CODES, type SupportedLanguage } from './supported-languages';

/**
 * Per-message language detection: decisive writing-system rules first, then franc's trigram
 * statistics restricted to the candidate languages. A first, honest version: short Latin-script
 * messages are guessed but always marked 'low' (franc is unreliable on them, see the tests).
 */

export type DetectionConfidence = 'high' | 'low' | 'none';

export interface LanguageDetection {
  /** Null only when nothing in the text carries language (e.g. "#40213", "👍", a bare URL). */
  language: SupportedLanguage | null;
  /** 'none' iff `language` is null. */
  confidence: DetectionConfidence;
  reason: 'script' | 'statistical' | 'short-text' | 'no-language-content';
}

export interface DetectLanguageOptions {
  /** Languages the text may be in, in order of preference for ties. Default (or empty): all supported. */
  candidates?: readonly SupportedLanguage[];
}

/** Below this many letters franc only gives a guess: confidence 'low', reason 'short-text'. */
const SHORT_TEXT_LETTERS = 20;

/**
 * From this many letters on, franc's ranking is trusted with a smaller lead over the runner-up.
 *
 * franc's scores are normalised so the best language scores 1 and the others 1 - (relative extra
 * distance); the lead is 1 - runner-up score. Calibrated on ~230 realistic helpdesk messages in
 * the 12 supported Latin-script languages (a scratch run while writing this module, not kept):
 * - 20–39 letters: franc was wrong with leads up to 0.275 ("Warum wurde meine Karte abgelehnt?"
 *   → tr, "Şifrem artık çalışmıyor" → en at 0.23, "Je voudrais annuler ma commande" → pt at 0.20),
 *   so this band needs a lead of 0.35: roughly 30% of its correct answers still reach 'high';
 * - 40+ letters: the wrong answers had leads of at most 0.041 ("Olá, ainda não recebi a minha
 *   encomenda…" → es at 0.026, a 79-letter English sentence → sv at 0.041), so 0.1 leaves more than
 *   twice that as headroom while ~90% of correct long messages stay 'high'.
 * With these margins no message of that set was wrong with 'high'; 'low' answers were wrong about
 * one time in four, which is what 'low' is for.
 */
const LONG_TEXT_LETTERS = 40;
const HIGH_CONFIDENCE_LEAD_MEDIUM = 0.35;
const HIGH_CONFIDENCE_LEAD_LONG = 0.1;

/**
 * A CJK character or Hangul syllable carries about as much text as three alphabet letters, so a
 * Japanese or Chinese message with an English product name ("iPhone 15 Proの画面が割れました")
 * still counts as Japanese, while an English message quoting one name in kanji stays English.
 */
const SYLLABIC_WEIGHT = 3;

const FRANC_CODE = new Map<SupportedLanguage, string>(SUPPORTED_LANGUAGES.map((l) => [l.code, l.franc]));
const FROM_FRANC_CODE = new Map<string, SupportedLanguage>(SUPPORTED_LANGUAGES.map((l) => [l.franc, l.code]));

/** Supported languages written in Latin script (the ones franc's statistics decide between). */
const LATIN_SCRIPT_LANGUAGES = new Set<SupportedLanguage>(['en', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'pl', 'tr', 'vi', 'id', 'sv']);

// ---------------------------------------------------------------------------------------------
// Cleaning

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const URL_WITH_SCHEME_OR_WWW = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"]+/giu;
/** Bare host names ("parley.io", "track.example.com/abc"): a dotted name ending in a common TLD. */
const BARE_DOMAIN =
  /\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:com|net|org|info|biz|io|co|app|dev|shop|store|online|eu|uk|de|fr|es|it|nl|pl|pt|br|se|tr|ru|ua|jp|cn|kr|th|vn|id|il|ae|sa|us|ca|au|ch|at|be|me|ly)\b(?:\/[^\s<>"]*)?/giu;
const MENTION = /(^|\s)@[^\s@]+/gu;
/** Amounts with a currency code or a lettered currency sign ("19,99 EUR", "USD 5", "R$ 50", "20 zł"). */
const CURRENCY_CODES =
  'EUR|USD|GBP|CHF|PLN|TRY|SEK|RUB|UAH|BRL|JPY|CNY|RMB|KRW|THB|VND|IDR|ILS|AED|SAR|CAD|AUD|MXN|ARS|CLP|COP|INR';
const AMOUNT = "\\p{Nd}[\\p{Nd}.,'\\u00A0\\u202F]*";
const AMOUNT_WITH_CURRENCY = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${CURRENCY_CODES}|R\\$|US\\$)\\s?${AMOUNT}|${AMOUNT}\\s?(?:${CURRENCY_CODES}|zł|kr|TL|руб\\.?|грн\\.?|บาท|đ|₫))(?![\\p{L}\\p{N}])`,
  'gu',
);
/**
 * A run of ASCII letters and digits, possibly joined by - _ / . : , ("#40213", "1Z999AA10123456784",
 * "19,99", "12:30", "A-1234"). Only ASCII letters join, so "注文番号12345の件" loses just "12345".
 */
const ALNUM_TOKEN = /[#№]?[A-Za-z0-9\p{Nd}]+(?:[-_/.:,][A-Za-z0-9\p{Nd}]+)*/gu;
const DIGIT = /\p{Nd}/u;
/** Emoji (with their joiners, variation selectors, skin tones, keycaps, tags) and all symbols. */
const EMOJI_AND_SYMBOLS =
  /[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\p{S}\u200D\uFE0E\uFE0F\u20E3\u{E0020}-\u{E007F}]/gu;
const OTHER_NUMBERS = /\p{N}/gu;
/** Whitespace-separated runs left with no letter at all ("-", "!!", "()"). */
const LETTERLESS_RUN = /(^|\s)[^\s\p{L}\p{M}]+(?=\s|$)/gu;

/**
 * Removes what carries no language: URLs, e-mail addresses, @mentions, order/tracking numbers and
 * any other token with digits, amounts, emoji and symbols; then collapses whitespace. Words and
 * their punctuation are kept, so the result is still readable.
 */
export function stripNonLinguisticContent(text: string): string {
  return text
    .normalize('NFC')
    .replace(EMAIL, ' ')
    .replace(URL_WITH_SCHEME_OR_WWW, ' ')
    .replace(BARE_DOMAIN, ' ')
    .replace(MENTION, '$1 ')
    .replace(AMOUNT_WITH_CURRENCY, ' ')
    .replace(ALNUM_TOKEN, (token) => (DIGIT.test(token) ? ' ' : token))
    .replace(EMOJI_AND_SYMBOLS, ' ')
    .replace(OTHER_NUMBERS, ' ')
    .replace(/\s+/gu, ' ')
    .replace(LETTERLESS_RUN, '$1')
    .replace(/\s+/gu, ' ')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Scripts

type Script = 'latin' | 'cyrillic' | 'arabic' | 'hebrew' | 'thai' | 'hangul' | 'cjk' | 'other';

interface ScriptCounts {
  letters: number;
  /** Letters per script; 'cjk' is kana + Han. */
  byScript: Record<Script, number>;
  kana: number;
  ukrainianOnly: number;
  russianOnly: number;
}

const IS_LETTER = /\p{L}/u;
const SCRIPT_TESTS: ReadonlyArray<[Exclude<Script, 'other' | 'cjk'> | 'kana' | 'han', RegExp]> = [
  ['latin', /\p{Script=Latin}/u],
  ['cyrillic', /\p{Script=Cyrillic}/u],
  ['kana', /[\p{Script=Hiragana}\p{Script=Katakana}\u30FC]/u],
  ['han', /\p{Script=Han}/u],
  ['hangul', /\p{Script=Hangul}/u],
  ['thai', /\p{Script=Thai}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['arabic', /\p{Script=Arabic}/u],
];
/** Letters Ukrainian has and Russian lacks, and the reverse. */
const UKRAINIAN_ONLY = /[іїєґІЇЄҐ]/u;
const RUSSIAN_ONLY = /[ыэъёЫЭЪЁ]/u;

function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = {
    letters: 0,
    byScript: { latin: 0, cyrillic: 0, arabic: 0, hebrew: 0, thai: 0, hangul: 0, cjk: 0, other: 0 },
    kana: 0,
    ukrainianOnly: 0,
    russianOnly: 0,
  };
  for (const char of text) {
    if (!IS_LETTER.test(char)) continue;
    counts.letters++;
    const script = SCRIPT_TESTS.find(([, test]) => test.test(char))?.[0];
    if (script === 'kana' || script === 'han') {
      counts.byScript.cjk++;
      if (script === 'kana') counts.kana++;
    } else {
      counts.byScript[script ?? 'other']++;
    }
    if (script === 'cyrillic') {
      if (UKRAINIAN_ONLY.test(char)) counts.ukrainianOnly++;
      else if (RUSSIAN_ONLY.test(char)) counts.russianOnly++;
    }
  }
  return counts;
}

/** Scripts present, the most-used first (CJK and Hangul weighted, see SYLLABIC_WEIGHT). */
function scriptsByWeight(counts: ScriptCounts): Script[] {
  const weight = (script: Script) =>
    counts.byScript[script] * (script === 'cjk' || script === 'hangul' ? SYLLABIC_WEIGHT : 1);
  return (Object.keys(counts.byScript) as Script[])
    .filter((script) => counts.byScript[script] > 0)
    .sort((a, b) => weight(b) - weight(a));
}

function detection(
  language: SupportedLanguage,
  confidence: 'high' | 'low',
  reason: Exclude<LanguageDetection['reason'], 'no-language-content'>,
): LanguageDetection {
  return { language, confidence, reason };
}

/**
 * The script rule for one non-Latin script, or null when no candidate is written in it.
 * Rules that are decisive give 'high'; the few that only narrow it down give 'low'.
 */
function scriptRule(script: Script, counts: ScriptCounts, candidates: readonly SupportedLanguage[]): LanguageDetection | null {
  const allowed = (language: SupportedLanguage) => candidates.includes(language);
  const single: Partial<Record<Script, SupportedLanguage>> = { hangul: 'ko', thai: 'th', hebrew: 'he', arabic: 'ar' };
  const only = single[script];
  if (only) return allowed(only) ? detection(only, 'high', 'script') : null;

  if (script === 'cjk') {
    if (counts.kana > 0) return allowed('ja') ? detection('ja', 'high', 'script') : null;
    if (allowed('zh')) return detection('zh', 'high', 'script');
    // Han only could still be Japanese written in kanji alone: a plausible, not a decisive, answer.
    return allowed('ja') ? detection('ja', 'low', 'script') : null;
  }

  if (script === 'cyrillic') {
    // Letters only one of the two languages has decide. Without any, a long text is Russian: past
    // SHORT_TEXT_LETTERS Ukrainian almost always shows і/ї/є; a short one ("Дякую", "Де моя
    // посилка?") may well be Ukrainian, so it stays undecided.
    const { ukrainianOnly, russianOnly } = counts;
    const evidence: SupportedLanguage | null =
      ukrainianOnly > russianOnly
        ? 'uk'
        : russianOnly > ukrainianOnly || (ukrainianOnly === 0 && counts.byScript.cyrillic >= SHORT_TEXT_LETTERS)
          ? 'ru'
          : null;
    if (allowed('uk') && allowed('ru')) {
      return evidence ? detection(evidence, 'high', 'script') : detection('ru', 'low', 'script');
    }
    const cyrillicCandidate = allowed('ru') ? 'ru' : allowed('uk') ? 'uk' : null;
    if (!cyrillicCandidate) return null;
    // The caller ruled the other one out; say so when the letters disagree with the caller.
    return detection(cyrillicCandidate, evidence && evidence !== cyrillicCandidate ? 'low' : 'high', 'script');
  }

  return null;
}

// ---------------------------------------------------------------------------------------------
// Statistics

function statistical(text: string, letters: number, candidates: readonly SupportedLanguage[]): LanguageDetection | null {
  const only = candidates.map((code) => FRANC_CODE.get(code)).filter((code): code is string => code !== undefined);
  // franc drops ASCII punctuation itself; drop the rest ("¿", "«", "„") too, it is not in its models.
  const sample = text.replace(/[\p{P}]/gu, ' ');
  const ranked = francAll(sample, { only, minLength: 1 })
    .map(([code, score]) => [FROM_FRANC_CODE.get(code), score] as const)
    .filter((entry): entry is readonly [SupportedLanguage, number] => entry[0] !== undefined);
  const first = ranked[0];
  if (!first) return null; // 'und': the text is in a script none of the candidates use.

  // Ties (e.g. "ok", where no trigram is known and every language scores the same) go to the
  // candidate listed first, so the caller's order, not franc's data order, breaks them.
  const bestScore = first[1];
  const tied = ranked.filter(([, score]) => score === bestScore).map(([code]) => code);
  const language = candidates.find((code) => tied.includes(code)) ?? first[0];
  const runnerUp = ranked.find(([code]) => code !== language)?.[1];

  if (letters < SHORT_TEXT_LETTERS) return detection(language, 'low', 'short-text');
  // A single candidate has no runner-up: nothing to confuse it with.
  const lead = tied.length > 1 ? 0 : bestScore - (runnerUp ?? 0);
  const needed = letters >= LONG_TEXT_LETTERS ? HIGH_CONFIDENCE_LEAD_LONG : HIGH_CONFIDENCE_LEAD_MEDIUM;
  return detection(language, lead >= needed ? 'high' : 'low', 'statistical');
}

// ---------------------------------------------------------------------------------------------

const NO_LANGUAGE: LanguageDetection = { language: null, confidence: 'none', reason: 'no-language-content' };

/**
 * Detects the language of one message among `candidates` (default: all supported languages).
 * Never returns null just because the text is short: any letter yields a language, with 'low'
 * confidence when it is a guess. Text written only in scripts none of the candidates use yields
 * the first candidate with 'low' confidence (the caller said it must be one of them).
 */
export function detectLanguage(text: string, options: DetectLanguageOptions = {}): LanguageDetection {
  const candidates: readonly SupportedLanguage[] =
    options.candidates && options.candidates.length > 0 ? [...new Set(options.candidates)] : SUPPORTED_LANGUAGE_CODES;

  const cleaned = stripNonLinguisticContent(text);
  const counts = countScripts(cleaned);
  if (counts.letters === 0) return { ...NO_LANGUAGE };

  for (const script of scriptsByWeight(counts)) {
    if (script === 'latin') {
      if (!candidates.some((code) => LATIN_SCRIPT_LANGUAGES.has(code))) continue;
      // Statistics on the Latin letters only: other scripts here are names or quotes.
      const latinOnly = cleaned.replace(/[^\p{Script=Latin}\p{M}\s'’-]/gu, ' ');
      const result = statistical(latinOnly, counts.byScript.latin, candidates);
      if (result) return result;
      continue;
    }
    const result = scriptRule(script, counts, candidates);
    if (result) return result;
  }

  const fallback = candidates[0] ?? 'en';
  return detection(fallback, 'low', counts.letters < SHORT_TEXT_LETTERS ? 'short-text' : 'statistical');
}
