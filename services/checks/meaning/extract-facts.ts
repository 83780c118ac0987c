import {
  AMBIGUOUS_MONTH_NAMES,
  CURRENCY_BY_FORM,
  CURRENCY_FORMS_LONGEST_FIRST,
  MONTH_BY_NAME,
  PERCENT_WORDS_AFTER,
  PERCENT_WORDS_BEFORE,
  dateOrder,
  decimalSeparator,
  numberWords,
  type CurrencyCode,
} from './fact-lexicons';

/**
 * The facts in one text that a translation must keep: URLs, e-mail addresses, placeholders,
 * order/tracking ids and codes, dates, times, percentages, amounts with their currency, and other
 * numbers (also small ones written as words). Each fact is read into a comparable value, keeping
 * every reading where the writing is ambiguous ("1,299" is 1299 in English and 1.299 in German;
 * "05/12" is 5 December or 12 May depending on the country).
 *
 * Facts are read in that order and each match is blanked out before the next pass, so the "12" of
 * "12 May" is a date and not also a number, and the digits of "#40213" are an id only.
 */

export interface DateReading {
  year: number | null;
  month: number;
  day: number | null;
}

export type Fact =
  | { kind: 'url'; text: string; value: string }
  | { kind: 'email'; text: string; value: string }
  | { kind: 'placeholder'; text: string; value: string }
  /** Order and tracking numbers, codes: "#40213", "40213" (5+ digits), "1Z999AA1…", "WELCOME15". */
  | { kind: 'id'; text: string; value: string }
  | { kind: 'date'; text: string; readings: DateReading[] }
  /** Minutes since midnight, one per reading ("2:30" without am/pm in English: 150 or 870). */
  | { kind: 'time'; text: string; minutes: number[] }
  | { kind: 'percentage'; text: string; values: number[] }
  | { kind: 'amount'; text: string; values: number[]; currency: CurrencyCode }
  /** `word`: written as a word ("three"); `article`: "one" forms that are also "a"/"ein"/"un". */
  | { kind: 'number'; text: string; values: number[]; word: boolean; article: boolean };

export type FactKind = Fact['kind'];

export interface ExtractedFacts {
  facts: Fact[];
  /** The text as the facts were read from it (NFKC: full-width digits and colons made plain). */
  normalized: string;
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

/**
 * Letters that cannot touch a number in the same token. Chinese, Japanese and Korean write
 * numbers against their characters ("注文40213", "30日", "3,000원"), so those scripts do not count.
 */
const ALPHA = String.raw`\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}`;

/** A number as written in any locale: 1299, 1,299.00, 1.299,00, 1 299,00, 12,5. */
const NUMBER = String.raw`\d{1,3}(?:[ ,.'’]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?`;

/** Lower-cases one character at a time so indices stay those of the original (Turkish İ would not). */
function lowerKeepingLength(text: string): string {
  let lowered = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    lowered += lower.length === char.length ? lower : char;
  }
  return lowered;
}

/**
 * Every value a written number may have. Both separators: the last is the decimal one. One kind
 * repeated: grouping. A single separator followed by exactly three digits is ambiguous: the
 * locale's reading first, the other one kept too.
 */
