import { checkMessage, type MessageKey, type MessageParams } from '../check-messages';
import { compatibleCurrencies } from './fact-lexicons';
import { extractFacts, type DateReading, type Fact, type FactKind } from './extract-facts';
import { countNegations } from './negations';

/**
 * Does a translation say what the agent's draft says? Compares the facts a customer acts on:
 * amounts and currencies, other numbers, percentages, dates, times, order and tracking ids, URLs,
 * e-mail addresses, placeholders, and negations. Formats may differ (1,299.00 € and 1.299,00 €,
 * 05/12 in the US and 12.05. in Germany, "2:30 pm" and "14:30", "three" and "3"); values may not.
 * Pure and rule-based: no model is asked.
 */

export const MEANING_ISSUE_KINDS = ['amount', 'currency', 'number', 'percentage', 'date', 'time', 'order-id', 'url', 'email', 'placeholder', 'negation'] as const;
export type MeaningIssueKind = (typeof MEANING_ISSUE_KINDS)[number];

export interface MeaningIssue {
  kind: MeaningIssueKind;
  /** What the draft says, as written there ("€1,299.00", "12 May"); for negations, a count. */
  expected: string;
  /** What the translation says instead, when it says something. */
  found?: string;
  message: string;
  messageKey: MessageKey;
  params: MessageParams;
}

export interface MeaningCheck {
  faithful: boolean;
  issues: MeaningIssue[];
}

export interface MeaningInput {
  /** Language of the draft: a code or BCP-47 tag ("en", "en-US": the tag decides how 05/12 reads). */
  sourceLang: string;
  source: string;
  targetLang: string;
  translation: string;
}

const LABELS: Record<MeaningIssueKind, string> = {
  amount: 'Amount',
  currency: 'Currency',
  number: 'Number',
  percentage: 'Percentage',
  date: 'Date',
  time: 'Time',
  'order-id': 'Order or tracking id',
  url: 'Link',
  email: 'E-mail address',
  placeholder: 'Placeholder',
  negation: 'Negation',
};

type FactOf<K extends FactKind> = Extract<Fact, { kind: K }>;

function ofKind<K extends FactKind>(facts: readonly Fact[], kind: K): Array<FactOf<K>> {
  return facts.filter((fact): fact is FactOf<K> => fact.kind === kind);
}

const sameNumber = (a: number, b: number) => Math.abs(a - b) < 1e-9;
const shareValue = (a: readonly number[], b: readonly number[]) => a.some((x) => b.some((y) => sameNumber(x, y)));

function sameDate(a: readonly DateReading[], b: readonly DateReading[]): boolean {
  return a.some((x) =>
    b.some((y) => x.month === y.month && (x.day === null || y.day === null || x.day === y.day) && (x.year === null || y.year === null || x.year === y.year)),
  );
}

/** Pairs equal facts one to one (in text order); returns what is left on each side. */
function pairUp<S, T>(source: readonly S[], target: readonly T[], same: (s: S, t: T) => boolean): { missing: S[]; extra: T[] } {
  const left = [...target];
  const missing: S[] = [];
  for (const fact of source) {
    const index = left.findIndex((candidate) => same(fact, candidate));
    if (index >= 0) left.splice(index, 1);
    else missing.push(fact);
  }
  return { missing, extra: left };
}

/** Removes and returns the first item of `items` matching `test`. */
function takeFirst<T>(items: T[], test: (item: T) => boolean): T | undefined {
  const index = items.findIndex(test);
  return index >= 0 ? items.splice(index, 1)[0] : undefined;
}

function issue(kind: MeaningIssueKind, key: MessageKey, expected: string, found?: string, extra: MessageParams = {}): MeaningIssue {
  const params: MessageParams = { label: LABELS[kind], expected, ...(found !== undefined ? { found } : {}), ...extra };
  return { kind, expected, ...(found !== undefined ? { found } : {}), message: checkMessage(key, params), messageKey: key, params };
}

/** Missing and extra facts of one kind, a missing one paired with an extra one as "changed". */
function differences(kind: MeaningIssueKind, missing: readonly Fact[], extra: readonly Fact[]): MeaningIssue[] {
  const issues: MeaningIssue[] = [];
  const count = Math.max(missing.length, extra.length);
  for (let i = 0; i < count; i++) {
    const expected = missing[i];
    const found = extra[i];
    if (expected && found) issues.push(issue(kind, 'meaning.changed', expected.text, found.text));
    else if (expected) issues.push(issue(kind, 'meaning.missing', expected.text));
    else if (found) issues.push(issue(kind, 'meaning.added', '', found.text));
  }
  return issues;
}

