import { describe, expect, it } from 'vitest';
import type { MarketProfile } from '@/services/markets/market-profile';
import { NO_RULES_FINGERPRINT, marketRulesFingerprint } from '@/services/markets/rules-fingerprint';
import { PROMPT_KINDS } from '@/services/markets/rules-prompt';
import { createStarterMarkets } from '@/services/markets/starter-markets';

const fresh = () => createStarterMarkets();
const byId = (markets: MarketProfile[], id: string) => markets.find((m) => m.id === id)!;

describe('marketRulesFingerprint', () => {
  it('is stable across calls and copies, and differs between markets and prompt kinds', () => {
    const germany = byId(fresh(), 'de-DE');
    expect(marketRulesFingerprint(germany, 'suggestions')).toBe(marketRulesFingerprint(byId(fresh(), 'de-DE'), 'suggestions'));
    expect(marketRulesFingerprint(germany, 'suggestions')).not.toBe(marketRulesFingerprint(byId(fresh(), 'fr-FR'), 'suggestions'));
    expect(marketRulesFingerprint(germany, 'suggestions')).not.toBe(marketRulesFingerprint(germany, 'outbound-translation'));
    expect(marketRulesFingerprint(germany, 'suggestions')).toMatch(/^market-rules-v1:[0-9a-f]{16}$/);
  });

  it('changes for France only when France’s rules change', () => {
    const before = fresh();
    const after = fresh();
    byId(after, 'fr-FR').rules.emoji.allowed = true;
    for (const kind of PROMPT_KINDS) {
      expect(marketRulesFingerprint(byId(after, 'de-DE'), kind)).toBe(marketRulesFingerprint(byId(before, 'de-DE'), kind));
    }
    expect(marketRulesFingerprint(byId(after, 'fr-FR'), 'suggestions')).not.toBe(marketRulesFingerprint(byId(before, 'fr-FR'), 'suggestions'));
  });

  it('ignores what reaches no prompt: enforcement, locks, the meaning check and the culture note', () => {
    const before = byId(fresh(), 'de-DE');
    const after = structuredClone(before);
    after.rules.formality.enforcement = 'warn';
    after.rules.emoji.locked = true;
    after.rules.meaning.enabled = false;
    after.cultureNote = 'Something else entirely.';
    after.name = 'Deutschland';
    for (const kind of PROMPT_KINDS) expect(marketRulesFingerprint(after, kind)).toBe(marketRulesFingerprint(before, kind));
  });

  it('changes only the kinds a rule shapes: an apology style is not part of outbound translation', () => {
    const before = byId(fresh(), 'de-DE');
    const after = structuredClone(before);
    after.rules.apology.style = 'brief';
    expect(marketRulesFingerprint(after, 'suggestions')).not.toBe(marketRulesFingerprint(before, 'suggestions'));
    expect(marketRulesFingerprint(after, 'rewrite')).not.toBe(marketRulesFingerprint(before, 'rewrite'));
    expect(marketRulesFingerprint(after, 'outbound-translation')).toBe(marketRulesFingerprint(before, 'outbound-translation'));
  });

  it('changes with the glossary, not with its order', () => {
    const before = byId(fresh(), 'de-DE');
    before.rules.glossary.entries = [{ source: 'refund', target: 'Erstattung' }, { source: 'voucher', target: 'Gutschein' }];
    const reordered = structuredClone(before);
    reordered.rules.glossary.entries.reverse();
    const changed = structuredClone(before);
    changed.rules.glossary.entries[0]!.target = 'Rückerstattung';
    expect(marketRulesFingerprint(reordered, 'outbound-translation')).toBe(marketRulesFingerprint(before, 'outbound-translation'));
    expect(marketRulesFingerprint(changed, 'outbound-translation')).not.toBe(marketRulesFingerprint(before, 'outbound-translation'));
  });

  it('has one value for "no rules": no market, or every rule off', () => {
    const silent = byId(fresh(), 'en-US');
    for (const rule of Object.values(silent.rules)) rule.enabled = false;
    expect(marketRulesFingerprint(null, 'suggestions')).toBe(NO_RULES_FINGERPRINT);
    expect(marketRulesFingerprint(silent, 'rewrite')).toBe(NO_RULES_FINGERPRINT);
  });
});