export function numberReadings(written: string, decimal: '.' | ','): number[] {
  const compact = written.replace(/[ '’]/gu, '');
  const dots = (compact.match(/\./gu) ?? []).length;
  const commas = (compact.match(/,/gu) ?? []).length;
  if (dots === 0 && commas === 0) return [Number(compact)];
  if (dots > 0 && commas > 0) {
    const decimalMark = compact.lastIndexOf('.') > compact.lastIndexOf(',') ? '.' : ',';
    const grouping = decimalMark === '.' ? ',' : '.';
    return [Number(compact.split(grouping).join('').replace(decimalMark, '.'))];
  }
  const mark = dots > 0 ? '.' : ',';
  if (dots + commas > 1) return [Number(compact.split(mark).join(''))];
  const [whole = '', fraction = ''] = compact.split(mark);
  const asDecimal = Number(`${whole}.${fraction}`);
  const asGrouped = Number(`${whole}${fraction}`);
  // "1 299,00": with spaces grouping the thousands, the one separator left is the decimal one.
  if (fraction.length !== 3 || /[ '’]/u.test(written)) return [asDecimal];
  return mark === decimal ? [asDecimal, asGrouped] : [asGrouped, asDecimal];
}

/** The working copy of a text: matches are blanked out (same length) as facts are taken from it. */
class FactReader {
  text: string;
  lower: string;
  readonly facts: Fact[] = [];
  private readonly spans: Array<{ start: number; fact: Fact }> = [];

  constructor(text: string) {
    this.text = text;
    this.lower = lowerKeepingLength(text);
  }

  /** Runs `pattern` over the lower-cased text; `read` returns a fact for a match, or null to leave it. */
  take(pattern: RegExp, read: (match: RegExpExecArray, original: string) => Fact | null): void {
    const found: Array<{ start: number; end: number; fact: Fact }> = [];
    for (const match of this.lower.matchAll(pattern)) {
      const original = this.text.slice(match.index, match.index + match[0].length);
      const fact = read(match as RegExpExecArray, original);
      if (fact) found.push({ start: match.index, end: match.index + match[0].length, fact });
    }
    for (const { start, end, fact } of found) {
      const blank = ' '.repeat(end - start);
      this.text = this.text.slice(0, start) + blank + this.text.slice(end);
      this.lower = this.lower.slice(0, start) + blank + this.lower.slice(end);
      this.spans.push({ start, fact });
    }
  }

  /** Facts in text order. */
  ordered(): Fact[] {
    return [...this.spans].sort((a, b) => a.start - b.start).map((s) => s.fact);
  }
}

// ---------------------------------------------------------------------------------------------
// Patterns

const PLACEHOLDER = /\[[a-z]+(?:_[a-z]+)*_\d+\]/gu;
const URL = /(?:\bhttps?:\/\/|\bwww\.)[^\s<>"')\]）]+/gu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/gu;
const HASH_ID = /[#№]\s?([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)/gu;

const MONTH_NAMES = [...MONTH_BY_NAME.keys()].sort((a, b) => b.length - a.length).map(escape).join('|');
const CJK_DATE = /(?:(\d{4})\s*[年년]\s*)?(\d{1,2})\s*[月월]\s*(?:(\d{1,2})\s*[日일号號])?/gu;
const ISO_DATE = /(?<![\p{N}])(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?![\p{N}])/gu;
const DAY_MONTH = new RegExp(
  String.raw`(?<![${ALPHA}\p{N}])(\d{1,2})(?:\.|er|º|st|nd|rd|th)?\s*(?:de\s+|of\s+)?(${MONTH_NAMES})\.?(?![\p{L}])(?:,?\s*(?:de\s+|del\s+)?(\d{4})(?![\p{N}]))?`,
  'gu',
);
const MONTH_DAY = new RegExp(String.raw`(?<![\p{L}])(${MONTH_NAMES})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?![\p{N}])(?:,?\s+(\d{4})(?![\p{N}]))?`, 'gu');
const NUMERIC_DATE = /(?<![\p{N}.,/])(\d{1,2})([./-])(\d{1,2})(?:\2(\d{4}|\d{2}))?(\.)?(?![\p{N}])/gu;
const MONTH_ONLY = new RegExp(String.raw`(?<![\p{L}])(${MONTH_NAMES})(?![\p{L}])`, 'gu');
/** Languages that write "12.05." for a date: a dot date without a year needs the trailing dot. */
const DOT_DATE_LANGUAGES = new Set(['de', 'pl', 'ru', 'uk', 'tr', 'nl', 'sv', 'he']);

const CJK_TIME = /(午前|午後|오전|오후|上午|下午|早上|晚上)?\s*(\d{1,2})\s*[時시点點](?![間간])\s*(?:(\d{1,2})\s*[分분])?/gu;
const CLOCK_TIME = /(?<![\p{N}:.,])(\d{1,2})([:.])(\d{2})(?![\p{N}])(?:\s*(a\.?m\.?|p\.?m\.?|uhr|h)(?![\p{L}]))?/gu;
const HOUR_AMPM = /(?<![\p{N}:.,])(\d{1,2})\s*(a\.?m\.?|p\.?m\.?)(?![\p{L}])/gu;
const HOUR_H = /(?<![\p{N}:.,])(\d{1,2})\s?(?:h|uhr)(?:\s?(\d{2}))?(?![\p{L}\p{N}])/gu;

const PERCENT = new RegExp(
  String.raw`(?:(${NUMBER})\s?(?:[%％]|(?:${PERCENT_WORDS_AFTER.map(escape).join('|')})(?![\p{L}])))|(?:(?:[%％]|(?:${PERCENT_WORDS_BEFORE.map(escape).join('|')})\s?)(${NUMBER}))`,
  'gu',
);

/**
 * Alphabetic currency words need word boundaries ("tl" is not in "title"); symbols and CJK forms
 * do not. One boundary per group, not per form: V8 compiles every copy of a Unicode class on first
 * use, and a copy per form cost over 100 ms on the first check.
 */
const ALPHABETIC_FORMS = CURRENCY_FORMS_LONGEST_FIRST.filter((form) => /^[a-zа-я]/u.test(form) && /[a-zа-я]$/u.test(form)).map(escape).join('|');
const OTHER_FORMS = CURRENCY_FORMS_LONGEST_FIRST.filter((form) => !(/^[a-zа-я]/u.test(form) && /[a-zа-я]$/u.test(form))).map(escape).join('|');
const CURRENCY_BEFORE = `(?<![\\p{L}])(?:${ALPHABETIC_FORMS})|${OTHER_FORMS}`;
const CURRENCY_AFTER = `(?:${ALPHABETIC_FORMS})(?![\\p{L}])|${OTHER_FORMS}`;
const AMOUNT = new RegExp(String.raw`(?:(${CURRENCY_BEFORE})\s?(${NUMBER})(?![\p{N}]))|(?:(?<![${ALPHA}\p{N}])(${NUMBER})\s?(${CURRENCY_AFTER}))`, 'gu');

const CODE = new RegExp(String.raw`(?<![${ALPHA}\p{N}.,])(?=[a-z0-9-]*\d)(?=[a-z0-9-]*[a-z])[a-z0-9]+(?:-[a-z0-9]+)*(?![${ALPHA}\p{N}])`, 'gu');
/** "1st", "3e", "2.5kg" style: a number with a suffix, not a code. */
const NUMBER_WITH_SUFFIX = /^(\d+)(?:st|nd|rd|th|er|e|ème|eme|re|x|kg|g|mg|mm|cm|m|km|ml|l|gb|mb|tb|kb|h|min|s|pcs|pc|k|d)$/u;
const PLAIN_NUMBER = new RegExp(String.raw`(?<![${ALPHA}\p{N}.,])(${NUMBER})(?![\p{N}])`, 'gu');
/** Integers this long are identifiers (order, tracking, invoice numbers), never quantities. */
const ID_DIGITS = 5;
const WORD = /[\p{L}]+/gu;

// ---------------------------------------------------------------------------------------------

function fullYear(written: string | undefined): number | null {
  if (!written) return null;
  const year = Number(written);
  return written.length === 2 ? 2000 + year : year;
}

function validReading(reading: DateReading): boolean {
  return reading.month >= 1 && reading.month <= 12 && (reading.day === null || (reading.day >= 1 && reading.day <= 31));
}

function numericDateReadings(first: number, second: number, year: number | null, lang: string): DateReading[] {
  const dayFirst: DateReading = { year, month: second, day: first };
  const monthFirst: DateReading = { year, month: first, day: second };
  const order = dateOrder(lang);
  const preferred = order === 'dmy' ? [dayFirst] : order === 'ambiguous' ? [dayFirst, monthFirst] : [monthFirst];
  const valid = preferred.filter(validReading);
  // "03/14/2024" in a day-first country: only one reading exists, whatever the convention.
  return valid.length > 0 ? valid : [dayFirst, monthFirst].filter(validReading);
}

function minutes(hour: number, minute: number, marker: string | undefined, twelveHourClock: boolean): number[] {
  if (hour > 24 || minute > 59) return [];
  const m = marker?.replace(/\./gu, '');
  if (m === 'am' || m === '午前' || m === '오전' || m === '上午' || m === '早上') return [((hour % 12) * 60 + minute) % 1440];
  if (m === 'pm' || m === '午後' || m === '오후' || m === '下午' || m === '晚上') return [(((hour % 12) + 12) * 60 + minute) % 1440];
  const exact = (hour * 60 + minute) % 1440;
  // An English "2:30" may be afternoon; elsewhere the 24-hour clock is the norm.
  return twelveHourClock && hour >= 1 && hour <= 12 ? [exact, ((hour + 12) * 60 + minute) % 1440] : [exact];
}

/** "7 pm." at the end of a sentence: the full stop is the sentence's, "p.m." keeps its own. */
const withoutFullStop = (text: string) => text.replace(/(?<![.\s][ap])([ap]m)\.$/iu, '$1');

/** Reads every fact in `text`, written in `lang` (a language code or BCP-47 tag). */
export function extractFacts(text: string, lang: string): ExtractedFacts {
  const normalized = text.normalize('NFKC');
  const reader = new FactReader(normalized);
  const language = lang.toLowerCase().split(/[-_]/u)[0] ?? '';
  const decimal = decimalSeparator(lang);
  const twelveHourClock = language === 'en';

  reader.take(PLACEHOLDER, (_m, original) => ({ kind: 'placeholder', text: original, value: original }));
  reader.take(URL, (_m, original) => {
    const value = original.replace(/[.,;:!?]+$/u, '');
    return { kind: 'url', text: value, value };
  });
  reader.take(EMAIL, (_m, original) => {
    const value = original.replace(/\.+$/u, '');
    return { kind: 'email', text: value, value: value.toLowerCase() };
  });
  reader.take(HASH_ID, (m, original) => ({ kind: 'id', text: original, value: m[1]!.toUpperCase() }));

  // Dates
  reader.take(CJK_DATE, (m, original) => {
    const reading: DateReading = { year: fullYear(m[1]), month: Number(m[2]), day: m[3] ? Number(m[3]) : null };
    return validReading(reading) ? { kind: 'date', text: original, readings: [reading] } : null;
  });
  reader.take(ISO_DATE, (m, original) => {
    const reading: DateReading = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    return validReading(reading) ? { kind: 'date', text: original, readings: [reading] } : null;
  });
  reader.take(DAY_MONTH, (m, original) => {
    const reading: DateReading = { year: fullYear(m[3]), month: MONTH_BY_NAME.get(m[2]!)!, day: Number(m[1]) };
    return validReading(reading) ? { kind: 'date', text: original, readings: [reading] } : null;
  });
  reader.take(MONTH_DAY, (m, original) => {
    const reading: DateReading = { year: fullYear(m[3]), month: MONTH_BY_NAME.get(m[1]!)!, day: Number(m[2]) };
    return validReading(reading) ? { kind: 'date', text: original, readings: [reading] } : null;
  });
  reader.take(NUMERIC_DATE, (m, original) => {
    const [, first, separator, second, year, trailingDot] = m;
    const isDate =
      separator === '/' ||
      year !== undefined ||
      (separator === '.' && trailingDot !== undefined && DOT_DATE_LANGUAGES.has(language)) ||
      // "10-12 days" is a range: a hyphen makes a date only with a year, or in Dutch ("12-05").
      (separator === '-' && language === 'nl' && first!.length === 2 && second!.length === 2);
    if (!isDate) return null;
    const readings = numericDateReadings(Number(first), Number(second), fullYear(year), lang);
    return readings.length > 0 ? { kind: 'date', text: original.replace(/\.$/u, ''), readings } : null;
  });
  reader.take(MONTH_ONLY, (m, original) =>
    AMBIGUOUS_MONTH_NAMES.has(m[1]!) ? null : { kind: 'date', text: original, readings: [{ year: null, month: MONTH_BY_NAME.get(m[1]!)!, day: null }] },
  );

  // Times
  reader.take(CJK_TIME, (m, original) => {
    const values = minutes(Number(m[2]), m[3] ? Number(m[3]) : 0, m[1], false);
    return values.length > 0 ? { kind: 'time', text: original.trim(), minutes: values } : null;
  });
  reader.take(CLOCK_TIME, (m, original) => {
    const [, hour, separator, minute, marker] = m;
    // "2.50" is a price unless a clock word follows: only "8.30 Uhr", "8.30 pm", "8.30 h" are times.
    if (separator === '.' && !marker) return null;
    const values = minutes(Number(hour), Number(minute), marker, twelveHourClock && !marker);
    return values.length > 0 ? { kind: 'time', text: withoutFullStop(original), minutes: values } : null;
  });
  reader.take(HOUR_AMPM, (m, original) => {
    const values = minutes(Number(m[1]), 0, m[2], false);
    return values.length > 0 ? { kind: 'time', text: withoutFullStop(original), minutes: values } : null;
  });
  reader.take(HOUR_H, (m, original) => {
    const values = minutes(Number(m[1]), m[2] ? Number(m[2]) : 0, undefined, false);
    return values.length > 0 ? { kind: 'time', text: original, minutes: values } : null;
  });

  // Percentages, then amounts
  reader.take(PERCENT, (m, original) => ({ kind: 'percentage', text: original.trim(), values: numberReadings((m[1] ?? m[2])!, decimal) }));
  reader.take(AMOUNT, (m, original) => {
    const form = (m[1] ?? m[4])!;
    const written = (m[2] ?? m[3])!;
    // A word before a number is a currency only as an upper-case ISO code ("EUR 49"), not "try 2 times".
    if (m[1] && /^[a-z]+$/u.test(m[1]) && original.slice(0, m[1].length) !== m[1].toUpperCase()) return null;
    const currency = CURRENCY_BY_FORM.get(form);
    return currency ? { kind: 'amount', text: original.trim(), values: numberReadings(written, decimal), currency } : null;
  });

  // Codes, then the remaining numbers
  reader.take(CODE, (m, original) => {
    const suffixed = NUMBER_WITH_SUFFIX.exec(m[0]);
    if (suffixed) return { kind: 'number', text: original, values: [Number(suffixed[1])], word: false, article: false };
    return m[0].replace(/[^a-z]/gu, '').length >= 1 && m[0].length >= 4 ? { kind: 'id', text: original, value: m[0].toUpperCase() } : null;
  });
  reader.take(PLAIN_NUMBER, (m, original) => {
    const written = m[1]!;
    if (/^\d+$/u.test(written) && written.length >= ID_DIGITS) return { kind: 'id', text: original, value: written };
    return { kind: 'number', text: original, values: numberReadings(written, decimal), word: false, article: false };
  });

  const words = numberWords(language);
  if (words.size > 0) {
    reader.take(WORD, (m, original) => {
      const value = words.get(m[0]);
      return value === undefined ? null : { kind: 'number', text: original, values: [value], word: true, article: value === 1 };
    });
  }
  return { facts: reader.ordered(), normalized };
}
