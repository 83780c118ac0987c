/**
 * Detector for national identity and tax numbers.
 *
 * Each rule is a shape plus its check digit (where the identifier has one). Identifiers with a
 * distinctive written form — "123.456.789-09" (CPF), "12345678Z" (DNI), "123-45-6789" (SSN),
 * "AB 12 34 56 C" (UK NI), "1 85 05 78 006 084 91" (NIR) — are masked wherever they appear. Bare
 * digit runs (BSN, PESEL, My Number, Chinese resident id, an unformatted CPF…) are also order
 * numbers and phone numbers, so they count only with a passing check AND a context word before them
 * ("BSN", "PESEL", "マイナンバー", "身份证", "ID number", "Ausweis"…).
 */
import {
  isValidChineseResidentId,
  isValidCpf,
  isValidDutchBsn,
  isValidFrenchNir,
  isValidGermanIdCardNumber,
  isValidItalianFiscalCode,
  isValidMyNumber,
  isValidPesel,
  isValidSpanishId,
  isValidTurkishId,
  isValidUkNationalInsurance,
  isValidUsSsn,
  koreanResidentNumber,
} from './checksums';
import { SPACE, SPACED_WORD_CHAR, compact, contextWords, forEachMatch, hasContextBefore, type Detection } from './detection-support';

/** Words that introduce any kind of identity number. */
const GENERIC_ID_WORDS = [
  'id', 'id number', 'id no\\.?', 'id-nr\\.?', 'id card', 'identity number', 'identity card', 'national id', 'national insurance',
  'personal number', 'ausweis\\p{L}*', 'personalausweis\\p{L}*', 'ausweis-nr\\.?', 'dni', 'nie', 'nif', 'documento', 'documento de identidad',
  'número de identidad', 'numero de identidad', "carte d['’]identité", "numéro d['’]identité", "carta d['’]identità", 'codice fiscale',
  'identiteitsbewijs', 'dowód osobisty', 'nr dowodu', 'kimlik', 'kimlik no', 'kimlik numaram', 'kimlik numarası', 'tc kimlik',
  'удостоверение', 'паспорт\\p{L}{0,2}', 'идентификационный номер', '身分証', '身份证', '身份證', 'هوية', 'الهوية', 'رقم الهوية',
  '주민등록번호', '주민번호', '신분증',
];

const idContext = (...specific: string[]) => contextWords([...specific, ...GENERIC_ID_WORDS]);

const CPF_CONTEXT = idContext('cpf', 'cadastro de pessoas? físicas?');
const NIR_CONTEXT = idContext('nir', 'insee', 'sécu', 'secu', 'sécurité sociale', 'securite sociale', 'numéro de sécurité sociale', 'carte vitale');
const SSN_CONTEXT = idContext('ssn', 'ssn#', 'social security', 'social security number', 'social security no\\.?');
const BSN_CONTEXT = idContext('bsn', 'burgerservicenummer', 'burgerservice-nummer', 'sofinummer', 'sofi-nummer');
const PESEL_CONTEXT = idContext('pesel');
const MY_NUMBER_CONTEXT = idContext('マイナンバー', '個人番号', 'my ?number', 'マイナンバーカード');
const CHINESE_ID_CONTEXT = idContext('身份证号', '身份证号码', '居民身份证', '身份證號碼');
const TURKISH_ID_CONTEXT = idContext('tc', 't\\.c\\.', 'tckn', 'tc no', 'tc kimlik no');
const KOREAN_ID_CONTEXT = idContext('주민등록번호', '주민번호');
const GERMAN_ID_CONTEXT = idContext('ausweisnummer', 'personalausweisnummer', 'dokumentennummer', 'seriennummer des ausweises');

interface IdRule {
  /** The written shape, without boundaries (added below). */
  shape: string;
  /** The check the identifier's characters (separators removed) must pass. */
  isValid(characters: string): boolean;
  /** The context words the match needs, or null when its shape alone is distinctive enough. */
  context(written: string, characters: string): RegExp | null;
}

