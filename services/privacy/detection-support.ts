/**
 * Building blocks shared by the personal-data detectors (detect-*.ts): the shape of a detection,
 * regular-expression fragments for word boundaries and spaces, and the "context word" check that
 * lets a bare digit run count as a phone number or an id only when the customer said what it is.
 *
 * Conventions every detector follows:
 *  - Regular expressions are compiled once, at module load, with the `u` flag (Unicode classes).
 *  - Patterns never cross a line break: a space is SPACE (space, tab, no-break spaces), not `\s`.
 *    The suggestion service joins a conversation's lines with a separator line and relies on this.
 *  - Every repetition is bounded or deterministic, so a 500-character message scans in linear time.
 */
import type { PersonalDataKind } from './mask-personal-data';

/** One piece of personal data a detector found: the characters [start, end) of the original text. */
export interface Detection {
  kind: PersonalDataKind;
  start: number;
  end: number;
}

/** A space inside one line: space, tab, no-break space, narrow no-break space (French numbers). */
export const SPACE = '[ \\t\\u00A0\\u202F]';

/**
 * Letters of the scripts that put spaces between words (Latin, Cyrillic, Greek), digits and `_`.
 * Numbers glued to these are part of a longer token ("A10123456784", "v1.2.3.4"); numbers glued to
 * Chinese, Japanese or Korean text are not ("電話090-1234-5678です"), since those scripts use no spaces.
 */
export const SPACED_WORD_CHAR = '\\p{Script=Latin}\\p{Script=Cyrillic}\\p{Script=Greek}\\p{N}_';

/** Escapes a literal for use in a regular expression (outside a character class; `u` flag allowed). */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * A literal word matched in any letter case, for patterns that cannot use the `i` flag because other
 * parts of them must stay case-sensitive (street names must be capitalised, the street type need not).
 */
export function anyCase(word: string): string {
  return [...word]
    .map((char) => {
      const lower = char.toLowerCase();
      const upper = char.toUpperCase();
      return lower !== upper && lower.length === 1 && upper.length === 1 ? `[${lower}${upper}]` : escapeRegExp(char);
    })
    .join('');
}

/** Runs `regex` (global) over `text` and hands each match to `onMatch`. */
export function forEachMatch(regex: RegExp, text: string, onMatch: (match: RegExpExecArray) => void): void {
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    onMatch(match);
    if (match[0] === '') regex.lastIndex++;
  }
}

/** How many ASCII digits `text` has. */
export function countDigits(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 48 && code <= 57) count++;
  }
  return count;
}

/** `text` without anything but ASCII letters and digits ("DE89 3704-0044" → "DE8937040044"). */
export function compact(text: string): string {
  return text.replace(/[^0-9A-Za-z]/g, '');
}

// ---------------------------------------------------------------------------------------------
// Context words
// ---------------------------------------------------------------------------------------------

/** How far before a number a context word may stand, and how much text may lie between them. */
const CONTEXT_WINDOW = 64;
const CONTEXT_MAX_GAP = 28;

/** Between a context word and its number: no other number, no line break, no end of a question. */
const GAP_CHARS = '[^\\p{N}\\n\\r!?。！？]';

/**
 * Words that make a following number something else than personal data: "order number 12345678",
 * "tracking 1234567890", "numéro de commande 123456789". Checked just before the context word and in
 * the gap after it.
 */