/** An id or code appears as a whole token in a text ("40213" in "n° 40213", not in "402131"). */
function containsToken(text: string, value: string): boolean {
  const escaped = value.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(?<![\\p{Script=Latin}\\p{N}])${escaped}(?![\\p{Script=Latin}\\p{N}])`, 'iu').test(text);
}

const hourOf = (fact: FactOf<'time'>) => fact.minutes.filter((m) => m % 60 === 0).map((m) => m / 60);

export function checkMeaning(input: MeaningInput): MeaningCheck {
  const source = extractFacts(input.source, input.sourceLang);
  const target = extractFacts(input.translation, input.targetLang);
  const issues: MeaningIssue[] = [];

  // Exact strings.
  for (const kind of ['url', 'email', 'placeholder'] as const) {
    const { missing, extra } = pairUp(ofKind(source.facts, kind), ofKind(target.facts, kind), (a, b) => a.value === b.value);
    issues.push(...differences(kind, missing, extra));
  }

  // Ids: the draft's must appear in the translation (a "#" may become "n°" or "Nr."), and the translation may add none.
  const missingIds = ofKind(source.facts, 'id').filter((id) => !containsToken(target.normalized, id.value));
  const extraIds = ofKind(target.facts, 'id').filter((id) => !containsToken(source.normalized, id.value));
  issues.push(...differences('order-id', missingIds, extraIds));

  // Dates.
  const dates = pairUp(ofKind(source.facts, 'date'), ofKind(target.facts, 'date'), (a, b) => sameDate(a.readings, b.readings));
  issues.push(...differences('date', dates.missing, dates.extra));

  // The rest is matched kind by kind; a leftover may still be the same value written as another
  // kind ("18" for "6 pm", "25 euros" for "25%"), which decides what is reported.
  const sourceNumbers = ofKind(source.facts, 'number');
  const targetNumbers = ofKind(target.facts, 'number');
  const times = pairUp(ofKind(source.facts, 'time'), ofKind(target.facts, 'time'), (a, b) => a.minutes.some((m) => b.minutes.includes(m)));
  const percentages = pairUp(ofKind(source.facts, 'percentage'), ofKind(target.facts, 'percentage'), (a, b) => shareValue(a.values, b.values));
  const amounts = pairUp(ofKind(source.facts, 'amount'), ofKind(target.facts, 'amount'), (a, b) => shareValue(a.values, b.values) && compatibleCurrencies(a.currency, b.currency));
  const numbers = pairUp(sourceNumbers, targetNumbers, (a, b) => shareValue(a.values, b.values));

  // Times written as a bare hour on the other side ("prima delle 18" for "before 6 pm").
  const timeMissing = times.missing.filter((time) => !takeFirst(numbers.extra, (n) => !n.word && shareValue(n.values, hourOf(time))));
  const timeExtra: Fact[] = times.extra.filter((time) => !takeFirst(numbers.missing, (n) => shareValue(n.values, hourOf(time))));
  // A time left over on one side and a bare hour on the other is one changed time, not two issues.
  while (timeMissing.length > timeExtra.length) {
    const hour = takeFirst(numbers.extra, (n) => !n.word && n.values.some((v) => Number.isInteger(v) && v >= 0 && v <= 24));
    if (!hour) break;
    timeExtra.push(hour);
  }
  issues.push(...differences('time', timeMissing, timeExtra));

  // A percentage that became a plain number or an amount: the "%" is what changed.
  for (const percentage of percentages.missing) {
    const found =
      takeFirst(amounts.extra, (a) => shareValue(a.values, percentage.values)) ??
      takeFirst(numbers.extra, (n) => !n.word && shareValue(n.values, percentage.values));
    issues.push(found ? issue('percentage', 'meaning.changed', percentage.text, found.text) : issue('percentage', 'meaning.missing', percentage.text));
  }
  issues.push(...differences('percentage', [], percentages.extra));

  // Amounts: the same value in another currency (or without one) is a currency change.
  const amountMissing: Array<FactOf<'amount'>> = [];
  for (const amount of amounts.missing) {
    const found =
      takeFirst(amounts.extra, (a) => shareValue(a.values, amount.values)) ??
      takeFirst(numbers.extra, (n) => !n.word && shareValue(n.values, amount.values));
    if (found) issues.push(issue('currency', 'meaning.changed', amount.text, found.text));
    else amountMissing.push(amount);
  }
  const amountExtra = amounts.extra.filter((amount) => {
    const plain = takeFirst(numbers.missing, (n) => shareValue(n.values, amount.values));
    if (plain) issues.push(issue('currency', 'meaning.changed', plain.text, amount.text));
    return !plain;
  });
  issues.push(...differences('amount', amountMissing, amountExtra));

  // Numbers: "one"/"a" may stand for 1 but is never required; a number word in the translation
  // may stand for a digit but is never reported as added.
  const numberMissing = numbers.missing.filter((n) => !n.article);
  const numberExtra = numbers.extra.filter((n) => !n.word && !takeFirst(numbers.missing, (m) => m.article && shareValue(m.values, n.values)));
  issues.push(...differences('number', numberMissing, numberExtra));

  // Negations.
  const sourceNegations = countNegations(input.source, input.sourceLang);
  const targetNegations = countNegations(input.translation, input.targetLang);
  if (sourceNegations.count > targetNegations.count) {
    issues.push(
      issue('negation', 'meaning.negation-lost', String(sourceNegations.count), String(targetNegations.count), { markers: sourceNegations.markers.join('", "') }),
    );
  } else if (targetNegations.count > sourceNegations.count) {
    issues.push(
      issue('negation', 'meaning.negation-added', String(sourceNegations.count), String(targetNegations.count), { markers: targetNegations.markers.join('", "') }),
    );
  }

  return { faithful: issues.length === 0, issues };
}
