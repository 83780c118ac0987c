import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { marketRuleSetSchema, parseRuleSetFile, type MarketProfile, type MarketRuleSet } from './market-profile';
import { createStarterRuleSet } from './starter-markets';

/**
 * The market rules in force, from two places:
 * - `parleyMarkets` in `storage.local`: the set a lead edits in the options page or imports from a
 *   file (the starting markets until then);
 * - the browser's enterprise policy (`storage.managed`, key `marketRules`: the exported file as a
 *   string, see README): its markets replace the local ones with the same id, every rule locked,
 *   and nothing in the options page can change them.
 * Both are validated on every read; an invalid stored value never breaks Parley (the starting
 * markets stand in, with a warning).
 */
export const MARKETS_STORAGE_KEY = 'parleyMarkets';
export const MARKET_POLICY_KEY = 'marketRules';

const localItem = storage.defineItem<unknown>(`local:${MARKETS_STORAGE_KEY}`);

export interface MarketRules {
  ruleSet: MarketRuleSet;
  /** Ids of the markets the enterprise policy sets (read-only everywhere). */
  managedIds: string[];
  warnings: string[];
}

function parseStored(value: unknown, warnings: string[]): MarketRuleSet {
  if (value === undefined || value === null) return createStarterRuleSet();
  const result = marketRuleSetSchema.safeParse(value);
  if (result.success) return result.data;
  warnings.push(`${MARKETS_STORAGE_KEY}: ${result.error.issues[0]?.message ?? 'invalid'}; the starting markets are used`);
  return createStarterRuleSet();
}

async function readPolicy(warnings: string[]): Promise<MarketRuleSet | null> {
  let stored: unknown;
  try {
    stored = (await browser.storage.managed.get(MARKET_POLICY_KEY))[MARKET_POLICY_KEY];
  } catch {
    // No managed storage here (no policy, or a browser without it).
    return null;
  }
  if (typeof stored !== 'string' || stored.trim() === '') return null;
  const parsed = parseRuleSetFile(stored);
  if (parsed.ok) return parsed.ruleSet;
  warnings.push(`policy ${MARKET_POLICY_KEY}: ${parsed.reason}`);
  return null;
}

/** The policy's markets over the local ones: same id replaced, new ones added; all of them locked. */
export function applyPolicy(local: MarketRuleSet, policy: MarketRuleSet | null): { ruleSet: MarketRuleSet; managedIds: string[] } {
  if (!policy) return { ruleSet: local, managedIds: [] };
  const locked = policy.profiles.map((profile) => lockAll(profile));
  const managedIds = locked.map((profile) => profile.id);
  const kept = local.profiles.filter((profile) => !managedIds.includes(profile.id));
  // A policy default for a language wins over a local one.
  const managedDefaults = new Set(locked.filter((p) => p.defaultForLanguage).map((p) => p.language));
  const demoted = kept.map((profile) => (profile.defaultForLanguage && managedDefaults.has(profile.language) ? { ...profile, defaultForLanguage: false } : profile));
  const policyScenarioIds = new Set(policy.scenarios.map((scenario) => scenario.id));
  const scenarios = [...policy.scenarios, ...local.scenarios.filter((scenario) => !policyScenarioIds.has(scenario.id))];
  return { ruleSet: { ...local, profiles: [...locked, ...demoted], scenarios }, managedIds };
}

function lockAll(profile: MarketProfile): MarketProfile {
  const rules = Object.fromEntries(Object.entries(profile.rules).map(([id, rule]) => [id, { ...rule, locked: true }])) as MarketProfile['rules'];
  return { ...profile, rules };
}

export async function loadMarketRules(): Promise<MarketRules> {
  const warnings: string[] = [];
  const local = parseStored(await localItem.getValue(), warnings);
  const { ruleSet, managedIds } = applyPolicy(local, await readPolicy(warnings));
  return { ruleSet, managedIds, warnings };
}

/**
 * Saves the lead's set. Markets the policy manages are not stored locally (the policy is their only
 * source). Throws on an invalid set: the options page validates first, this is the last guard.
 */
export async function saveMarketRules(ruleSet: MarketRuleSet, managedIds: readonly string[] = []): Promise<void> {
  const local = { ...ruleSet, profiles: ruleSet.profiles.filter((profile) => !managedIds.includes(profile.id)) };
  await localItem.setValue(marketRuleSetSchema.parse(local));
}

/** Calls back when the local set or the policy changes. */
export function watchMarketRules(onChange: () => void): () => void {
  const stopLocal = localItem.watch(() => onChange());
  const onManaged = (changes: Record<string, unknown>) => {
    if (MARKET_POLICY_KEY in changes) onChange();
  };
  browser.storage.managed?.onChanged?.addListener(onManaged);
  return () => {
    stopLocal();
    browser.storage.managed?.onChanged?.removeListener(onManaged);
  };
}
