/**
 * Personal-data masking: before a customer's text goes to a model provider, e-mail addresses, phone
 * numbers, card numbers, IBANs, national ids, street addresses and IP addresses are replaced by
 * placeholders ("[EMAIL_1]", "[PHONE_1]", …); the model translates or answers around them, and
 * `restorePersonalData` puts the original values back into its answer, reporting any placeholder the
 * model lost, changed, repeated or invented.
 *
 *   const { masked, found } = maskPersonalData('Mail me at lena@example.de');  // "Mail me at [EMAIL_1]"
 *   const { text, problems } = restorePersonalData(modelAnswer, found);
 *
 * Detection lives in the detect-*.ts modules (one per family of kinds), check digits in checksums.ts,
 * the placeholder format and the tolerant placeholder scanner in placeholders.ts.
 */
import { detectAddresses } from './detect-address';
import { detectEmails, detectIpAddresses, detectPhones } from './detect-contact';
import { detectNationalIds } from './detect-national-id';
import { detectCards, detectIbans } from './detect-payment';
import type { Detection } from './detection-support';
import { findPlaceholderTokens, formatPlaceholder } from './placeholders';

export const PERSONAL_DATA_KINDS = ['email', 'phone', 'card', 'iban', 'national-id', 'address', 'ip'] as const;
export type PersonalDataKind = (typeof PERSONAL_DATA_KINDS)[number];

/** One occurrence of personal data in the original text, and the placeholder that replaced it. */
export interface PersonalDataFinding {
  kind: PersonalDataKind;
  /** The characters as the customer wrote them. */
  value: string;
  /** "[EMAIL_1]": numbered per kind in order of appearance; the same value always gets the same one. */
  placeholder: string;
  /** Offsets [start, end) in the ORIGINAL text. */
  start: number;
  end: number;
}

export interface MaskedText {
  /** The text with every finding replaced by its placeholder. */
  masked: string;
  /** Every occurrence, in text order (a value written twice is listed twice, with the same placeholder). */
  found: PersonalDataFinding[];
}

/** Something wrong with the placeholders in a model's answer. */
export type PlaceholderProblem = {
  /**
   * missing: a placeholder of the masked text is not in the answer.
   * altered: the model changed it ("[Email_1]", "EMAIL_1", "【EMAIL_1】", "[TELÉFONO_1]"); restored anyway.
   * duplicated: it appears more often than in the masked text.
   * unknown: a placeholder-looking token that was not in the masked text ("[PHONE_7]"); left as written.
   */
  kind: 'missing' | 'altered' | 'duplicated' | 'unknown';
  placeholder: string;
  /** The token as the model wrote it (altered and unknown). */
  seen?: string;
};

/** One detector per family; each reports every candidate it is sure of, overlaps are settled below. */
const DETECTORS: ReadonlyArray<(text: string) => Detection[]> = [
  detectEmails,
  detectIbans,
  detectCards,
  detectNationalIds,
  detectIpAddresses,
  detectAddresses,
  detectPhones,
];

/**
 * When two detections overlap, the kind listed first wins, then the longer one: an IBAN or card number
 * also contains digit groups a phone pattern could match; an e-mail address may contain digits.
 */
const PRECEDENCE: readonly PersonalDataKind[] = ['email', 'iban', 'card', 'national-id', 'ip', 'address', 'phone'];

