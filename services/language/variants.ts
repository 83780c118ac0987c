import type { SupportedLanguage } from './supported-languages';
import { SIMPLIFIED_ONLY, TRADITIONAL_ONLY } from './variants/han-characters';
import { LATIN_MARKER_RULES, type MarkerRule } from './variants/latin-markers';

/**
 * Regional variants Parley tells apart, from evidence in the customer's own words (vocabulary,
 * forms of address, verb constructions, script) and from hints (country, locales). Where there is
 * no evidence, or the evidence disagrees, the answer is the base language: never a guess.
 */

export const LANGUAGE_VARIANTS = {
  pt: ['pt-BR', 'pt-PT'],
  es: ['es-ES', 'es-419'],
  fr: ['fr-FR', 'fr-CA'],
  zh: ['zh-Hans', 'zh-Hant'],
  en: ['en-US', 'en-GB'],
} as const satisfies Partial<Record<SupportedLanguage, readonly [string, string]>>;

export type LanguageWithVariants = keyof typeof LANGUAGE_VARIANTS;
export type VariantTag = (typeof LANGUAGE_VARIANTS)[LanguageWithVariants][number];

/** One piece of evidence found in a text. `marker` is the text as the customer wrote it (lower-cased). */
export interface VariantMarker {
  variant: VariantTag;
  marker: string;
  /** 2: hardly ever written in the other variant; 1: only more frequent in this one. */
  weight: number;
}

export interface VariantDetection {
  /** Null when nothing in the text points to a variant, or the evidence conflicts. */
  variant: VariantTag | null;
  /** The markers behind `variant`; when it is null, all markers found (so conflicts can be shown). */
  markers: string[];
}

/** A variant wins when its evidence is at least this many times the other one's. */
export const VARIANT_DOMINANCE = 2;

const VARIANT_REGION_NAMES: Record<VariantTag, string> = {
  'pt-BR': 'Brazil',
  'pt-PT': 'Portugal',
  'es-ES': 'Spain',
  'es-419': 'Latin America',
  'fr-FR': 'France',
  'fr-CA': 'Canada',
  'zh-Hans': 'Simplified',
  'zh-Hant': 'Traditional',
  'en-US': 'US',
  'en-GB': 'UK',
};

export function hasVariants(language: SupportedLanguage): language is LanguageWithVariants {
  return language in LANGUAGE_VARIANTS;
}

export function isVariantTag(tag: string): tag is VariantTag {
  return tag in VARIANT_REGION_NAMES;
}

/** A short English name for the side panel: "Brazil", "Latin America", "Traditional". */
export function variantRegionName(variant: VariantTag): string {
  return VARIANT_REGION_NAMES[variant];
}

export function variantLanguage(variant: VariantTag): LanguageWithVariants {
  return variant.split('-')[0] as LanguageWithVariants;
}

// ---------------------------------------------------------------------------------------------
// Text preparation

const URL_OR_EMAIL = /(?:\b[a-z][a-z0-9+.-]*:\/\/|\bwww\.)[^\s<>"]+|[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/giu;
const MARKS = /\p{M}/gu;

/**
 * Lower-cases and removes accents one character at a time, so that every index in the result is
 * the same index in the input and a match can be reported as the customer wrote it.
 */
function foldKeepingLength(text: string): string {
  let folded = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    const bare = lower.normalize('NFD').replace(MARKS, '');
    folded += bare.length === char.length ? bare : lower.length === char.length ? lower : char;
  }
  return folded;
}

function lowerKeepingLength(text: string): string {
  let lowered = '';
  for (const char of text) {
    const lower = char.toLowerCase();
    lowered += lower.length === char.length ? lower : char;
  }
  return lowered;
}

interface PreparedText {
  /** NFC, straight apostrophes, URLs and e-mail addresses blanked out. */
  original: string;
  lower: string;
  folded: string;
}

