/**
 * Check digits and format rules of the numbers the personal-data masker looks for.
 *
 * A regular expression only says "this looks like a card number / IBAN / tax id"; most real
 * identifiers also carry a check digit, and testing it is what keeps order numbers, tracking
 * numbers and random digit runs from being masked. Every function here takes the identifier's
 * characters WITHOUT separators (spaces, dots, dashes already removed) unless it says otherwise,
 * and only answers "valid or not": it never throws.
 */

const DIGITS_ONLY = /^\d+$/;

function digitsOf(value: string): number[] {
  return [...value].map((char) => char.charCodeAt(0) - 48);
}

function allSameDigit(value: string): boolean {
  return /^(\d)\1*$/.test(value);
}

/** Whether `year-month-day` is a real calendar date (months 1–12, February 29 only in leap years). */
function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

// ---------------------------------------------------------------------------------------------
// Payment cards
// ---------------------------------------------------------------------------------------------

/** The Luhn (mod 10) check every payment card number passes. */
export function passesLuhn(digits: string): boolean {
  if (!DIGITS_ONLY.test(digits)) return false;
  let sum = 0;
  let double = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (double) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
    double = !double;
  }
  return sum % 10 === 0;
}

/**
 * Issuer identification number (IIN) ranges of the card networks customers pay with, and the card
 * lengths each issues. `from`/`to` are compared with the number's first `from.length` digits.
 */
const CARD_RANGES: ReadonlyArray<{ network: string; from: string; to: string; lengths: readonly number[] }> = [
  { network: 'visa', from: '4', to: '4', lengths: [13, 16, 19] },
  { network: 'mastercard', from: '51', to: '55', lengths: [16] },
  { network: 'mastercard', from: '2221', to: '2720', lengths: [16] },
  { network: 'amex', from: '34', to: '34', lengths: [15] },
  { network: 'amex', from: '37', to: '37', lengths: [15] },
  { network: 'discover', from: '6011', to: '6011', lengths: [16, 17, 18, 19] },
  { network: 'discover', from: '644', to: '649', lengths: [16, 17, 18, 19] },
  { network: 'discover', from: '65', to: '65', lengths: [16, 17, 18, 19] },
  { network: 'jcb', from: '3528', to: '3589', lengths: [16, 17, 18, 19] },
  { network: 'unionpay', from: '62', to: '62', lengths: [16, 17, 18, 19] },
  { network: 'unionpay', from: '81', to: '81', lengths: [16, 17, 18, 19] },
  { network: 'diners', from: '300', to: '305', lengths: [14, 15, 16, 17, 18, 19] },
  { network: 'diners', from: '3095', to: '3095', lengths: [14, 15, 16, 17, 18, 19] },
  { network: 'diners', from: '36', to: '36', lengths: [14, 15, 16, 17, 18, 19] },
  { network: 'diners', from: '38', to: '39', lengths: [16, 17, 18, 19] },
  { network: 'maestro', from: '50', to: '50', lengths: [13, 14, 15, 16, 17, 18, 19] },
  { network: 'maestro', from: '56', to: '58', lengths: [13, 14, 15, 16, 17, 18, 19] },
  { network: 'maestro', from: '6304', to: '6304', lengths: [13, 14, 15, 16, 17, 18, 19] },
  { network: 'maestro', from: '639', to: '639', lengths: [13, 14, 15, 16, 17, 18, 19] },
  { network: 'maestro', from: '67', to: '67', lengths: [13, 14, 15, 16, 17, 18, 19] },
  { network: 'mir', from: '2200', to: '2204', lengths: [16, 17, 18, 19] },
  { network: 'rupay', from: '60', to: '60', lengths: [16] },
  { network: 'rupay', from: '82', to: '82', lengths: [16] },
  { network: 'elo', from: '636', to: '636', lengths: [16] },
  { network: 'hipercard', from: '3841', to: '3841', lengths: [13, 16, 19] },
  { network: 'troy', from: '9792', to: '9792', lengths: [16] },
];

