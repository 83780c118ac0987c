/**
 * Detectors for the ways to reach a person: e-mail addresses, phone numbers and IP addresses.
 *
 * Phone numbers are the hard part: order numbers, prices, dates and quantities are digit runs too.
 * A number counts as a phone number when
 *  - it is international (`+49 151 23456789`, `0049 …`), or
 *  - it has the grouping of a national phone number (`0151 23456789`, `(11) 98765-4321`,
 *    `555-123-4567`, `06 12 34 56 78`, `090-1234-5678`, `612 34 56 78`), or
 *  - it is a bare run of 7–15 digits right after a phone word ("Telefon", "WhatsApp", "電話", "手机"…).
 * Dates (8 digits or fewer, or mixed separators) and times (colons) never fit these shapes, and a
 * number explicitly labelled as something else ("Kundennummer 0123 4567 89", "pedido nº 612 345 678")
 * is left alone.
 */
import {
  SPACE,
  SPACED_WORD_CHAR,
  contextWords,
  countDigits,
  forEachMatch,
  hasContextBefore,
  hasNonPersonalLabelBefore,
  type Detection,
} from './detection-support';

// ---------------------------------------------------------------------------------------------
// E-mail
// ---------------------------------------------------------------------------------------------

const LOCAL_CHAR = "[\\p{Script=Latin}0-9_%+\\-]";
const LOCAL_CHAR_OR_DOT = "[\\p{Script=Latin}0-9_%+'\\-.]";
const DOMAIN_LABEL = '[\\p{Script=Latin}0-9](?:[\\p{Script=Latin}0-9\\-]{0,61}[\\p{Script=Latin}0-9])?';

/**
 * local-part@domain.tld. The local part must start a token (so "@mention" has none and is not an
 * address), letters are Latin-script only (so Japanese text glued to an address is not swallowed:
 * "メールはtaro@example.jpです"), the top-level domain is 2+ letters or an IDN `xn--` label.
 */
const EMAIL = new RegExp(
  `(?<!${LOCAL_CHAR_OR_DOT})${LOCAL_CHAR}(?:${LOCAL_CHAR_OR_DOT}{0,63}${LOCAL_CHAR})?@(?:${DOMAIN_LABEL}\\.)+(?:[A-Za-z]{2,24}|xn--[A-Za-z0-9\\-]{2,59})(?![\\p{Script=Latin}0-9_\\-]|\\.[\\p{Script=Latin}0-9])`,
  'gu',
);

export function detectEmails(text: string): Detection[] {
  if (!text.includes('@')) return [];
  const found: Detection[] = [];
  forEachMatch(EMAIL, text, (match) => found.push({ kind: 'email', start: match.index, end: match.index + match[0].length }));
  return found;
}

// ---------------------------------------------------------------------------------------------
// Phone numbers
// ---------------------------------------------------------------------------------------------

/** At least 7 and at most 15 digits (E.164's maximum, country code included). */
const MIN_PHONE_DIGITS = 7;
const MAX_PHONE_DIGITS = 15;

/**
 * A phone number does not continue a word, a longer number ("1 612 345 678", "12.0151…"), an order
 * number (#40213), a price ($, €) or an address (@).
 */
const PHONE_START = `(?<![${SPACED_WORD_CHAR}#+@$€£¥/]|\\p{N}[.,:\\-/]|\\p{N}${SPACE})`;
/** …and is not followed by more of a word, more digits (also after a dot, comma, colon or dash), a unit. */
const PHONE_END = `(?![${SPACED_WORD_CHAR}]|[.,:\\-/]\\p{N}|${SPACE}?[%€$£¥])`;

/** Separators inside a phone number: spaces, dash, dot, slash. */
const PHONE_SEPARATOR = `[ \\u00A0\\u202F.\\-/]`;
const PHONE_SEPARATOR_CHARS = new Set([' ', '\u00A0', '\u202F', '.', '-', '/']);

