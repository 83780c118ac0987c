import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { serializeRuleSet } from '@/services/markets/market-profile';
import { applyPolicy, loadMarketRules, MARKETS_STORAGE_KEY, saveMarketRules } from '@/services/markets/market-store';
import { createStarterRuleSet } from '@/services/markets/starter-markets';

function policyWithGermany() {
  const policy = createStarterRuleSet();
  const germany = policy.profiles.find((p) => p.id === 'de-DE')!;
  germany.cultureNote = 'From head office.';
  return { ...policy, profiles: [germany] };
}

describe('market store', () => {
  it('starts from the starting markets, then keeps what a lead saves', async () => {
    const initial = await loadMarketRules();
    expect(initial.ruleSet.profiles.map((p) => p.id)).toContain('pt-BR');
    expect(initial.managedIds).toEqual([]);
    const edited = structuredClone(initial.ruleSet);
    edited.profiles.find((p) => p.id === 'fr-FR')!.rules.emoji.allowed = true;
    await saveMarketRules(edited);
    expect((await loadMarketRules()).ruleSet.profiles.find((p) => p.id === 'fr-FR')!.rules.emoji.allowed).toBe(true);
  });

  it('falls back to the starting markets, with a warning, when the stored value is invalid', async () => {
    await fakeBrowser.storage.local.set({ [MARKETS_STORAGE_KEY]: { format: 'parley-market-rules', version: 1, profiles: 'nope' } });
    const loaded = await loadMarketRules();
    expect(loaded.ruleSet.profiles.length).toBe(createStarterRuleSet().profiles.length);
    expect(loaded.warnings[0]).toMatch(/^parleyMarkets: .*starting markets are used$/);
  });

  it("puts the policy's markets over the local ones, every rule locked, and never stores them locally", () => {
    const local = createStarterRuleSet();
    const { ruleSet, managedIds } = applyPolicy(local, policyWithGermany());
    expect(managedIds).toEqual(['de-DE']);
    const germany = ruleSet.profiles.find((p) => p.id === 'de-DE')!;
    expect(germany.cultureNote).toBe('From head office.');
    expect(Object.values(germany.rules).every((rule) => rule.locked)).toBe(true);
    expect(ruleSet.profiles.filter((p) => p.id === 'de-DE')).toHaveLength(1);
    expect(ruleSet.profiles.find((p) => p.id === 'fr-FR')!.rules.formality.locked).toBe(false);
  });

  it('reads the policy from managed storage, and reports an invalid one without using it', async () => {
    const managed = fakeBrowser.storage.managed as unknown as { get(key: string): Promise<Record<string, unknown>> };
    managed.get = async () => ({ marketRules: serializeRuleSet(policyWithGermany()) });
    const loaded = await loadMarketRules();
    expect(loaded.managedIds).toEqual(['de-DE']);
    await saveMarketRules(loaded.ruleSet, loaded.managedIds);
    const stored = (await fakeBrowser.storage.local.get(MARKETS_STORAGE_KEY))[MARKETS_STORAGE_KEY] as { profiles: Array<{ id: string }> };
    expect(stored.profiles.some((p) => p.id === 'de-DE')).toBe(false);

    managed.get = async () => ({ marketRules: '{"format":"something-else"}' });
    const refused = await loadMarketRules();
    expect(refused.managedIds).toEqual([]);
    expect(refused.warnings[0]).toContain('policy marketRules: This is not a Parley market rules file');
  });
});