/** Whether `digits` starts with a known card network's IIN and has a length that network issues. */
export function hasKnownCardPrefix(digits: string): boolean {
  return CARD_RANGES.some(({ from, to, lengths }) => {
    if (!lengths.includes(digits.length)) return false;
    const prefix = Number(digits.slice(0, from.length));
    return prefix >= Number(from) && prefix <= Number(to);
  });
}

/** A payment card number: 13–19 digits, a known IIN range and a passing Luhn check. */
export function isValidCardNumber(digits: string): boolean {
  return DIGITS_ONLY.test(digits) && digits.length >= 13 && digits.length <= 19 && hasKnownCardPrefix(digits) && passesLuhn(digits);
}

// ---------------------------------------------------------------------------------------------
// IBAN
// ---------------------------------------------------------------------------------------------

/** IBAN length (all characters, country code included) per country (ISO 13616 registry). */
export const IBAN_LENGTHS: Readonly<Record<string, number>> = {
  AD: 24, AE: 23, AL: 28, AT: 20, AZ: 28, BA: 20, BE: 16, BG: 22, BH: 22, BR: 29, BY: 28, CH: 21, CR: 22, CY: 28,
  CZ: 24, DE: 22, DK: 18, DO: 28, EE: 20, EG: 29, ES: 24, FI: 18, FO: 18, FR: 27, GB: 22, GE: 22, GI: 23, GL: 18,
  GR: 27, GT: 28, HR: 21, HU: 28, IE: 22, IL: 23, IQ: 23, IS: 26, IT: 27, JO: 30, KW: 30, KZ: 20, LB: 28, LC: 32,
  LI: 21, LT: 20, LU: 20, LV: 21, MC: 27, MD: 24, ME: 22, MK: 19, MR: 27, MT: 31, MU: 30, NL: 18, NO: 15, PK: 24,
  PL: 28, PS: 29, PT: 25, QA: 29, RO: 24, RS: 22, SA: 24, SC: 31, SE: 24, SI: 19, SK: 24, SM: 27, ST: 25, SV: 28,
  TL: 23, TN: 24, TR: 26, UA: 29, VA: 22, VG: 24, XK: 20,
};

/** An IBAN (letters in any case, no separators): known country, that country's length, mod-97 remainder 1. */
export function isValidIban(compact: string): boolean {
  const iban = compact.toUpperCase();
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]+$/.test(iban)) return false;
  if (IBAN_LENGTHS[iban.slice(0, 2)] !== iban.length) return false;
  // Move country code and check digits to the end, read letters as 10–35, take the number mod 97.
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = char >= 'A' ? char.charCodeAt(0) - 55 : char.charCodeAt(0) - 48;
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

// ---------------------------------------------------------------------------------------------
// National identifiers
// ---------------------------------------------------------------------------------------------

/** Brazilian CPF: 11 digits, two mod-11 check digits; numbers of one repeated digit are invalid. */
export function isValidCpf(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || allSameDigit(digits)) return false;
  const d = digitsOf(digits);
  const checkDigit = (length: number) => {
    let sum = 0;
    for (let index = 0; index < length; index++) sum += d[index]! * (length + 1 - index);
    return ((sum * 10) % 11) % 10;
  };
  return checkDigit(9) === d[9] && checkDigit(10) === d[10];
}

const SPANISH_ID_LETTERS = 'TRWAGMYFPDXBNJZSQVHLCKE';

/** Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter): the letter is the number mod 23. */
export function isValidSpanishId(compact: string): boolean {
  const id = compact.toUpperCase();
  const match = /^([XYZ]?)(\d{7,8})([A-Z])$/.exec(id);
  if (!match) return false;
  const [, niePrefix = '', number = '', letter] = match;
  // DNI: exactly 8 digits; NIE: a prefix letter (X=0, Y=1, Z=2) and 7 digits.
  if ((niePrefix === '' && number.length !== 8) || (niePrefix !== '' && number.length !== 7)) return false;
  const value = Number(niePrefix === '' ? number : `${'XYZ'.indexOf(niePrefix)}${number}`);
  return SPANISH_ID_LETTERS[value % 23] === letter;
}

