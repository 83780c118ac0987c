import { z } from 'zod';
import { SUPPORTED_LANGUAGE_CODES } from '@/services/language/supported-languages';
import { scenarioSchema } from '@/services/practice/scenarios';

/**
 * A market: the customers Parley answers in one language and regional variant (optionally one
 * country or store), with the tone rules a team lead sets for them. Every rule can be switched on
 * and off on its own, says whether a failed check warns or blocks, and can be locked so agents see
 * it but cannot change it. The whole set travels as one JSON file (export/import) and through the
 * browser's enterprise policy, so everything here is plain JSON, validated on the way in.
 */

export const RULE_ENFORCEMENTS = ['warn', 'block'] as const;
export type RuleEnforcement = (typeof RULE_ENFORCEMENTS)[number];

/** What every rule carries, whatever it says. */
const ruleControls = {
  /** Off: the rule shapes no prompt and no check. */
  enabled: z.boolean(),
  /** What a failed check does before a reply goes into the composer: show a warning, or refuse. */
  enforcement: z.enum(RULE_ENFORCEMENTS),
  /** Set by a lead: agents see the rule but cannot edit or switch it off. */
  locked: z.boolean(),
};

const phrase = z.string().trim().min(1).max(500);
const shortText = z.string().trim().max(2000);

export const FORMALITY_REGISTERS = ['formal', 'informal'] as const;
export type FormalityRegister = (typeof FORMALITY_REGISTERS)[number];

export const APOLOGY_STYLES = ['brief', 'sincere', 'deferential'] as const;
export type ApologyStyle = (typeof APOLOGY_STYLES)[number];

export const marketRulesSchema = z.object({
  /** How the customer is addressed: Sie / vous / usted / keigo… (formal) or du / tu / tú… (informal). */
  formality: z.object({ ...ruleControls, register: z.enum(FORMALITY_REGISTERS) }),
  /** Greetings replies open with; the first is preferred. */
  greeting: z.object({ ...ruleControls, formulas: z.array(phrase).max(20) }),
  /** Closing formulas replies end with; the first is preferred. */
  closing: z.object({ ...ruleControls, formulas: z.array(phrase).max(20) }),
  /** Whether replies may contain emoji. */
  emoji: z.object({ ...ruleControls, allowed: z.boolean() }),
  /** How to apologise: one short sentence, a sincere acknowledgement, or a deferential apology (Japan). */
  apology: z.object({ ...ruleControls, style: z.enum(APOLOGY_STYLES), note: shortText.default('') }),
  /** Phrases a reply must never contain, each with why and, optionally, what to say instead. */
  bannedPhrases: z.object({
    ...ruleControls,
    phrases: z
      .array(z.object({ phrase, reason: shortText.default(''), instead: z.string().trim().max(500).nullable().default(null) }))
      .max(200),
  }),
  /**
   * Phrases a reply must contain (legal text, a mandatory notice). With `whenMentioned`, only when
   * the reply mentions one of those words ("Widerruf" only in replies about returns); without, always.
   */
  requiredPhrases: z.object({
    ...ruleControls,
    phrases: z.array(z.object({ phrase, whenMentioned: z.array(phrase).max(20).default([]) })).max(50),
  }),
  /**
   * Terms with a fixed translation. `target: null`: a brand or product name that must stay exactly
   * as written ("Parley Pro"); otherwise the preferred translation of `source` (in the agent's
   * language) in this market's language.
   */
  glossary: z.object({
    ...ruleControls,
    entries: z.array(z.object({ source: phrase, target: phrase.nullable(), note: z.string().trim().max(500).optional() })).max(500),
  }),
  /** Free text for the model, as a lead would brief a new agent. */
  guidance: z.object({ ...ruleControls, text: shortText }),
  /** Facts in the agent's draft (amounts, dates, order ids, negations…) must survive translation. Check only. */
  meaning: z.object(ruleControls),
});
export type MarketRules = z.infer<typeof marketRulesSchema>;
export type MarketRuleId = keyof MarketRules;

/** In the order the options page lists them and the checks report them. */
export const MARKET_RULE_IDS = [
  'formality',
  'greeting',
  'closing',
  'emoji',
  'apology',
  'bannedPhrases',
  'requiredPhrases',
  'glossary',
  'guidance',
  'meaning',
] as const satisfies readonly MarketRuleId[];

/** Rules with a hard check before insertion; the others only shape prompts, so their `enforcement` has no effect. */
export const CHECKED_RULE_IDS = [
  'formality',
  'emoji',
  'bannedPhrases',
  'requiredPhrases',
  'glossary',
  'meaning',
] as const satisfies readonly MarketRuleId[];
export type CheckedRuleId = (typeof CHECKED_RULE_IDS)[number];

/** "de-DE", "es-MX", "pt-BR", "zh-TW", or a lead's own id such as "de-DE-b2b". */
const MARKET_ID = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/u;
const COUNTRY = /^[A-Z]{2}$/u;

function isLocaleTag(tag: string): boolean {
  try {
    return new Intl.Locale(tag).toString().length > 0;
  } catch {
    return false;
  }
}

