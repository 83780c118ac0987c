import { detectLanguage, type LanguageDetection } from './detect-language';
import {
  SUPPORTED_LANGUAGE_CODES,
  isSupportedLanguage,
  languageName,
  type SupportedLanguage,
} from './supported-languages';
import {
  decideVariant,
  dedupeMarkers,
  findVariantMarkers,
  hasVariants,
  markerWeights,
  parseLocale,
  variantFromCountry,
  variantFromLocale,
  variantLanguage,
  variantRegionName,
  type VariantMarker,
  type VariantTag,
} from './variants';

/**
 * The customer's language over one conversation, as a pure, JSON-serialisable state: it starts
 * from hints, takes evidence message by message, does not flip on "ok" or an order number, flips
 * when the customer really switches, and yields to the agent's override until it is cleared.
 * Feed it the customer's messages only (agent replies are in the agent's language).
 */

export interface LanguageHints {
  /** The customer's locale as the helpdesk records it, e.g. "pt-BR". */
  helpdeskLocale?: string;
  /** The locale of the storefront the customer bought from, e.g. "fr-CA". */
  storefrontLocale?: string;
  /** The customer's country where the page shows it: ISO 3166 alpha-2 ("BR") or its name ("Brazil"). */
  customerCountry?: string;
}

export type HintSource = keyof LanguageHints;

/** The language the messages so far have established (or the hinted one, before any message). */
export interface CurrentLanguageEvidence {
  language: SupportedLanguage;
  /** Weight of everything behind it since it became current: the hint's, then each message's. */
  support: number;
  /** The part of `support` that comes from messages. */
  messageSupport: number;
  /** Messages with language content behind it. */
  messages: number;
  /** At least one of them was a high-confidence detection. */
  confident: boolean;
}

/** Consecutive evidence for another language since the last real message in the current one. */
export interface ChallengerEvidence {
  language: SupportedLanguage;
  weight: number;
  messages: number;
  /** Messages of weight ≥ 1: not a short guess such as "ok" or "thanks". */
  substantive: number;
  confident: boolean;
}

export interface ConversationLanguageEvidence {
  /** Customer messages added, with or without language content. */
  messages: number;
  current: CurrentLanguageEvidence | null;
  challenger: ChallengerEvidence | null;
  /** The language the conversation switched away from most recently, for the reason text. */
  switchedFrom: SupportedLanguage | null;
  /** Variant markers found so far, each once, for every language they were read in. */
  markers: VariantMarker[];
}

export interface ConversationLanguageState {
  /** Schema version of this stored object. */
  version: 1;
  language: SupportedLanguage | null;
  variant: VariantTag | null;
  /** BCP-47 tag to use: `variant ?? language`, e.g. "pt-BR", "pt", "zh-Hant". */
  tag: string | null;
  confidence: 'high' | 'low' | 'none';
  source: 'override' | 'messages' | 'hints' | 'none';
  /** Where the variant comes from; null when there is none. */
  variantSource: 'override' | 'markers' | 'hints' | 'markers+hints' | null;
  /** The agent's choice, as a normalised tag; null when the agent has not chosen. */
  override: string | null;
  /** Short English words the side panel can show: "3 messages in Portuguese; 'você' (Brazil)". */
  reason: string;
  hints: LanguageHints;
  /** Languages detection is restricted to; null: all supported languages. */
  candidates: SupportedLanguage[] | null;
  evidence: ConversationLanguageEvidence;
}

// ---------------------------------------------------------------------------------------------
// Weights and rules

/**
 * How much one message counts, by detection confidence and length (letters, a CJK character or
 * Hangul syllable counting three, as in detect-language):
 * - a guess on a short text ("ok", "thanks", "Where is my order?") is barely evidence;
 * - a low-confidence guess on a longer text counts as one unit: the "substantive" threshold;
 * - confident detections count more, long ones most.
 */
const WEIGHT_SHORT_GUESS = 0.5;
const WEIGHT_GUESS = 1;
const WEIGHT_CONFIDENT = 2;
const WEIGHT_CONFIDENT_LONG = 3;
const SHORT_TEXT_LETTERS = 20;
const LONG_TEXT_LETTERS = 40;

/**
 * A hinted language starts with less support than one real message: any message of weight ≥ 1
 * in another language replaces it, one short guess ("hi") does not, two do.
 */
const HINT_SUPPORT = 0.75;