/**
 * International: "+" or "00", a country code, then digits with single separators; an area code in
 * parentheses is allowed anywhere ("+49 (0)151 …", "+55 (11) 98765-4321").
 */
const INTERNATIONAL_PHONE = new RegExp(
  `${PHONE_START}(?:\\+|00)${SPACE}?[1-9](?:${PHONE_SEPARATOR}?(?:\\(\\d{1,4}\\)|\\d)){5,18}${PHONE_END}`,
  'gu',
);

/** National shapes, each with the digit counts it may have. Separators inside one number are consistent. */
const NATIONAL_PHONE_SHAPES: ReadonlyArray<{ pattern: RegExp; minDigits: number; maxDigits: number }> = [
  // Area code in parentheses: "(555) 123-4567", "(11) 98765-4321", "(030) 1234567".
  { pattern: `\\(\\d{2,5}\\)${SPACE}?\\d{3,5}(?:[ \\-.]\\d{2,5}){0,2}`, minDigits: 9, maxDigits: 13 },
  // Trunk prefix 0: "0151 23456789", "06 12 34 56 78", "090-1234-5678", "020 7946 0958", "089/1234567", "0532 123 45 67".
  { pattern: `0\\d{1,4}([ \\u00A0\\-/.])\\d{2,8}(?:\\1\\d{2,8}){0,4}`, minDigits: 9, maxDigits: 13 },
  // North American 3-3-4 (also Italian mobiles): "555-123-4567", "555.123.4567", "1-800-555-1234".
  { pattern: `(?:1[\\-. ])?[2-9]\\d{2}([\\-. ])\\d{3}\\1\\d{4}`, minDigits: 10, maxDigits: 11 },
  // Chinese mobile 3-4-4: "138 0013 8000".
  { pattern: `1\\d{2}([ \\-])\\d{4}\\1\\d{4}`, minDigits: 11, maxDigits: 11 },
  // Spanish 3-2-2-2: "612 34 56 78".
  { pattern: `[6-9]\\d{2} \\d{2} \\d{2} \\d{2}`, minDigits: 9, maxDigits: 9 },
  // Spanish / Polish 3-3-3: "612 345 678", "512-345-678".
  { pattern: `[5-9]\\d{2}([ \\-])\\d{3}\\1\\d{3}`, minDigits: 9, maxDigits: 9 },
  // Russian: "8 (912) 345-67-89", "8 912 345-67-89", "912 345-67-89".
  { pattern: `(?:8${SPACE}?)?(?:\\(\\d{3}\\)|\\d{3})${SPACE}?\\d{3}-\\d{2}-\\d{2}`, minDigits: 10, maxDigits: 11 },
  // Brazilian without parentheses: "11 98765-4321", "11 3456-7890".
  { pattern: `[1-9]\\d${SPACE}[2-9]\\d{3,4}-\\d{4}`, minDigits: 10, maxDigits: 11 },
].map(({ pattern, minDigits, maxDigits }) => ({ pattern: new RegExp(`${PHONE_START}${pattern}${PHONE_END}`, 'gu'), minDigits, maxDigits }));

/** A bare digit run (separators allowed), a phone number only after a phone word. */
const BARE_DIGIT_RUN = new RegExp(`${PHONE_START}\\+?\\d(?:${PHONE_SEPARATOR}?\\d){${MIN_PHONE_DIGITS - 1},${MAX_PHONE_DIGITS + 4}}${PHONE_END}`, 'gu');

/** "25.11.2026", "2026-11-25", "11/25/2026": a date, even right after "call me on". */
const DATE_LIKE = /^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$/;

/**
 * Words that say the next number is a phone number, in the languages customers write in. Generic
 * "number" words count only with "my" ("meine Nummer", "mi número") — "order number" must not.
 */