export const marketProfileSchema = z
  .object({
    id: z.string().trim().regex(MARKET_ID, 'must look like "de-DE" (language, then region or a suffix of your own)').max(40),
    /** What agents see: "Germany", "Mexico (B2B)". */
    name: z.string().trim().min(1).max(80),
    language: z.enum(SUPPORTED_LANGUAGE_CODES),
    /** BCP-47 regional variant (pt-BR, es-MX, zh-TW), or null when the market is the language as a whole. */
    variant: z.string().trim().refine(isLocaleTag, 'must be a BCP-47 tag such as "pt-BR"').nullable(),
    /** This market is used for the language when the conversation shows no variant (one per language). */
    defaultForLanguage: z.boolean().default(false),
    /** ISO 3166 alpha-2 codes of customers' countries this market is for (picks it over others of the language). */
    customerCountries: z.array(z.string().trim().toUpperCase().regex(COUNTRY, 'must be a two-letter country code')).max(60).default([]),
    /** Store identifiers (shop domain or helpdesk brand) this market is for. */
    stores: z.array(z.string().trim().min(1).max(200)).max(60).default([]),
    rules: marketRulesSchema,
    /** A few sentences agents read about the market's customers: directness, forms of address, apologies, holidays. */
    cultureNote: shortText.default(''),
  })
  .superRefine((profile, context) => {
    if (profile.variant !== null && new Intl.Locale(profile.variant).language !== profile.language) {
      context.addIssue({ code: 'custom', path: ['variant'], message: `is not a variant of "${profile.language}"` });
    }
  });
export type MarketProfile = z.infer<typeof marketProfileSchema>;
export type MarketProfileInput = z.input<typeof marketProfileSchema>;

// ---------------------------------------------------------------------------------------------
// The rule set: what a lead exports, imports and pushes through policy

/** Marks Parley's rule files, so a settings file or some other JSON is refused with a clear reason. */
export const RULE_SET_FORMAT = 'parley-market-rules';
/** Version of this file format; a later version is refused rather than half understood. */
export const RULE_SET_VERSION = 1;

export const marketRuleSetSchema = z
  .object({
    format: z.literal(RULE_SET_FORMAT),
    version: z.literal(RULE_SET_VERSION),
    profiles: z.array(marketProfileSchema).max(200),
    /** The lead's own practice scenarios (services/practice), shared in the same file as the rules. */
    scenarios: z.array(scenarioSchema).max(100).default([]),
  })
  .superRefine((ruleSet, context) => {
    const seen = new Set<string>();
    const defaults = new Map<string, string>();
    ruleSet.profiles.forEach((profile, index) => {
      if (seen.has(profile.id)) {
        context.addIssue({ code: 'custom', path: ['profiles', index, 'id'], message: `"${profile.id}" is used by two markets` });
      }
      seen.add(profile.id);
      if (!profile.defaultForLanguage) return;
      const other = defaults.get(profile.language);
      if (other) {
        context.addIssue({
          code: 'custom',
          path: ['profiles', index, 'defaultForLanguage'],
          message: `"${profile.id}" and "${other}" are both the default market for "${profile.language}"`,
        });
      }
      defaults.set(profile.language, profile.id);
    });
  });
export type MarketRuleSet = z.infer<typeof marketRuleSetSchema>;

export type RuleSetParseResult = { ok: true; ruleSet: MarketRuleSet } | { ok: false; reason: string };

/** At most this many problems are listed in a refusal: enough to fix a file, short enough to read. */
const MAX_REASONS = 5;

function describePath(path: ReadonlyArray<PropertyKey>, profiles: unknown): string {
  if (path.length === 0) return 'the file';
  const parts: string[] = [];
  let rest = path;
  if (path[0] === 'profiles' && typeof path[1] === 'number') {
    const profile = Array.isArray(profiles) ? (profiles[path[1]] as { id?: unknown } | undefined) : undefined;
    parts.push(typeof profile?.id === 'string' ? `market "${profile.id}"` : `market #${path[1] + 1}`);
    rest = path.slice(2);
  }
  if (rest.length > 0) parts.push(rest.map(String).join('.'));
  return parts.join(': ');
}

/**
 * Reads an exported rule file. Never throws: a bad file gives `{ok: false, reason}` with a reason a
 * lead can act on ("market "fr-FR": rules.emoji.allowed: expected boolean"), and the caller saves
 * nothing, so the rules in force stay as they were.
 */
export function parseRuleSetFile(json: string): RuleSetParseResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    return { ok: false, reason: `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, reason: 'The file does not hold a rule set: expected a JSON object.' };
  }
  const record = data as Record<string, unknown>;
  if (record.format !== RULE_SET_FORMAT) {
    return { ok: false, reason: `This is not a Parley market rules file ("format" must be "${RULE_SET_FORMAT}").` };
  }
  if (typeof record.version === 'number' && record.version > RULE_SET_VERSION) {
    return {
      ok: false,
      reason: `The file was written by a newer Parley (format version ${record.version}; this one reads version ${RULE_SET_VERSION}). Update Parley first.`,
    };
  }
  const result = marketRuleSetSchema.safeParse(data);
  if (result.success) return { ok: true, ruleSet: result.data };
  const problems = result.error.issues.slice(0, MAX_REASONS).map((issue) => `${describePath(issue.path, record.profiles)}: ${issue.message}`);
  const more = result.error.issues.length - problems.length;
  return {
    ok: false,
    reason: `The rule set is invalid: ${problems.join('; ')}${more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : ''}.`,
  };
}

/** The JSON a lead exports: stable key order (the schema's), indented for reading and diffing. */
export function serializeRuleSet(ruleSet: MarketRuleSet): string {
  return `${JSON.stringify(marketRuleSetSchema.parse(ruleSet), null, 2)}\n`;
}