/**
 * The switch rule. Another language takes over when its consecutive evidence (since the last
 * real message in the current language) either
 * 1. outweighs everything behind the current language, which happens at once when that was weak
 *    ("hi", then a long Portuguese message; or hints only), or
 * 2. comes from two substantive messages, one of them confident, or from three substantive ones.
 * One long confident message is not enough against an established language: customers paste
 * carrier e-mails and error messages in another language ("O erro diz: Payment declined…"), and
 * a wrong flip costs more (replies in the wrong language) than waiting one message (the agent
 * can still override at once). Short guesses never count as substantive and never interrupt a
 * challenger: "ok", "#40213" or "👍" change nothing.
 */
const SWITCH_SUBSTANTIVE_WITH_CONFIDENT = 2;
const SWITCH_SUBSTANTIVE = 3;

/**
 * Variant hints weigh like variant markers (a strong marker weighs 2). The customer's country
 * says more about the person than a locale, which is often the account's or the shop's default.
 * Markers overrule a contradicting hint only when they reach VARIANT_DOMINANCE (2) times its
 * weight: three strong markers against a country, two against a locale; less is a conflict, and
 * a conflict gives the base language.
 */
const HINT_VARIANT_WEIGHT: Record<HintSource, number> = { customerCountry: 3, helpdeskLocale: 2, storefrontLocale: 2 };

/** Bounds what is stored per conversation; more markers of one variant add nothing useful. */
const MAX_MARKERS_PER_VARIANT = 24;

const HINT_LABELS: Record<HintSource, string> = {
  customerCountry: "customer's country",
  helpdeskLocale: 'helpdesk locale',
  storefrontLocale: 'storefront locale',
};

// ---------------------------------------------------------------------------------------------
// Hints

let countryNames: Map<string, string> | null = null;

/** Country names in the languages customers and pages are likely to show them in, folded. */
function countryCodeByName(): Map<string, string> {
  if (countryNames) return countryNames;
  countryNames = new Map();
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const locale of ['en', 'pt', 'es', 'fr', 'de', 'it', 'nl', 'zh-Hans', 'zh-Hant']) {
    const names = new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
    for (const a of letters) {
      for (const b of letters) {
        const code = a + b;
        let name: string | undefined;
        try {
          name = names.of(code);
        } catch {
          name = undefined;
        }
        if (name && !countryNames.has(fold(name))) countryNames.set(fold(name), code);
      }
    }
  }
  return countryNames;
}

const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').trim().toLowerCase();

/** ISO 3166 alpha-2 code of a country hint ("br", "Brazil", "Brasil"), or null. */
export function normaliseCountry(country: string): string | null {
  const trimmed = country.trim();
  if (/^[A-Za-z]{2}$/u.test(trimmed)) return trimmed.toUpperCase();
  return countryCodeByName().get(fold(trimmed)) ?? null;
}

function allowed(language: SupportedLanguage, candidates: readonly SupportedLanguage[] | null): boolean {
  return !candidates || candidates.length === 0 || candidates.includes(language);
}

interface HintedLanguage {
  language: SupportedLanguage;
  from: HintSource;
  value: string;
}

/** The language the hints suggest: the helpdesk's locale, the storefront's, then the country's usual language. */
function hintedLanguage(hints: LanguageHints, candidates: readonly SupportedLanguage[] | null): HintedLanguage | null {
  for (const from of ['helpdeskLocale', 'storefrontLocale'] as const) {
    const value = hints[from];
    const language = value ? parseLocale(value)?.language : undefined;
    if (value && language && isSupportedLanguage(language) && allowed(language, candidates)) return { language, from, value };
  }
  const country = hints.customerCountry ? normaliseCountry(hints.customerCountry) : null;
  if (hints.customerCountry && country) {
    const language = parseLocale(`und-${country}`)?.maximize().language;
    if (language && isSupportedLanguage(language) && allowed(language, candidates)) {
      return { language, from: 'customerCountry', value: country };
    }
  }
  return null;
}

interface HintedVariant {
  variant: VariantTag;
  weight: number;
  from: HintSource;
  value: string;
}

/**
 * The variant the hints suggest for `language`: the country's first (a Brazilian customer on a
 * pt-PT storefront is still Brazilian), then the helpdesk locale, then the storefront locale.
 */
