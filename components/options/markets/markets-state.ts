import { signal } from '@preact/signals';
import { i18n } from '@/services/i18n/i18n';
import { marketRuleSetSchema, parseRuleSetFile, serializeRuleSet, type MarketProfile, type MarketRuleSet, type MarketRules } from '@/services/markets/market-profile';
import { loadMarketRules, saveMarketRules, watchMarketRules } from '@/services/markets/market-store';
import { scenarioSchema, type PracticeScenario } from '@/services/practice/scenarios';

export type MarketsStatus = { kind: 'idle' } | { kind: 'saved' } | { kind: 'imported'; markets: number } | { kind: 'error'; message: string };

/**
 * The options page's market rules: the set in force (local edits over the starting markets, the
 * enterprise policy's markets on top, read-only), the market being edited, and export/import.
 * Locked rules and policy markets cannot be changed here: only a new file from the lead (import) or
 * the policy changes them.
 */
export function createMarketsState() {
  const ruleSet = signal<MarketRuleSet | null>(null);
  const managedIds = signal<string[]>([]);
  const warnings = signal<string[]>([]);
  const selectedId = signal<string>('de-DE');
  const status = signal<MarketsStatus>({ kind: 'idle' });
  /** What was saved last: a rule locked there stays locked, whatever the form says now. */
  let saved: MarketRuleSet | null = null;

  async function load() {
    const rules = await loadMarketRules();
    ruleSet.value = rules.ruleSet;
    saved = rules.ruleSet;
    managedIds.value = rules.managedIds;
    warnings.value = rules.warnings;
    if (!rules.ruleSet.profiles.some((p) => p.id === selectedId.value)) selectedId.value = rules.ruleSet.profiles[0]?.id ?? '';
  }

  function start(): () => void {
    void load();
    return watchMarketRules(() => void load());
  }

  const selected = (): MarketProfile | null => ruleSet.value?.profiles.find((p) => p.id === selectedId.value) ?? null;

  function isManaged(marketId: string): boolean {
    return managedIds.value.includes(marketId);
  }

  /** Whether a rule may be edited here: not set by the policy, not locked in the saved set. */
  function isEditable(marketId: string, ruleId: keyof MarketRules): boolean {
    if (isManaged(marketId)) return false;
    const stored = saved?.profiles.find((p) => p.id === marketId);
    return !stored?.rules[ruleId].locked;
  }

  function updateMarket(marketId: string, change: (market: MarketProfile) => MarketProfile) {
    const current = ruleSet.value;
    if (!current || isManaged(marketId)) return;
    ruleSet.value = { ...current, profiles: current.profiles.map((p) => (p.id === marketId ? change(p) : p)) };
    status.value = { kind: 'idle' };
  }

  function updateRule<K extends keyof MarketRules>(marketId: string, ruleId: K, change: Partial<MarketRules[K]>) {
    if (!isEditable(marketId, ruleId)) return;
    updateMarket(marketId, (market) => ({ ...market, rules: { ...market.rules, [ruleId]: { ...market.rules[ruleId], ...change } } }));
  }

  /** The lead's own practice scenarios (shared in the rules file): replaced by id, or added. */
  function putScenario(scenario: PracticeScenario): string | null {
    const current = ruleSet.value;
    if (!current) return null;
    const parsed = scenarioSchema.safeParse(scenario);
    if (!parsed.success) return `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`;
    ruleSet.value = { ...current, scenarios: [...current.scenarios.filter((s) => s.id !== parsed.data.id), parsed.data] };
    status.value = { kind: 'idle' };
    return null;
  }

  function removeScenario(id: string) {
    const current = ruleSet.value;
    if (!current) return;
    ruleSet.value = { ...current, scenarios: current.scenarios.filter((s) => s.id !== id) };
    status.value = { kind: 'idle' };
  }

  async function save() {
    const current = ruleSet.value;
    if (!current) return;
    const parsed = marketRuleSetSchema.safeParse(current);
    if (!parsed.success) {
      status.value = { kind: 'error', message: parsed.error.issues[0]?.message ?? 'invalid' };
      return;
    }
    await saveMarketRules(parsed.data, managedIds.value);
    saved = parsed.data;
    status.value = { kind: 'saved' };
  }

  /** The whole set as a file a lead shares (the policy's markets included, so the file is the full picture). */
  function exportFile(): string | null {
    return ruleSet.value ? serializeRuleSet(ruleSet.value) : null;
  }

  /** Replaces the set with a lead's file; a bad file is refused with its reason and nothing changes. */
  async function importFile(text: string) {
    const parsed = parseRuleSetFile(text);
    if (!parsed.ok) {
      status.value = { kind: 'error', message: i18n.t('options.markets_import_refused', [parsed.reason]) };
      return;
    }
    await saveMarketRules(parsed.ruleSet, managedIds.value);
    await load();
    status.value = { kind: 'imported', markets: parsed.ruleSet.profiles.length };
  }

  return { ruleSet, managedIds, warnings, selectedId, status, start, selected, isManaged, isEditable, updateMarket, updateRule, putScenario, removeScenario, save, exportFile, importFile };
}

export type MarketsState = ReturnType<typeof createMarketsState>;