/**
 * Italian codice fiscale: 16 characters (surname, name, birth date and place, check letter). Digits of
 * the date and place may be replaced by letters ("omocodia"), so the shape allows both.
 */
const ITALIAN_FISCAL_CODE = /^[A-Z]{6}[0-9LMNPQRSTUV]{2}[ABCDEHLMPRST][0-9LMNPQRSTUV]{2}[A-Z][0-9LMNPQRSTUV]{3}[A-Z]$/;
/** Values of characters in odd positions (1st, 3rd, …), for 0–9 then A–Z. */
const FISCAL_CODE_ODD_VALUES = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

export function isValidItalianFiscalCode(compact: string): boolean {
  const code = compact.toUpperCase();
  if (!ITALIAN_FISCAL_CODE.test(code)) return false;
  let sum = 0;
  for (let index = 0; index < 15; index++) {
    const char = code[index]!;
    const isDigit = char <= '9';
    // Index into 0–9 then A–Z for odd positions; even positions are worth 0–9 and A=0 … Z=25.
    const ordinal = isDigit ? char.charCodeAt(0) - 48 : char.charCodeAt(0) - 55;
    sum += index % 2 === 0 ? FISCAL_CODE_ODD_VALUES[ordinal]! : isDigit ? ordinal : ordinal - 10;
  }
  return String.fromCharCode(65 + (sum % 26)) === code[15];
}

/**
 * French NIR (numéro de sécurité sociale): 13 characters + a 2-digit key = 97 − (number mod 97).
 * Sex 1/2 (7/8 for temporary numbers), birth month 01–12 or 20–42/50–99 for unknown months;
 * Corsica's departments 2A/2B count as 19/18 in the key.
 */
export function isValidFrenchNir(compact: string): boolean {
  const nir = compact.toUpperCase();
  const match = /^([1278])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/.exec(nir);
  if (!match) return false;
  const month = Number(match[3]);
  if (!((month >= 1 && month <= 12) || (month >= 20 && month <= 42) || month >= 50)) return false;
  const department = match[4] === '2A' ? '19' : match[4] === '2B' ? '18' : match[4]!;
  const body = `${match[1]}${match[2]}${match[3]}${department}${match[5]}${match[6]}`;
  const key = Number(match[7]);
  return key >= 1 && key <= 97 && 97 - Number(BigInt(body) % 97n) === key;
}

/**
 * US Social Security number (9 digits): area 001–899 except 666, group 01–99, serial 0001–9999.
 * (No check digit exists; these are the ranges the SSA never issues.)
 */
export function isValidUsSsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits)) return false;
  const area = Number(digits.slice(0, 3));
  const group = Number(digits.slice(3, 5));
  const serial = Number(digits.slice(5));
  return area !== 0 && area !== 666 && area < 900 && group !== 0 && serial !== 0;
}

/** UK National Insurance number (2 letters, 6 digits, A–D), with the prefixes HMRC never allocates. */
export function isValidUkNationalInsurance(compact: string): boolean {
  const match = /^([A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z])\d{6}[A-D]$/.exec(compact);
  return match !== null && !['BG', 'GB', 'KN', 'NK', 'NT', 'TN', 'ZZ'].includes(match[1]!);
}

/** Dutch BSN: 9 digits passing the "11-proof" (weights 9…2, and −1 for the last digit). */
export function isValidDutchBsn(digits: string): boolean {
  if (!/^\d{9}$/.test(digits) || allSameDigit(digits)) return false;
  const d = digitsOf(digits);
  let sum = -d[8]!;
  for (let index = 0; index < 8; index++) sum += d[index]! * (9 - index);
  return sum % 11 === 0;
}