const PHONE_CONTEXT = contextWords([
  // English
  'tel', 'tel\\.', 'tel\\.:', 'phone', 'phone number', 'telephone', 'mobile', 'mobile number', 'cell', 'cellphone', 'cell phone', 'call me',
  'call me at', 'call me on', 'text me', 'reach me at', 'sms', 'whats ?app', 'fax', 'landline', 'my number',
  // German
  'telefon', 'telefonnummer', 'telefon-nr\\.?', 'tel\\.-nr\\.?', 'handy', 'handynummer', 'mobil', 'mobilnummer', 'mobilfunknummer',
  'rufnummer', 'festnetz', 'festnetznummer', 'meine nummer', 'meine handynummer', 'erreichbar unter', 'rufen sie mich an unter',
  // French
  'téléphone', 'telephone', 'tél', 'tél\\.', 'portable', 'numéro de téléphone', 'numéro de portable', 'mon numéro', 'appelez-moi au',
  // Spanish
  'teléfono', 'telefono', 'móvil', 'movil', 'celular', 'mi número', 'mi numero', 'llámame al', 'llamame al',
  // Portuguese
  'telefone', 'telemóvel', 'telemovel', 'meu número', 'meu numero', 'meu celular', 'ligue para', 'zap',
  // Italian
  'cellulare', 'cell\\.', 'il mio numero', 'mio numero', 'chiamami al',
  // Dutch
  'telefoon', 'telefoonnummer', 'mobiel', 'mobiele nummer', 'mijn nummer', 'bel me op',
  // Polish
  'telefonu', 'numer telefonu', 'komórk\\p{L}{0,3}', 'mój numer', 'moj numer', 'tel\\. kom\\.',
  // Turkish
  'telefonum', 'telefon numaram', 'telefon numarası', 'numaram', 'cep telefonu', 'gsm',
  // Russian / Ukrainian
  'телефон\\p{L}{0,2}', 'тел\\.?', 'мобильный', 'мобильного', 'мой номер', 'номер телефона', 'вотсап', 'ватсап', 'телефону',
  // Japanese, Chinese, Korean
  '電話', '電話番号', '携帯', '携帯番号', 'でんわ', '电话', '電話號碼', '手机', '手機', '联系方式', '연락처', '전화', '전화번호', '휴대폰', '핸드폰',
  // Arabic
  'هاتف', 'الهاتف', 'جوال', 'جوالي', 'رقمي', 'واتساب', 'موبايل',
]);

/**
 * Digits of an international number that count towards E.164's 15: not the "00" that replaces "+",
 * not the "(0)" trunk prefix some write after the country code ("+49 (0)151 …").
 */
function significantDigits(candidate: string): number {
  return countDigits(candidate) - (candidate.startsWith('00') ? 2 : 0) - (candidate.includes('(0)') ? 1 : 0);
}

/**
 * Trims trailing digit groups until at most 15 significant digits remain ("+49 151 23456789 2026" →
 * the number without " 2026"). Returns the kept length, or null if fewer than 7 would remain.
 */
function trimToPhoneLength(candidate: string): number | null {
  let end = candidate.length;
  while (significantDigits(candidate.slice(0, end)) > MAX_PHONE_DIGITS) {
    let separator = end - 1;
    while (separator > 0 && !PHONE_SEPARATOR_CHARS.has(candidate[separator]!)) separator--;
    if (separator <= 0) return null;
    end = separator;
  }
  return significantDigits(candidate.slice(0, end)) >= MIN_PHONE_DIGITS ? end : null;
}

