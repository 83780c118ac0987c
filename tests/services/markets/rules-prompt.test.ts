import { describe, expect, it } from 'vitest';
import type { MarketProfile } from '@/services/markets/market-profile';
import { marketPromptLines } from '@/services/markets/rules-prompt';
import { createStarterMarkets } from '@/services/markets/starter-markets';

const market = (id: string): MarketProfile => createStarterMarkets().find((m) => m.id === id)!;

function withGlossaryAndRequired(base: MarketProfile): MarketProfile {
  const copy = structuredClone(base);
  copy.rules.glossary.entries = [
    { source: 'refund', target: 'Erstattung' },
    { source: 'Parley Pro', target: null, note: 'product name' },
  ];
  copy.rules.requiredPhrases = {
    enabled: true,
    enforcement: 'block',
    locked: true,
    phrases: [{ phrase: 'Ihr Widerrufsrecht bleibt unberührt.', whenMentioned: ['Widerruf', 'Rückgabe'] }],
  };
  return copy;
}

describe('marketPromptLines', () => {
  it('turns the enabled rules into instructions, with the glossary as a sorted list', () => {
    const lines = marketPromptLines(withGlossaryAndRequired(market('de-DE')), 'suggestions');
    expect(lines[0]).toBe("The shop's rules for this market (follow them):");
    expect(lines).toContain('Address the customer formally with "Sie" (Ihnen, Ihr, Ihre), never "du".');
    expect(lines).toContain('Use no emoji.');
    expect(lines).toContain('When the reply mentions "Rückgabe", "Widerruf", include this text exactly: "Ihr Widerrufsrecht bleibt unberührt.".');
    const glossary = lines.indexOf('Glossary (follow exactly):');
    expect(lines.slice(glossary + 1, glossary + 3)).toEqual([
      '- "Parley Pro": keep exactly as written, never translate (product name)',
      '- "refund": translate as "Erstattung"',
    ]);
  });

  it('gives an outbound translation no rule that would add content, and only conditional formulas', () => {
    const lines = marketPromptLines(withGlossaryAndRequired(market('de-DE')), 'outbound-translation');
    expect(lines.some((l) => l.includes('apologis'))).toBe(false);
    expect(lines.some((l) => l.includes('Widerrufsrecht'))).toBe(false);
    expect(lines).toContain('If the reply greets the customer, use one of these greetings: "Guten Tag", "Hallo".');
    expect(lines).toContain('- "refund": translate as "Erstattung"');
  });

  it('leaves out disabled rules, and gives nothing without a market or without enabled rules', () => {
    const germany = market('de-DE');
    germany.rules.formality.enabled = false;
    expect(marketPromptLines(germany, 'rewrite').some((l) => l.includes('"Sie"'))).toBe(false);
    for (const rule of Object.values(germany.rules)) rule.enabled = false;
    expect(marketPromptLines(germany, 'suggestions')).toEqual([]);
    expect(marketPromptLines(null, 'suggestions')).toEqual([]);
  });

  it('reads Portuguese address by variant', () => {
    expect(marketPromptLines(market('pt-BR'), 'suggestions')[1]).toMatch(/"você" \(the standard in Brazil\)/);
    expect(marketPromptLines(market('pt-PT'), 'suggestions')[1]).toMatch(/third person.*avoid "você"/);
  });

  it('is deterministic: the same rules give the same lines, whatever the order of phrase lists', () => {
    const a = market('pt-BR');
    const b = structuredClone(a);
    b.rules.bannedPhrases.phrases.reverse();
    expect(marketPromptLines(b, 'suggestions')).toEqual(marketPromptLines(a, 'suggestions'));
  });
});