/** Polish PESEL: 11 digits, a birth date (the month also encodes the century) and a weighted check digit. */
export function isValidPesel(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || allSameDigit(digits)) return false;
  const d = digitsOf(digits);
  const weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
  const sum = weights.reduce((total, weight, index) => total + weight * d[index]!, 0);
  if ((10 - (sum % 10)) % 10 !== d[10]) return false;
  const encodedMonth = d[2]! * 10 + d[3]!;
  const centuryOffset = Math.floor(encodedMonth / 20); // 0: 1900s, 1: 2000s, 2: 2100s, 3: 2200s, 4: 1800s
  const century = [1900, 2000, 2100, 2200, 1800][centuryOffset];
  if (century === undefined) return false;
  return isCalendarDate(century + d[0]! * 10 + d[1]!, encodedMonth % 20, d[4]! * 10 + d[5]!);
}

/** Japanese My Number (個人番号): 12 digits, the last a weighted mod-11 check digit. */
export function isValidMyNumber(digits: string): boolean {
  if (!/^\d{12}$/.test(digits) || allSameDigit(digits)) return false;
  const d = digitsOf(digits);
  let sum = 0;
  // n counts from the right, starting at the digit left of the check digit.
  for (let n = 1; n <= 11; n++) sum += d[11 - n]! * (n <= 6 ? n + 1 : n - 5);
  const remainder = sum % 11;
  return (remainder <= 1 ? 0 : 11 - remainder) === d[11];
}

/** Chinese resident identity card number: 17 digits (with a birth date) + check character 0–9/X. */
export function isValidChineseResidentId(compact: string): boolean {
  const id = compact.toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!isCalendarDate(Number(id.slice(6, 10)), Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * (id.charCodeAt(index) - 48), 0);
  return '10X98765432'[sum % 11] === id[17];
}

/** Turkish T.C. Kimlik No: 11 digits, not starting with 0, with two check digits. */
export function isValidTurkishId(digits: string): boolean {
  if (!/^[1-9]\d{10}$/.test(digits)) return false;
  const d = digitsOf(digits);
  const odd = d[0]! + d[2]! + d[4]! + d[6]! + d[8]!;
  const even = d[1]! + d[3]! + d[5]! + d[7]!;
  if ((((odd * 7 - even) % 10) + 10) % 10 !== d[9]) return false;
  return d.slice(0, 10).reduce((total, digit) => total + digit, 0) % 10 === d[10];
}

/**
 * Korean resident registration number (YYMMDD + 7 digits): a real birth date and a gender/century digit
 * 1–8. Numbers issued before October 2020 also carry a check digit; `checkDigitMatches` says whether it does.
 */
export function koreanResidentNumber(digits: string): { valid: boolean; checkDigitMatches: boolean } {
  if (!/^\d{13}$/.test(digits)) return { valid: false, checkDigitMatches: false };
  const d = digitsOf(digits);
  const centuryDigit = d[6]!;
  const century = [1900, 1900, 2000, 2000, 1900, 1900, 2000, 2000][centuryDigit - 1];
  if (century === undefined) return { valid: false, checkDigitMatches: false };
  const valid = isCalendarDate(century + d[0]! * 10 + d[1]!, d[2]! * 10 + d[3]!, d[4]! * 10 + d[5]!);
  const weights = [2, 3, 4, 5, 6, 7, 8, 9, 2, 3, 4, 5];
  const sum = weights.reduce((total, weight, index) => total + weight * d[index]!, 0);
  return { valid, checkDigitMatches: valid && (11 - (sum % 11)) % 10 === d[12] };
}

/**
 * German identity card (Personalausweis) number: 9 characters from a restricted alphabet + a check
 * digit with the ICAO 7-3-1 weights (letters count A=10 … Z=35).
 */
export function isValidGermanIdCardNumber(compact: string): boolean {
  const id = compact.toUpperCase();
  if (!/^[CFGHJKLMNPRTVWXYZ][CFGHJKLMNPRTVWXYZ0-9]{8}\d$/.test(id)) return false;
  const weights = [7, 3, 1];
  let sum = 0;
  for (let index = 0; index < 9; index++) {
    const char = id[index]!;
    const value = char <= '9' ? char.charCodeAt(0) - 48 : char.charCodeAt(0) - 55;
    sum += value * weights[index % 3]!;
  }
  return sum % 10 === id.charCodeAt(9) - 48;
}