function resolveOverlaps(detections: readonly Detection[]): Detection[] {
  const ranked = [...detections].sort(
    (a, b) => PRECEDENCE.indexOf(a.kind) - PRECEDENCE.indexOf(b.kind) || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  const kept: Detection[] = [];
  for (const detection of ranked) {
    if (!kept.some((other) => detection.start < other.end && other.start < detection.end)) kept.push(detection);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/**
 * Replaces the personal data in `text` by placeholders.
 *
 * `kinds` chooses what is masked (default: all). Every kind is still detected, so that a kind left
 * unmasked keeps its whole span: with only phones masked, the digits of a card number are not taken
 * for a phone number.
 *
 * Placeholder-looking text the customer wrote ("[EMAIL_1]", "PHONE_2") keeps its number to itself:
 * the numbering skips it, so restoring an answer never confuses it with a masked value.
 */
export function maskPersonalData(text: string, options: { kinds?: readonly PersonalDataKind[] } = {}): MaskedText {
  const kinds = new Set<PersonalDataKind>(options.kinds ?? PERSONAL_DATA_KINDS);
  if (kinds.size === 0 || text === '') return { masked: text, found: [] };
  const detections = resolveOverlaps(DETECTORS.flatMap((detect) => detect(text))).filter((detection) => kinds.has(detection.kind));
  if (detections.length === 0) return { masked: text, found: [] };

  const taken = new Set(findPlaceholderTokens(text).flatMap((token) => token.kinds.map((kind) => formatPlaceholder(kind, token.number))));
  const lastNumber = new Map<PersonalDataKind, number>();
  const placeholderOf = new Map<string, string>();
  const found: PersonalDataFinding[] = [];
  let masked = '';
  let cursor = 0;
  for (const { kind, start, end } of detections) {
    const value = text.slice(start, end);
    const key = `${kind}\u0000${value}`;
    let placeholder = placeholderOf.get(key);
    if (placeholder === undefined) {
      let number = lastNumber.get(kind) ?? 0;
      do number++;
      while (taken.has(formatPlaceholder(kind, number)));
      lastNumber.set(kind, number);
      placeholder = formatPlaceholder(kind, number);
      placeholderOf.set(key, placeholder);
    }
    found.push({ kind, value, placeholder, start, end });
    masked += text.slice(cursor, start) + placeholder;
    cursor = end;
  }
  masked += text.slice(cursor);
  return { masked, found };
}

/**
 * Puts the original values back into a model's `answer`, in place of the placeholders `found` lists.
 *
 * A placeholder the model changed is restored too when it can only mean one of them ("[Email_1]",
 * "[TELÉFONO_1]"), and reported as `altered`. A "number" word ("[NÚMERO_1]") is restored when only one
 * of PHONE_1, CARD_1, ID_1 exists; otherwise it is left as written and reported as `unknown`.
 * With no problems, `text` is exactly the answer with the placeholders replaced.
 */
export function restorePersonalData(answer: string, found: readonly PersonalDataFinding[]): { text: string; problems: PlaceholderProblem[] } {
  /** Each placeholder given: its value, how often the masked text had it, how often the answer has it. */
  const expected = new Map<string, { value: string; inMasked: number; inAnswer: number }>();
  for (const finding of found) {
    const entry = expected.get(finding.placeholder);
    if (entry) entry.inMasked++;
    else expected.set(finding.placeholder, { value: finding.value, inMasked: 1, inAnswer: 0 });
  }

  const problems: PlaceholderProblem[] = [];
  let text = '';
  let cursor = 0;
  for (const token of findPlaceholderTokens(answer)) {
    const meant = token.kinds.map((kind) => formatPlaceholder(kind, token.number)).filter((placeholder) => expected.has(placeholder));
    const placeholder = meant[0];
    if (meant.length !== 1 || placeholder === undefined) {
      const asPlaceholder = token.kinds.length === 1 ? formatPlaceholder(token.kinds[0]!, token.number) : token.text;
      problems.push({ kind: 'unknown', placeholder: asPlaceholder, seen: token.text });
      continue;
    }
    const entry = expected.get(placeholder)!;
    entry.inAnswer++;
    text += answer.slice(cursor, token.start) + entry.value;
    cursor = token.end;
    if (token.text !== placeholder) problems.push({ kind: 'altered', placeholder, seen: token.text });
  }
  text += answer.slice(cursor);

  for (const [placeholder, { inMasked, inAnswer }] of expected) {
    if (inAnswer === 0) problems.push({ kind: 'missing', placeholder });
    else if (inAnswer > inMasked) problems.push({ kind: 'duplicated', placeholder });
  }
  return { text, problems };
}