const ID_RULES: readonly IdRule[] = [
  // Brazil, CPF: "123.456.789-09" anywhere; "12345678909" / "123456789-09" only after "CPF".
  { shape: '\\d{3}\\.\\d{3}\\.\\d{3}-\\d{2}', isValid: isValidCpf, context: () => null },
  { shape: '\\d{9}-?\\d{2}', isValid: isValidCpf, context: () => CPF_CONTEXT },
  // Spain, DNI "12345678Z" / NIE "X1234567L" (the letter is a check).
  { shape: `\\d{8}[ \\-]?[A-Za-z]`, isValid: isValidSpanishId, context: () => null },
  { shape: `[XYZxyz][ \\-]?\\d{7}[ \\-]?[A-Za-z]`, isValid: isValidSpanishId, context: () => null },
  // Italy, codice fiscale "RSSMRA85T10A562S" (16 characters, last one a check letter).
  {
    shape: '[A-Za-z]{6}[0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{2}[A-Za-z][0-9LMNPQRSTUVlmnpqrstuv]{3}[A-Za-z]',
    isValid: isValidItalianFiscalCode,
    context: () => null,
  },
  // France, NIR "1 85 05 78 006 084 91": grouped anywhere, 15 bare digits only after "sécu", "NIR"…
  {
    shape: `[1278]${SPACE}?\\d{2}${SPACE}?\\d{2}${SPACE}?(?:\\d{2}|2[ABab])${SPACE}?\\d{3}${SPACE}?\\d{3}${SPACE}?\\d{2}`,
    isValid: isValidFrenchNir,
    context: (written) => (/[ \t\u00A0\u202F]/.test(written) ? null : NIR_CONTEXT),
  },
  // USA, SSN "123-45-6789" anywhere; "123 45 6789" / "123456789" only after "SSN".
  { shape: `\\d{3}([\\- ]?)\\d{2}\\1\\d{4}`, isValid: isValidUsSsn, context: (written) => (written.includes('-') ? null : SSN_CONTEXT) },
  // UK, National Insurance number "AB123456C" / "AB 12 34 56 C" (capitals only: in lower case it is more likely a code).
  { shape: '[A-Z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-D]', isValid: isValidUkNationalInsurance, context: () => null },
  // Netherlands, BSN (9 digits, 11-proof), only after "BSN".
  { shape: '\\d{4}\\.?\\d{2}\\.?\\d{3}', isValid: isValidDutchBsn, context: () => BSN_CONTEXT },
  // Poland, PESEL (11 digits with a birth date and check digit), only after "PESEL".
  { shape: '\\d{11}', isValid: isValidPesel, context: () => PESEL_CONTEXT },
  // Japan, My Number (12 digits, check digit), only after "マイナンバー".
  { shape: `\\d{4}[ \\-]?\\d{4}[ \\-]?\\d{4}`, isValid: isValidMyNumber, context: () => MY_NUMBER_CONTEXT },
  // China, resident identity card (17 digits + check digit or X), only after "身份证".
  { shape: '\\d{17}[\\dXx]', isValid: isValidChineseResidentId, context: () => CHINESE_ID_CONTEXT },
  // Turkey, T.C. Kimlik No (11 digits, two check digits), only after "TC" / "kimlik".
  { shape: '[1-9]\\d{10}', isValid: isValidTurkishId, context: () => TURKISH_ID_CONTEXT },
  // Korea, resident registration number "900101-1234568": a birth date; needs "주민등록번호" unless its (pre-2020) check digit matches.
  {
    shape: '\\d{6}-[1-8]\\d{6}',
    isValid: (characters) => koreanResidentNumber(characters).valid,
    context: (_written, characters) => (koreanResidentNumber(characters).checkDigitMatches ? null : KOREAN_ID_CONTEXT),
  },
  // Germany, Personalausweis number "T220001293" (check digit), only after "Ausweis…".
  { shape: '[CFGHJKLMNPRTVWXYZcfghjklmnprtvwxyz][CFGHJKLMNPRTVWXYZcfghjklmnprtvwxyz0-9]{8}\\d', isValid: isValidGermanIdCardNumber, context: () => GERMAN_ID_CONTEXT },
];

/** Identifiers do not continue a word or a longer number, and are not order numbers ("#…"). */
const ID_START = `(?<![${SPACED_WORD_CHAR}#+\\-/]|\\p{N}[.,])`;
const ID_END = `(?![${SPACED_WORD_CHAR}]|[.,\\-/]\\p{N})`;

const COMPILED_RULES = ID_RULES.map((rule) => ({ ...rule, pattern: new RegExp(`${ID_START}${rule.shape}${ID_END}`, 'gu') }));

export function detectNationalIds(text: string): Detection[] {
  if (!/\d/.test(text)) return [];
  const found: Detection[] = [];
  for (const rule of COMPILED_RULES) {
    forEachMatch(rule.pattern, text, (match) => {
      const written = match[0];
      const characters = compact(written).toUpperCase();
      if (!rule.isValid(characters)) return;
      const context = rule.context(written, characters);
      if (context && !hasContextBefore(text, match.index, context)) return;
      found.push({ kind: 'national-id', start: match.index, end: match.index + written.length });
    });
  }
  return found;
}