function hintedVariant(language: SupportedLanguage, hints: LanguageHints): HintedVariant | null {
  if (!hasVariants(language)) return null;
  const country = hints.customerCountry ? normaliseCountry(hints.customerCountry) : null;
  const sources: Array<[HintSource, string | null | undefined, (value: string) => VariantTag | null]> = [
    ['customerCountry', country, (value) => variantFromCountry(language, value)],
    ['helpdeskLocale', hints.helpdeskLocale, (value) => variantFromLocale(value, language)],
    ['storefrontLocale', hints.storefrontLocale, (value) => variantFromLocale(value, language)],
  ];
  for (const [from, value, toVariant] of sources) {
    const variant = value ? toVariant(value) : null;
    if (value && variant) return { variant, weight: HINT_VARIANT_WEIGHT[from], from, value };
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Messages

const URL_EMAIL_OR_NUMBER = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)\S+|\S+@\S+\.\S+|\S*\p{Nd}\S*/giu;
const SYLLABIC = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /\p{L}/u;

/** Letters carrying language (not in URLs, e-mail addresses or tokens with digits), CJK counting three. */
function languageLetters(text: string): number {
  let letters = 0;
  for (const char of text.replace(URL_EMAIL_OR_NUMBER, ' ')) {
    if (SYLLABIC.test(char)) letters += 3;
    else if (LETTER.test(char)) letters += 1;
  }
  return letters;
}

function messageWeight(detection: LanguageDetection, text: string): number {
  if (!detection.language) return 0;
  // Text in a script none of the candidates use gets the first candidate as a fallback: no evidence.
  // (Compared as a string: older stored detections and detectors do not have this reason.)
  if ((detection.reason as string) === 'no-candidate-script') return WEIGHT_SHORT_GUESS;
  const letters = languageLetters(text);
  if (detection.confidence === 'high') return letters >= LONG_TEXT_LETTERS ? WEIGHT_CONFIDENT_LONG : WEIGHT_CONFIDENT;
  return letters < SHORT_TEXT_LETTERS ? WEIGHT_SHORT_GUESS : WEIGHT_GUESS;
}

/**
 * The candidates to detect this conversation's next message among, in preference order: the
 * conversation's current language first, so that a tie ("ok", where nothing decides) goes to it.
 * For callers that detect messages themselves and pass the detection to `addMessage`.
 */
export function detectionCandidates(state: ConversationLanguageState): SupportedLanguage[] {
  const base = state.candidates && state.candidates.length > 0 ? state.candidates : SUPPORTED_LANGUAGE_CODES;
  const first = state.evidence.current?.language;
  return first && base.includes(first) ? [first, ...base.filter((code) => code !== first)] : [...base];
}

function shouldSwitch(current: CurrentLanguageEvidence, challenger: ChallengerEvidence): boolean {
  return (
    challenger.weight > current.support ||
    (challenger.substantive >= SWITCH_SUBSTANTIVE_WITH_CONFIDENT && challenger.confident) ||
    challenger.substantive >= SWITCH_SUBSTANTIVE
  );
}

function applyLanguageEvidence(
  evidence: ConversationLanguageEvidence,
  language: SupportedLanguage,
  weight: number,
  confident: boolean,
): void {
  const substantive = weight >= WEIGHT_GUESS;
  const current = evidence.current;
  if (!current) {
    evidence.current = { language, support: weight, messageSupport: weight, messages: 1, confident };
    return;
  }
  if (language === current.language) {
    current.support += weight;
    current.messageSupport += weight;
    current.messages += 1;
    current.confident ||= confident;
    if (substantive) evidence.challenger = null;
    return;
  }
  const challenger = evidence.challenger;
  if (challenger && challenger.language === language) {
    challenger.weight += weight;
    challenger.messages += 1;
    challenger.substantive += substantive ? 1 : 0;
    challenger.confident ||= confident;
  } else if (!challenger || substantive) {
    evidence.challenger = { language, weight, messages: 1, substantive: substantive ? 1 : 0, confident };
  } else {
    return; // A short guess in a third language neither builds nor interrupts a challenger.
  }
  const next = evidence.challenger!;
  if (shouldSwitch(current, next)) {
    // Only a language that real messages had established was "switched from" (not a hint or a "hi").
    evidence.switchedFrom = current.messageSupport >= WEIGHT_GUESS ? current.language : null;
    evidence.current = {
      language: next.language,
      support: next.weight,
      messageSupport: next.weight,
      messages: next.messages,
      confident: next.confident,
    };
    evidence.challenger = null;
  }
}

function addMarkers(evidence: ConversationLanguageEvidence, found: readonly VariantMarker[]): void {
  const merged = dedupeMarkers([...evidence.markers, ...found]);
  const perVariant = new Map<VariantTag, number>();
  evidence.markers = merged.filter((marker) => {
    const count = (perVariant.get(marker.variant) ?? 0) + 1;
    perVariant.set(marker.variant, count);
    return count <= MAX_MARKERS_PER_VARIANT;
  });
}

// ---------------------------------------------------------------------------------------------
// Resolution: the visible fields, always recomputed from hints, evidence and override

/** A supported language and, where the tag names one, its variant ("pt-BR", "es-MX" → es-419, "zh-TW" → zh-Hant). */
export function parseLanguageTag(tag: string): { language: SupportedLanguage; variant: VariantTag | null } | null {
  const parsed = parseLocale(tag);
  if (!parsed || !isSupportedLanguage(parsed.language)) return null;
  return { language: parsed.language, variant: variantFromLocale(tag, parsed.language) };
}

const quote = (markers: readonly VariantMarker[]) =>
  markers
    .slice(0, 3)
    .map((m) => `'${m.marker}'`)
    .join(', ');
const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "'você', 'celular' (Brazil)", "…, as the customer's country (BR)", or "Brazil from the customer's country (BR)". */
function variantReason(
  variant: VariantTag,
  supporting: readonly VariantMarker[],
  hint: HintedVariant | null,
  hintAgrees: boolean,
  hintText: (from: HintSource, value: string) => string,
): string {
  if (supporting.length === 0) return `${variantRegionName(variant)} from ${hintText(hint!.from, hint!.value)}`;
  const fromMarkers = `${quote(supporting)} (${variantRegionName(variant)})`;
  return hintAgrees ? `${fromMarkers}, as ${hintText(hint!.from, hint!.value)}` : fromMarkers;
}

function resolve(state: Omit<ConversationLanguageState, ResolvedField>): ConversationLanguageState {
  const { evidence, hints, override } = state;

  if (override) {
    const parsed = parseLanguageTag(override)!;
    return {
      ...state,
      language: parsed.language,
      variant: parsed.variant,
      tag: parsed.variant ?? parsed.language,
      confidence: 'high',
      source: 'override',
      variantSource: parsed.variant ? 'override' : null,
      reason: 'set by the agent',
    };
  }

  const current = evidence.current;
  if (!current) {
    return {
      ...state,
      language: null,
      variant: null,
      tag: null,
      confidence: 'none',
      source: 'none',
      variantSource: null,
      reason: evidence.messages === 0 ? 'no messages yet' : 'no message with language content yet',
    };
  }

  const language = current.language;
  const hinted = hintedLanguage(hints, state.candidates);
  const fromMessages = current.messageSupport >= WEIGHT_GUESS || !hinted || hinted.language !== language;
  const pending = evidence.challenger && evidence.challenger.substantive > 0 ? evidence.challenger : null;

  // Variant: markers read in this language, plus the hint's weight.
  const markers = evidence.markers.filter((marker) => variantLanguage(marker.variant) === language);
  const weights = markerWeights(markers);
  const hint = hintedVariant(language, hints);
  if (hint) weights[hint.variant] = (weights[hint.variant] ?? 0) + hint.weight;
  const variant = decideVariant(language, weights);
  const supporting = markers.filter((marker) => marker.variant === variant);
  const hintAgrees = hint !== null && hint.variant === variant;
  const variantSource: ConversationLanguageState['variantSource'] = !variant
    ? null
    : supporting.length > 0
      ? hintAgrees
        ? 'markers+hints'
        : 'markers'
      : 'hints';

  const hintText = (from: HintSource, value: string) => `the ${HINT_LABELS[from]} (${value})`;
  const parts: string[] = [];
  if (!fromMessages) {
    // Hints only: one phrase when the same hint gives the language and the variant.
    const sameHint = variant && variantSource === 'hints' && hint!.from === hinted.from;
    const name = sameHint ? `${languageName(language)} (${variantRegionName(variant)})` : languageName(language);
    parts.push(`${name} from ${hintText(hinted.from, hinted.value)}`);
    if (variant && !sameHint) parts.push(variantReason(variant, supporting, hint, hintAgrees, hintText));
  } else {
    let first = `${plural(current.messages, 'message')} in ${languageName(language)}`;
    if (evidence.switchedFrom) first += ` (switched from ${languageName(evidence.switchedFrom)})`;
    parts.push(first);
    if (variant) parts.push(variantReason(variant, supporting, hint, hintAgrees, hintText));
  }
  if (!variant) {
    const sides = new Set(markers.map((marker) => marker.variant));
    if (hint) sides.add(hint.variant);
    if (sides.size > 1) {
      const shown = [quote(markers), hint ? hintText(hint.from, hint.value) : ''].filter(Boolean).join(' and ');
      parts.push(`variant unclear (${shown})`);
    }
  }
  if (pending) parts.push(`latest message in ${languageName(pending.language)}`);
  const reason = parts.join('; ');

  const confidence: ConversationLanguageState['confidence'] = !fromMessages
    ? 'low'
    : current.confident && !pending
      ? 'high'
      : 'low';

  return {
    ...state,
    language,
    variant,
    tag: variant ?? language,
    confidence,
    source: fromMessages ? 'messages' : 'hints',
    variantSource,
    reason,
  };
}

type ResolvedField = 'language' | 'variant' | 'tag' | 'confidence' | 'source' | 'variantSource' | 'reason';

function copyEvidence(evidence: ConversationLanguageEvidence): ConversationLanguageEvidence {
  return {
    messages: evidence.messages,
    current: evidence.current ? { ...evidence.current } : null,
    challenger: evidence.challenger ? { ...evidence.challenger } : null,
    switchedFrom: evidence.switchedFrom,
    markers: evidence.markers.map((marker) => ({ ...marker })),
  };
}

function cleanHints(hints: LanguageHints | undefined): LanguageHints {
  const clean: LanguageHints = {};
  for (const key of ['helpdeskLocale', 'storefrontLocale', 'customerCountry'] as const) {
    const value = hints?.[key];
    if (typeof value === 'string' && value.trim()) clean[key] = value.trim();
  }
  return clean;
}

// ---------------------------------------------------------------------------------------------
// API

/**
 * A new conversation's state. Hints give a low-confidence prior (language and variant); with no
 * usable hint the state says 'none' until a message carries language.
 */
export function createConversationState(
  hints?: LanguageHints,
  candidates?: readonly SupportedLanguage[],
): ConversationLanguageState {
  const cleanedHints = cleanHints(hints);
  const candidateList = candidates && candidates.length > 0 ? [...new Set(candidates)] : null;
  const hinted = hintedLanguage(cleanedHints, candidateList);
  return resolve({
    version: 1,
    override: null,
    hints: cleanedHints,
    candidates: candidateList,
    evidence: {
      messages: 0,
      current: hinted
        ? { language: hinted.language, support: HINT_SUPPORT, messageSupport: 0, messages: 0, confident: false }
        : null,
      challenger: null,
      switchedFrom: null,
      markers: [],
    },
  });
}

/**
 * The state after one more customer message. Pure: `state` is not changed. `detection` is the
 * message's detection when the caller already has it; otherwise the message is detected here,
 * among the state's candidates with the conversation's current language first.
 */
export function addMessage(
  state: ConversationLanguageState,
  text: string,
  detection?: LanguageDetection,
): ConversationLanguageState {
  const detected = detection ?? detectLanguage(text, { candidates: detectionCandidates(state) });
  const evidence = copyEvidence(state.evidence);
  evidence.messages += 1;
  if (detected.language) {
    applyLanguageEvidence(evidence, detected.language, messageWeight(detected, text), detected.confidence === 'high');
    // Markers are read in the detected language and, when that detection is not sure, in the
    // conversation's language too ("Valeu!" guessed as Spanish in a Portuguese conversation).
    const readIn = new Set<SupportedLanguage>([detected.language]);
    if (detected.confidence !== 'high' && evidence.current) readIn.add(evidence.current.language);
    addMarkers(evidence, [...readIn].flatMap((language) => findVariantMarkers(text, language)));
  }
  return resolve({ ...state, evidence });
}

/**
 * Sets the agent's choice ("pt-BR", "pt", "zh-Hant"; "es-MX" is stored as es-419, a region
 * without a variant here as the base language), or clears it with null. The override wins over
 * all evidence until cleared; evidence keeps accumulating underneath.
 * @throws RangeError when the tag's language is not supported.
 */
export function overrideLanguage(state: ConversationLanguageState, tag: string | null): ConversationLanguageState {
  if (tag === null) return resolve({ ...state, override: null });
  const parsed = parseLanguageTag(tag);
  if (!parsed) throw new RangeError(`Unsupported language tag: ${tag}`);
  return resolve({ ...state, override: parsed.variant ?? parsed.language });
}

/** The state after all `texts` (customer messages, oldest first). */
export function conversationLanguageFromMessages(
  texts: readonly string[],
  hints?: LanguageHints,
  candidates?: readonly SupportedLanguage[],
): ConversationLanguageState {
  return texts.reduce((state, text) => addMessage(state, text), createConversationState(hints, candidates));
}