export function detectPhones(text: string): Detection[] {
  if (!/\d/.test(text)) return [];
  const found: Detection[] = [];
  const add = (start: number, end: number) => found.push({ kind: 'phone', start, end });

  forEachMatch(INTERNATIONAL_PHONE, text, (match) => {
    const kept = trimToPhoneLength(match[0]);
    if (kept !== null) add(match.index, match.index + kept);
  });

  for (const { pattern, minDigits, maxDigits } of NATIONAL_PHONE_SHAPES) {
    forEachMatch(pattern, text, (match) => {
      const digits = countDigits(match[0]);
      // "Kundennummer 0123 4567 89" has a phone number's shape but says what it is.
      if (digits >= minDigits && digits <= maxDigits && !hasNonPersonalLabelBefore(text, match.index)) add(match.index, match.index + match[0].length);
    });
  }

  forEachMatch(BARE_DIGIT_RUN, text, (match) => {
    const digits = countDigits(match[0]);
    if (digits < MIN_PHONE_DIGITS || digits > MAX_PHONE_DIGITS || DATE_LIKE.test(match[0])) return;
    if (hasContextBefore(text, match.index, PHONE_CONTEXT)) add(match.index, match.index + match[0].length);
  });
  return found;
}

// ---------------------------------------------------------------------------------------------
// IP addresses
// ---------------------------------------------------------------------------------------------

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

/**
 * IPv4: four octets 0–255 without leading zeros, not part of a longer dotted number ("1.2.3.4.5") and
 * not glued to letters ("v1.2.3.4").
 */
const IPV4 = new RegExp(`(?<![${SPACED_WORD_CHAR}.]|\\p{N}\\.)${OCTET}(?:\\.${OCTET}){3}(?![${SPACED_WORD_CHAR}]|\\.\\p{N})`, 'gu');

/**
 * Judgment call: a dotted quad right after a version word ("version 1.2.3.4", "Version 10.0.0.1",
 * "バージョン 1.2.3.4") is a software version, not an address, and is left alone.
 */
const VERSION_WORD_BEFORE = /(?:^|[^\p{L}])(?:v|ver\.?|version|versión|versão|versione|versie|wersja|sürüm|версия|バージョン|版本|버전)[\s:]*$/iu;

/** IPv6 candidates: hex groups with at least two colons, optionally ending in an IPv4 address. */
const IPV6_CANDIDATE = new RegExp(
  `(?<![${SPACED_WORD_CHAR}:.])(?=[0-9A-Fa-f:]*:[0-9A-Fa-f]*:)[0-9A-Fa-f:]{2,39}(?:(?<=:)(?:\\d{1,3}\\.){3}\\d{1,3})?(?![${SPACED_WORD_CHAR}:]|\\.\\p{N})`,
  'gu',
);
const IPV4_EXACT = new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`);
const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;

/** RFC 4291 text form: 8 groups, or fewer with one "::"; the last two groups may be written as IPv4. */
function isIpv6(candidate: string): boolean {
  const halves = candidate.split('::');
  if (halves.length > 2) return false;
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':'));
  const groups = halves.flatMap(groupsOf);
  let groupCount = groups.length;
  const last = groups.at(-1);
  if (last !== undefined && last.includes('.')) {
    if (!IPV4_EXACT.test(last)) return false;
    groups.pop();
    groupCount++; // an IPv4 tail stands for two groups
  }
  if (!groups.every((group) => HEX_GROUP.test(group))) return false;
  if (halves.length === 2 ? groupCount > 7 : groupCount !== 8) return false;
  // "a::b" style fragments with almost no digits are more likely prose or code than an address.
  return halves.length === 1 || candidate.replace(/[^0-9A-Fa-f]/g, '').length >= 4;
}

export function detectIpAddresses(text: string): Detection[] {
  const found: Detection[] = [];
  if (text.includes('.')) {
    forEachMatch(IPV4, text, (match) => {
      if (VERSION_WORD_BEFORE.test(text.slice(Math.max(0, match.index - 16), match.index))) return;
      found.push({ kind: 'ip', start: match.index, end: match.index + match[0].length });
    });
  }
  if (text.includes(':')) {
    forEachMatch(IPV6_CANDIDATE, text, (match) => {
      if (isIpv6(match[0])) found.push({ kind: 'ip', start: match.index, end: match.index + match[0].length });
    });
  }
  return found;
}
