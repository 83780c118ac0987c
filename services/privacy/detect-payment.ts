/**
 * Detectors for payment data: card numbers and IBANs. Both carry a check (Luhn, mod 97), so a match
 * is only reported when the check passes — a mistyped or invented number stays as the customer wrote
 * it, and so do order and tracking numbers, which fail it.
 */
import { IBAN_LENGTHS, isValidCardNumber, isValidIban } from './checksums';
import { SPACE, SPACED_WORD_CHAR, forEachMatch, type Detection } from './detection-support';

// ---------------------------------------------------------------------------------------------
// Card numbers
// ---------------------------------------------------------------------------------------------

/**
 * Groups of digits separated by single spaces or dashes ("4111 1111 1111 1111", "3782-822463-10005",
 * "4111111111111111"), not glued to a word, a "+" (phone) or "#" (order number), not part of a decimal.
 */
const DIGIT_GROUPS = new RegExp(
  `(?<![${SPACED_WORD_CHAR}+#.,/\\-]|\\p{N}${SPACE})\\d{1,19}(?:(?:${SPACE}|-)\\d{1,19}){0,9}(?![${SPACED_WORD_CHAR}]|[.,/\\-]\\p{N})`,
  'gu',
);
const GROUP = /\d+/g;

/**
 * The longest run of whole digit groups inside `candidate` that is a valid card number, as offsets
 * into `candidate` (a card often sits next to other numbers: "4111 1111 1111 1111 12 27").
 */
function findCardInGroups(candidate: string): { start: number; end: number } | null {
  const groups = [...candidate.matchAll(GROUP)].map((match) => ({ start: match.index, end: match.index + match[0].length, digits: match[0] }));
  let best: { start: number; end: number } | null = null;
  for (let first = 0; first < groups.length; first++) {
    let digits = '';
    for (let last = first; last < groups.length; last++) {
      digits += groups[last]!.digits;
      if (digits.length > 19) break;
      if (digits.length < 13 || !isValidCardNumber(digits)) continue;
      const span = { start: groups[first]!.start, end: groups[last]!.end };
      if (!best || span.end - span.start > best.end - best.start) best = span;
    }
  }
  return best;
}

export function detectCards(text: string): Detection[] {
  if (!/\d{4}/.test(text) && !/\d[ -]\d/.test(text)) return [];
  const found: Detection[] = [];
  forEachMatch(DIGIT_GROUPS, text, (match) => {
    if (match[0].length < 13) return;
    const card = findCardInGroups(match[0]);
    if (card) found.push({ kind: 'card', start: match.index + card.start, end: match.index + card.end });
  });
  return found;
}

// ---------------------------------------------------------------------------------------------
// IBAN
// ---------------------------------------------------------------------------------------------

/** Where an IBAN may start: two letters and two check digits at the start of a token. */
const IBAN_START = new RegExp(`(?<![${SPACED_WORD_CHAR}])[A-Za-z]{2}\\d{2}`, 'gu');
const ALPHANUMERIC = /[A-Za-z0-9]/;
const IBAN_SEPARATOR = /[ \u00A0\u202F-]/;

/**
 * Reads exactly `length` letters and digits from `start`, allowing single spaces or dashes between
 * them ("DE89 3704 0044 0532 0130 00"). Returns the end offset, or null when the characters run out
 * early or the IBAN would continue straight into more letters or digits.
 */
function readIban(text: string, start: number, length: number): { end: number; compact: string } | null {
  let compact = '';
  let index = start;
  while (compact.length < length && index < text.length) {
    const char = text[index]!;
    if (ALPHANUMERIC.test(char)) compact += char;
    else if (!(IBAN_SEPARATOR.test(char) && ALPHANUMERIC.test(text[index + 1] ?? '') && index > start)) return null;
    index++;
  }
  if (compact.length !== length || ALPHANUMERIC.test(text[index] ?? '')) return null;
  return { end: index, compact };
}

export function detectIbans(text: string): Detection[] {
  const found: Detection[] = [];
  forEachMatch(IBAN_START, text, (match) => {
    const length = IBAN_LENGTHS[match[0].slice(0, 2).toUpperCase()];
    if (length === undefined) return;
    const iban = readIban(text, match.index, length);
    if (iban && isValidIban(iban.compact)) found.push({ kind: 'iban', start: match.index, end: iban.end });
  });
  return found;
}
