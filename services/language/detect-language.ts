import { SUPPORTED_LANGUAGE_CODES, type SupportedLanguage } from './supported-languages';
import { rankLanguages } from './detection/statistical-ranking';

/**
 * Per-message language detection, in this order:
 * 1. NFC, and removal of what carries no language (URLs, e-mail addresses, order and tracking
 *    numbers, amounts, emoji): `stripNonLinguisticContent`.
 * 2. Decisive writing-system rules: kana → ja, Hangul → ko, Thai, Hebrew, Arabic; Han only → zh.
 * 3. Alphabetic scripts (Latin; Cyrillic for ru/uk) are ranked among the candidates by eld's byte
 *    n-grams, a lexicon of frequent and support-chat words, letters only some languages use, and
 *    franc's trigrams (detection/statistical-ranking.ts). Cyrillic letters only Ukrainian or only
 *    Russian has decide between the two on their own.
 *
 * Every answer carries a confidence. 'high' is given only when the evidence is clear and the
 * message has at least two words: a one-word message ("ok", "hi", "danke", "olá??") is always
 * 'low', since no single language is a fact there. Calibrated on the dev split of the evaluation
 * sets (tests/fixtures/language/messages): see HIGH_CONFIDENCE_SCORE.
 */

export type DetectionConfidence = 'high' | 'low' | 'none';

export type DetectionReason =
  /** Decided by the writing system (or by letters only one candidate's alphabet has). */
  | 'script'
  /** Ranked by n-grams, lexicon, letters and franc. */
  | 'statistical'
  /** One word: a guess, always 'low'. */
  | 'short-text'
  /** Written only in scripts no candidate uses: the first candidate, 'low'. */
  | 'no-candidate-script'
  /** Nothing in the text carries language. */
  | 'no-language-content';

export interface LanguageDetection {
  /** Null only when nothing in the text carries language (e.g. "#40213", "👍", a bare URL). */
  language: SupportedLanguage | null;
  /** 'none' iff `language` is null. */
  confidence: DetectionConfidence;
  reason: DetectionReason;
  /**
   * 0–1: the detector's belief that `language` is right. For statistical answers, the softmax
   * share of the best language's evidence among the candidates; 1 for decisive script rules, 0.5
   * for script guesses, 0 when there is no language. A one-word message keeps its score (it may
   * be 0.99 for "Dziękuję") but is still 'low'. Always set by `detectLanguage`; optional so
   * detections stored before it existed, and hand-made ones, still type-check.
   */
  score?: number;
}

export interface DetectLanguageOptions {
  /** Languages the text may be in, in order of preference for ties. Default (or empty): all supported. */
  candidates?: readonly SupportedLanguage[];
}

/**
 * A statistical answer is 'high' from this score on (and with at least two words). On the dev
 * split (chat messages, 3–6 and 7–15 word UDHR fragments) every answer scoring 0.99 or more was
 * right, and the best-scoring wrong answer scored 0.965: the margin is deliberate. `npm run
 * bench:lang` prints how often 'high' is right and how often it is given, dev and held-out apart.
 */
export const HIGH_CONFIDENCE_SCORE = 0.99;

/** Score reported for a script rule that is only a plausible answer (e.g. Han only, Chinese ruled out). */
const SCRIPT_GUESS_SCORE = 0.5;

/**
 * A CJK character or Hangul syllable carries about as much text as three alphabet letters, so a
 * Japanese or Chinese message with an English product name ("iPhone 15 Proの画面が割れました")
 * still counts as Japanese, while an English message quoting one name in kanji stays English.
 */
const SYLLABIC_WEIGHT = 3;

/** Supported languages written in Latin script (the ones ranked statistically). */
const LATIN_SCRIPT_LANGUAGES = new Set<SupportedLanguage>(['en', 'es', 'pt', 'fr', 'de', 'it', 'nl', 'pl', 'tr', 'vi', 'id', 'sv']);
const CYRILLIC_SCRIPT_LANGUAGES = new Set<SupportedLanguage>(['ru', 'uk']);

