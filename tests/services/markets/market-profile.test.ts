import { describe, expect, it } from 'vitest';
import { RULE_SET_FORMAT, marketProfileSchema, parseRuleSetFile, serializeRuleSet, type MarketRuleSet } from '@/services/markets/market-profile';
import { createStarterRuleSet } from '@/services/markets/starter-markets';

const exported = () => JSON.parse(serializeRuleSet(createStarterRuleSet())) as { profiles: Array<Record<string, unknown>> } & Record<string, unknown>;

function refusal(json: string): string {
  const result = parseRuleSetFile(json);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.reason;
}

describe('market rule set files', () => {
  it('reads back exactly what it exported', () => {
    const ruleSet = createStarterRuleSet();
    const result = parseRuleSetFile(serializeRuleSet(ruleSet));
    expect(result).toEqual({ ok: true, ruleSet });
  });

  it('refuses what is not JSON, not an object, or not a Parley rules file, saying which', () => {
    expect(refusal('{"format": ')).toMatch(/^The file is not valid JSON/);
    expect(refusal('[1, 2]')).toMatch(/expected a JSON object/);
    expect(refusal(JSON.stringify({ provider: { kind: 'openai' } }))).toMatch(/not a Parley market rules file/);
  });

  it('refuses a file from a newer Parley rather than half reading it', () => {
    expect(refusal(JSON.stringify({ ...exported(), version: 2 }))).toMatch(/newer Parley \(format version 2/);
  });

  it('names the market and the field of an invalid value', () => {
    const file = exported();
    const france = file.profiles.find((p) => p.id === 'fr-FR')! as { rules: { emoji: Record<string, unknown> } };
    france.rules.emoji.enforcement = 'shout';
    expect(refusal(JSON.stringify(file))).toMatch(/market "fr-FR": rules\.emoji\.enforcement/);
  });

  it('refuses two markets with one id, and two default markets for one language', () => {
    const duplicate = exported();
    duplicate.profiles.push({ ...duplicate.profiles[0]! });
    expect(refusal(JSON.stringify(duplicate))).toMatch(/"de-DE" is used by two markets/);

    const twoDefaults = exported();
    const mexico = twoDefaults.profiles.find((p) => p.id === 'es-MX')!;
    mexico.defaultForLanguage = true;
    expect(refusal(JSON.stringify(twoDefaults))).toMatch(/"es-MX" and "es-ES" are both the default market for "es"/);
  });

  it('lists at most five problems and counts the rest', () => {
    const file = exported();
    for (const profile of file.profiles) (profile as { name: unknown }).name = 42;
    expect(refusal(JSON.stringify(file))).toMatch(/; and 12 more problems\.$/);
  });

  it('rejects a variant of another language and an unsupported language', () => {
    const [germany] = createStarterRuleSet().profiles;
    expect(marketProfileSchema.safeParse({ ...germany, variant: 'pt-BR' }).success).toBe(false);
    expect(marketProfileSchema.safeParse({ ...germany, language: 'xx' }).success).toBe(false);
    expect(marketProfileSchema.safeParse({ ...germany, variant: 'de-AT' }).success).toBe(true);
  });

  it('fills optional fields with their defaults', () => {
    const ruleSet: MarketRuleSet = createStarterRuleSet();
    const minimal = JSON.parse(serializeRuleSet(ruleSet)) as { format: string; profiles: Array<Record<string, unknown>> };
    const profile = minimal.profiles[0]!;
    delete profile.stores;
    delete profile.customerCountries;
    delete profile.cultureNote;
    const result = parseRuleSetFile(JSON.stringify({ ...minimal, format: RULE_SET_FORMAT }));
    expect(result.ok && result.ruleSet.profiles[0]).toMatchObject({ stores: [], customerCountries: [], cultureNote: '' });
  });
});