function prepare(text: string): PreparedText {
  const original = text
    .normalize('NFC')
    .replace(/[’ʼ‘`´]/gu, "'")
    .replace(URL_OR_EMAIL, (match) => ' '.repeat(match.length));
  return { original, lower: lowerKeepingLength(original), folded: foldKeepingLength(original) };
}

// ---------------------------------------------------------------------------------------------
// Latin-script rules

interface CompiledRule {
  variant: VariantTag;
  weight: number;
  regex: RegExp;
  on: keyof PreparedText;
}

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');

function wordSource(word: string, fold: boolean): string {
  const form = fold ? foldKeepingLength(word.normalize('NFC')) : word.normalize('NFC').toLowerCase();
  return form
    .split(/([\s-])/u)
    .map((part) => (part === ' ' ? '\\s+' : part === '-' ? '[-\\s]?' : escapeRegex(part)))
    .join('');
}

/**
 * One regular expression per word (not one alternation per list: "my cell" would consume the
 * start of "my cell phone" and hide "cell phone"), and one per construction.
 */
function compile(rule: MarkerRule): CompiledRule[] {
  const fold = !rule.exactAccents && !rule.caseSensitive;
  const sources = rule.words ? rule.words.map((word) => wordSource(word, fold)) : [rule.pattern?.source ?? '(?!)'];
  return sources.map((inner) => ({
    variant: rule.variant,
    weight: rule.weight,
    regex: new RegExp(rule.symbol ? inner : `(?<![\\p{L}\\p{N}])(?:${inner})(?![\\p{L}\\p{N}])`, 'gu'),
    on: rule.caseSensitive ? 'original' : rule.exactAccents ? 'lower' : 'folded',
  }));
}

const compiledRules = new Map<LanguageWithVariants, CompiledRule[]>();
function rulesFor(language: 'pt' | 'es' | 'fr' | 'en'): CompiledRule[] {
  let rules = compiledRules.get(language);
  if (!rules) {
    rules = (LATIN_MARKER_RULES[language] ?? []).flatMap(compile);
    compiledRules.set(language, rules);
  }
  return rules;
}

function latinMarkers(text: string, language: 'pt' | 'es' | 'fr' | 'en'): VariantMarker[] {
  const prepared = prepare(text);
  const matches: Array<VariantMarker & { start: number; end: number }> = [];
  for (const rule of rulesFor(language)) {
    for (const match of prepared[rule.on].matchAll(rule.regex)) {
      const start = match.index;
      const end = start + match[0].length;
      const marker = prepared.original.slice(start, end).toLowerCase().replace(/\s+/gu, ' ').trim();
      if (marker) matches.push({ variant: rule.variant, marker, weight: rule.weight, start, end });
    }
  }
  // One expression is one piece of evidence: of overlapping matches for the same variant ("my cell
  // phone": "my cell", "cell phone"; "estás a ver": "estás"), only the heaviest, then longest, counts.
  matches.sort((a, b) => b.weight - a.weight || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: typeof matches = [];
  for (const match of matches) {
    const overlaps = kept.some((k) => k.variant === match.variant && k.start < match.end && match.start < k.end);
    if (!overlaps) kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start).map(({ variant, marker, weight }) => ({ variant, marker, weight }));
}

// ---------------------------------------------------------------------------------------------
// Chinese script

function hanMarkers(text: string): VariantMarker[] {
  const found: VariantMarker[] = [];
  for (const char of text) {
    if (SIMPLIFIED_ONLY.has(char)) found.push({ variant: 'zh-Hans', marker: char, weight: 1 });
    else if (TRADITIONAL_ONLY.has(char)) found.push({ variant: 'zh-Hant', marker: char, weight: 1 });
  }
  return found;
}

// ---------------------------------------------------------------------------------------------

/**
 * All variant evidence in one text written in `language`, each marker once (a marker matched by
 * two rules keeps the higher weight). Empty for languages without variants here.
 */
export function findVariantMarkers(text: string, language: SupportedLanguage): VariantMarker[] {
  if (!hasVariants(language)) return [];
  const all = language === 'zh' ? hanMarkers(text) : latinMarkers(text, language);
  return dedupeMarkers(all);
}

/** One entry per (variant, marker), with the highest weight seen. */
export function dedupeMarkers(markers: readonly VariantMarker[]): VariantMarker[] {
  const byKey = new Map<string, VariantMarker>();
  for (const marker of markers) {
    const key = `${marker.variant}\u0000${marker.marker}`;
    const known = byKey.get(key);
    if (!known || known.weight < marker.weight) byKey.set(key, { ...marker });
  }
  return [...byKey.values()];
}

/**
 * The variant a body of evidence points to: the side whose weight is at least VARIANT_DOMINANCE
 * times the other's (and above zero). Equal or close evidence on both sides is a conflict: null.
 */
export function decideVariant(
  language: SupportedLanguage,
  weights: Partial<Record<VariantTag, number>>,
): VariantTag | null {
  if (!hasVariants(language)) return null;
  const [first, second] = LANGUAGE_VARIANTS[language];
  const a = weights[first] ?? 0;
  const b = weights[second] ?? 0;
  if (a > 0 && a >= VARIANT_DOMINANCE * b) return first;
  if (b > 0 && b >= VARIANT_DOMINANCE * a) return second;
  return null;
}

export function markerWeights(markers: readonly VariantMarker[]): Partial<Record<VariantTag, number>> {
  const weights: Partial<Record<VariantTag, number>> = {};
  for (const { variant, weight } of markers) weights[variant] = (weights[variant] ?? 0) + weight;
  return weights;
}

/**
 * The regional variant of one text in `language`, from the markers it carries.
 * No marker, or markers of both variants without a clear winner → `variant: null`.
 */
export function detectVariant(text: string, language: SupportedLanguage): VariantDetection {
  const markers = findVariantMarkers(text, language);
  const variant = decideVariant(language, markerWeights(markers));
  return {
    variant,
    markers: (variant ? markers.filter((m) => m.variant === variant) : markers).map((m) => m.marker),
  };
}

// ---------------------------------------------------------------------------------------------
// Hints: countries and locales

/**
 * Countries whose customers write one variant. Following CLDR's parent locales: es-MX, es-AR,
 * es-US… descend from es-419, and pt-AO, pt-MZ… from pt-PT. French outside France and Canada
 * (Belgium, Switzerland) and English outside the US and the UK (Ireland, Australia, Canada, India)
 * have forms of their own, so those countries give no variant rather than a wrong one.
 */
const COUNTRY_VARIANTS: Partial<Record<LanguageWithVariants, Partial<Record<VariantTag, readonly string[]>>>> = {
  pt: { 'pt-BR': ['BR'], 'pt-PT': ['PT', 'AO', 'MZ', 'CV', 'GW', 'ST', 'TL', 'MO', 'LU', 'CH'] },
  es: {
    'es-ES': ['ES'],
    'es-419': ['MX', 'AR', 'BO', 'CL', 'CO', 'CR', 'CU', 'DO', 'EC', 'GT', 'HN', 'NI', 'PA', 'PE', 'PR', 'PY', 'SV', 'US', 'UY', 'VE', 'BZ'],
  },
  fr: { 'fr-FR': ['FR', 'MC'], 'fr-CA': ['CA'] },
  zh: { 'zh-Hans': ['CN', 'SG', 'MY'], 'zh-Hant': ['TW', 'HK', 'MO'] },
  en: { 'en-US': ['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM'], 'en-GB': ['GB', 'IM', 'JE', 'GG'] },
};

/** The variant customers of `country` (ISO 3166 alpha-2) write `language` in, or null. */
export function variantFromCountry(language: SupportedLanguage, country: string): VariantTag | null {
  if (!hasVariants(language)) return null;
  const code = country.trim().toUpperCase();
  for (const [variant, countries] of Object.entries(COUNTRY_VARIANTS[language] ?? {}) as Array<[VariantTag, readonly string[]]>) {
    if (countries.includes(code)) return variant;
  }
  return null;
}

/** Parses a BCP-47-ish locale ("pt-BR", "pt_br", "zh-Hant-TW", "es-419"); null when invalid. */
export function parseLocale(locale: string): Intl.Locale | null {
  try {
    return new Intl.Locale(locale.trim().replace(/_/gu, '-'));
  } catch {
    return null;
  }
}

/**
 * The variant a locale names, for `language` (default: the locale's own language): its script for
 * Chinese ("zh-Hant", or the script usual in its region: "zh-TW" → zh-Hant), otherwise its region
 * ("pt-BR", "es-MX" → es-419, "es-419"). A bare language ("pt", "zh") names no variant.
 */
export function variantFromLocale(locale: string, language?: SupportedLanguage): VariantTag | null {
  const parsed = parseLocale(locale);
  if (!parsed) return null;
  const base = language ?? parsed.language;
  if (parsed.language !== base) return null;
  if (base === 'zh') {
    const script =
      parsed.script ?? (parsed.region ? new Intl.Locale(`zh-${parsed.region}`).maximize().script : undefined);
    return script === 'Hans' ? 'zh-Hans' : script === 'Hant' ? 'zh-Hant' : null;
  }
  if (!parsed.region) return null;
  if (base === 'es' && parsed.region === '419') return 'es-419';
  return variantFromCountry(base as SupportedLanguage, parsed.region);
}