// ---------------------------------------------------------------------------------------------
// Cleaning

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const URL_WITH_SCHEME_OR_WWW = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"]+/giu;
/** Bare host names ("parley.io", "track.example.com/abc"): a dotted name ending in a common TLD. */
const BARE_DOMAIN =
  /\b[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.(?:com|net|org|info|biz|io|co|app|dev|shop|store|online|eu|uk|de|fr|es|it|nl|pl|pt|br|se|tr|ru|ua|jp|cn|kr|th|vn|id|il|ae|sa|us|ca|au|ch|at|be|me|ly)\b(?:\/[^\s<>"]*)?/giu;
const MENTION = /(^|\s)@[^\s@]+/gu;
/** Amounts with a currency code or a lettered currency sign ("19,99 EUR", "USD 5", "R$ 50", "Rp 499.000", "20 zł"). */
const CURRENCY_CODES =
  'EUR|USD|GBP|CHF|PLN|TRY|SEK|RUB|UAH|BRL|JPY|CNY|RMB|KRW|THB|VND|IDR|ILS|AED|SAR|CAD|AUD|MXN|ARS|CLP|COP|INR';
const AMOUNT = "\\p{Nd}[\\p{Nd}.,'\\u00A0\\u202F]*";
const AMOUNT_WITH_CURRENCY = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:(?:${CURRENCY_CODES}|R\\$|US\\$|Rp\\.?)\\s?${AMOUNT}|${AMOUNT}\\s?(?:${CURRENCY_CODES}|zł|kr|TL|руб\\.?|грн\\.?|บาท|đ|₫))(?![\\p{L}\\p{N}])`,
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
  /** Latin letters in words with a capital ("iPhone", "AirPods", "Pro"): names more often than language. */
  latinInCapitalisedWords: number;
  kana: number;
  /** Han characters only Chinese writes (simplified forms, Chinese-only function words). */
  chineseOnlyHan: number;
  /** Han characters only Japanese writes (its own simplified forms, 々). */
  japaneseOnlyHan: number;
  ukrainianOnly: number;
  russianOnly: number;
}

const IS_LETTER = /\p{L}/u;
const IS_UPPER = /\p{Lu}/u;
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
/**
 * Han characters that tell Chinese from Japanese written in kanji only. Chinese: simplified forms
 * Japanese does not use (们 这 么 没 还 说 请 谢 问 订 单 货 发 …, in their traditional forms too)
 * and Chinese-only function words (你 吗 呢 吧 啊 嘛 哪 谁 很 都 么). Japanese: shinjitai forms
 * Chinese does not use (権 済 込 払 駅 続 様 売 読 変 図 関 …) and the iteration mark 々.
 */
const CHINESE_ONLY_HAN = new Set(
  '们這这么麼没沒还還说說请請谢謝问問订訂单單货貨发發时時对對过過现現样樣东東买買卖賣钱錢给給让讓长長门門开開关關运運费費邮郵码碼号號网網线線帮幫个個吗嗎呢吧啊嘛哪谁誰很都你您她它被把跟从從里裡给们为為么么吃见見觉覺给经經该該换換坏壞错錯复复递遞将將听聽写寫亲親',
);
const JAPANESE_ONLY_HAN = new Set('権済込払駅戻様売読続変図関険労働気広県辺両帰覚歳対価実収営薬児弁々');

function scriptOf(char: string): Exclude<Script, 'cjk'> | 'kana' | 'han' | 'other' {
  const code = char.charCodeAt(0);
  if (code < 0x80) return 'latin'; // only letters get here
  return SCRIPT_TESTS.find(([, test]) => test.test(char))?.[0] ?? 'other';
}

function countScripts(text: string): ScriptCounts {
  const counts: ScriptCounts = {
    letters: 0,
    byScript: { latin: 0, cyrillic: 0, arabic: 0, hebrew: 0, thai: 0, hangul: 0, cjk: 0, other: 0 },
    latinInCapitalisedWords: 0,
    kana: 0,
    chineseOnlyHan: 0,
    japaneseOnlyHan: 0,
    ukrainianOnly: 0,
    russianOnly: 0,
  };
  for (const word of text.split(' ')) {
    let latinLetters = 0;
    let capitalised = false;
    for (const char of word) {
      if (!IS_LETTER.test(char)) continue;
      counts.letters++;
      const script = scriptOf(char);
      if (script === 'kana' || script === 'han') {
        counts.byScript.cjk++;
        if (script === 'kana') counts.kana++;
        else if (CHINESE_ONLY_HAN.has(char)) counts.chineseOnlyHan++;
        else if (JAPANESE_ONLY_HAN.has(char)) counts.japaneseOnlyHan++;
      } else {
        counts.byScript[script]++;
      }
      if (script === 'latin') {
        latinLetters++;
        if (IS_UPPER.test(char)) capitalised = true;
      } else if (script === 'cyrillic') {
        if (UKRAINIAN_ONLY.test(char)) counts.ukrainianOnly++;
        else if (RUSSIAN_ONLY.test(char)) counts.russianOnly++;
      }
    }
    if (capitalised) counts.latinInCapitalisedWords += latinLetters;
  }
  return counts;
}

/**
 * Scripts present, the most-used first. CJK and Hangul weigh SYLLABIC_WEIGHT per character; Latin
 * letters in capitalised words weigh half ("iPhone 15 Pro有货吗？" is Chinese); on a tie the
 * non-Latin script goes first, the Latin part being more likely a name.
 */
function scriptsByWeight(counts: ScriptCounts): Script[] {
  const weight = (script: Script) =>
    script === 'latin'
      ? counts.byScript.latin - counts.latinInCapitalisedWords / 2
      : counts.byScript[script] * (script === 'cjk' || script === 'hangul' ? SYLLABIC_WEIGHT : 1);
  return (Object.keys(counts.byScript) as Script[])
    .filter((script) => counts.byScript[script] > 0)
    .sort((a, b) => weight(b) - weight(a) || (a === 'latin' ? 1 : b === 'latin' ? -1 : 0));
}

function detection(
  language: SupportedLanguage,
  confidence: 'high' | 'low',
  reason: Exclude<DetectionReason, 'no-language-content'>,
  score: number,
): LanguageDetection {
  return { language, confidence, reason, score };
}

/** Letters of one script only (other scripts in the text are names or quotes), words kept apart. */
function lettersOfScript(text: string, script: 'Latin' | 'Cyrillic'): string {
  const other = script === 'Latin' ? /[^\p{Script=Latin}\p{M}\s'’-]/gu : /[^\p{Script=Cyrillic}\p{M}\s'’-]/gu;
  return text.replace(other, ' ');
}

/**
 * Ranks the candidates written in an alphabetic script. A single word is always 'low'; otherwise
 * 'high' needs a score of HIGH_CONFIDENCE_SCORE.
 */
function alphabetic(text: string, candidates: readonly SupportedLanguage[]): LanguageDetection | null {
  const { ranked, words } = rankLanguages(text, candidates);
  const best = ranked[0];
  if (!best) return null;
  if (words < 2) return detection(best.language, 'low', 'short-text', best.probability);
  return detection(best.language, best.probability >= HIGH_CONFIDENCE_SCORE ? 'high' : 'low', 'statistical', best.probability);
}

/**
 * The script rule for one non-alphabetic script, or null when no candidate is written in it.
 * Rules that are decisive give 'high'; the one that only narrows it down gives 'low'.
 */
function scriptRule(script: Script, counts: ScriptCounts, candidates: readonly SupportedLanguage[]): LanguageDetection | null {
  const allowed = (language: SupportedLanguage) => candidates.includes(language);
  const single: Partial<Record<Script, SupportedLanguage>> = { hangul: 'ko', thai: 'th', hebrew: 'he', arabic: 'ar' };
  const only = single[script];
  if (only) return allowed(only) ? detection(only, 'high', 'script', 1) : null;

  if (script === 'cjk') {
    if (counts.kana > 0) return allowed('ja') ? detection('ja', 'high', 'script', 1) : null;
    // Han only: Chinese, or Japanese written in kanji alone ("社会的保護"). Characters only one of
    // them writes decide; without any, Chinese is the likelier answer, not a certain one.
    const { chineseOnlyHan, japaneseOnlyHan } = counts;
    if (allowed('ja') && japaneseOnlyHan > 0 && chineseOnlyHan === 0) return detection('ja', 'high', 'script', 1);
    if (allowed('zh')) {
      const undecided = allowed('ja') && chineseOnlyHan === 0;
      return undecided ? detection('zh', 'low', 'script', SCRIPT_GUESS_SCORE) : detection('zh', 'high', 'script', 1);
    }
    return allowed('ja') ? detection('ja', 'low', 'script', SCRIPT_GUESS_SCORE) : null;
  }
  return null;
}

/**
 * Russian or Ukrainian. Letters only one of them has decide (more of Ukrainian's і ї є ґ than of
 * Russian's ы э ъ ё, or the reverse); without any, the two are ranked like Latin-script languages
 * ("Де моя посилка?" is Ukrainian by its words, though it has no і).
 */
function cyrillic(text: string, counts: ScriptCounts, candidates: readonly SupportedLanguage[]): LanguageDetection | null {
  const allowed = candidates.filter((language) => CYRILLIC_SCRIPT_LANGUAGES.has(language));
  if (allowed.length === 0) return null;
  const { ukrainianOnly, russianOnly } = counts;
  const letters: SupportedLanguage | null = ukrainianOnly > russianOnly ? 'uk' : russianOnly > ukrainianOnly ? 'ru' : null;

  if (allowed.length === 1) {
    // The caller ruled the other one out; say so when the text looks like the other one (by its
    // letters, or else by its words and n-grams).
    const [language] = allowed as [SupportedLanguage];
    const looksLike = letters ?? rankLanguages(text, ['ru', 'uk']).ranked[0]?.language ?? language;
    const contradicted = looksLike !== language;
    const oneWord = wordCount(text) < 2;
    return detection(language, contradicted || oneWord ? 'low' : 'high', oneWord ? 'short-text' : 'script', contradicted ? SCRIPT_GUESS_SCORE : 1);
  }
  if (letters) {
    return wordCount(text) < 2 ? detection(letters, 'low', 'short-text', 1) : detection(letters, 'high', 'script', 1);
  }
  return alphabetic(text, allowed);
}

function wordCount(text: string): number {
  return text.split(/[^\p{L}\p{M}'’-]+/u).filter((word) => /\p{L}/u.test(word)).length;
}

// ---------------------------------------------------------------------------------------------

const NO_LANGUAGE: LanguageDetection = { language: null, confidence: 'none', reason: 'no-language-content', score: 0 };

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
    let result: LanguageDetection | null;
    if (script === 'latin') {
      const latin = candidates.filter((language) => LATIN_SCRIPT_LANGUAGES.has(language));
      result = latin.length > 0 ? alphabetic(lettersOfScript(cleaned, 'Latin'), latin) : null;
    } else if (script === 'cyrillic') {
      result = cyrillic(lettersOfScript(cleaned, 'Cyrillic'), counts, candidates);
    } else {
      result = scriptRule(script, counts, candidates);
    }
    if (result) return result;
  }

  return detection(candidates[0] ?? 'en', 'low', 'no-candidate-script', SCRIPT_GUESS_SCORE);
}