const NOT_PERSONAL_WORDS = [
  'order', 'orden', 'pedido', 'encomenda', 'commande', 'bestell', 'auftrag', 'ordine', 'bestelling', 'zamówieni', 'sipariş', 'заказ',
  '注文', '订单', '訂單', '주문', 'طلب', 'tracking', 'sendung', 'paket', 'colis', 'envío', 'envio', 'spedizione', 'zending', 'przesyłk',
  'kargo', 'посылк', '追跡', '快递', '운송장', 'invoice', 'rechnung', 'factura', 'facture', 'fattura', 'fatura', 'faktur', 'счет', 'счёт',
  'ticket', 'customer', 'kunden', 'client', 'cliente', 'klant', 'klient', 'müşteri', 'клиент', 'sku', 'artikel', 'article', 'artículo',
  'referen', 'réf', 'ref\\.', 'dossier', 'vorgang',
].join('|');
/** One of those words anywhere in the gap ("Telefon oder Bestellnummer: 12345678"). */
const NOT_PERSONAL_IN_GAP = new RegExp(NOT_PERSONAL_WORDS, 'iu');
/** One of those words right before the context word ("order ID", "Bestell-Nr.", "Kunden-ID"). */
const NOT_PERSONAL_JUST_BEFORE = new RegExp(`(?:${NOT_PERSONAL_WORDS})\\p{L}*[\\s\\-_.:#]*$`, 'iu');

/**
 * Compiles a list of context words into the regular expression `hasContextBefore` expects. Words may
 * contain regular-expression syntax (`telefon\\p{L}{0,2}` for declined forms). Words in spaced scripts
 * must stand alone ("Telefon", not the end of "Mobiltelefonbestellung"); Chinese, Japanese, Korean and
 * Arabic words need no boundary, as they are written without spaces or take attached suffixes.
 */
export function contextWords(words: readonly string[]): RegExp {
  const spacedScript = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;
  const spaced = words.filter((word) => spacedScript.test(word));
  const unspaced = words.filter((word) => !spacedScript.test(word));
  // The word boundaries stand once around all spaced words, not around each: every copy of a
  // Unicode class compiled case-insensitively costs V8 milliseconds when the worker first uses it.
  const alternatives = [
    ...(spaced.length > 0 ? [`(?<![\\p{L}\\p{N}])(?:${spaced.join('|')})(?![\\p{L}])`] : []),
    ...(unspaced.length > 0 ? [`(?:${unspaced.join('|')})`] : []),
  ];
  return new RegExp(`(?:${alternatives.join('|')})(${GAP_CHARS}{0,${CONTEXT_MAX_GAP}})$`, 'iu');
}

/**
 * Whether one of `context`'s words stands shortly before `start` ("Telefon: ", "CPF ", "マイナンバーは"),
 * with nothing in between that makes the number an order, tracking or invoice number.
 */
export function hasContextBefore(text: string, start: number, context: RegExp): boolean {
  const windowStart = Math.max(0, start - CONTEXT_WINDOW);
  const window = text.slice(windowStart, start);
  const match = context.exec(window);
  if (!match) return false;
  const gap = match[1] ?? '';
  const justBefore = window.slice(Math.max(0, match.index - 16), match.index);
  return !NOT_PERSONAL_IN_GAP.test(gap) && !NOT_PERSONAL_JUST_BEFORE.test(justBefore);
}

/** "number" in the languages customers write in, also abbreviated ("Nr.", "nº", "#"). */
const NUMBER_WORD = '(?:n[º°o]|nr|no|num|number|nummer|numéro|número|numero|numer|numara\\p{L}*|номер|番号|号码|번호|#)';
/**
 * An explicit label of a non-personal number: the number word fused or after ("Kundennummer",
 * "Bestellnr.", "order number", "pedido nº", "注文番号") or before ("numéro de commande", "номер заказа").
 * A bare "Bestellung:" is not enough: "Rückfragen zur Bestellung: 0151 23456789" is a phone number.
 */
const NON_PERSONAL_LABEL = new RegExp(
  `(?:(?:${NOT_PERSONAL_WORDS})\\p{L}*[\\s\\-_]*${NUMBER_WORD}|${NUMBER_WORD}\\.?\\s+(?:(?:de|del|do|da|di|du)\\s+)?(?:${NOT_PERSONAL_WORDS})\\p{L}*)\\.?[\\s:#：は是为]*$`,
  'iu',
);

/** Whether the number at `start` is labelled as an order, customer, invoice or tracking number. */
export function hasNonPersonalLabelBefore(text: string, start: number): boolean {
  return NON_PERSONAL_LABEL.test(text.slice(Math.max(0, start - 32), start));
}
