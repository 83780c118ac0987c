import { describe, expect, it } from 'vitest';
import { marketRuleSetSchema } from '@/services/markets/market-profile';
import { STARTER_MARKET_IDS, createStarterMarkets, createStarterRuleSet } from '@/services/markets/starter-markets';

const market = (id: string) => createStarterMarkets().find((m) => m.id === id)!;

describe('starter markets', () => {
  it('cover the issue’s seventeen markets, each valid, one default per language, all unlocked', () => {
    expect(STARTER_MARKET_IDS).toEqual([
      'de-DE', 'fr-FR', 'es-ES', 'es-MX', 'pt-BR', 'pt-PT', 'it-IT', 'nl-NL', 'ja-JP', 'ko-KR', 'zh-CN', 'zh-TW', 'ar-SA', 'tr-TR', 'pl-PL', 'en-US', 'en-GB',
    ]);
    expect(marketRuleSetSchema.safeParse(createStarterRuleSet()).success).toBe(true);
    const languages = new Set(createStarterMarkets().map((m) => m.language));
    for (const language of languages) {
      expect(createStarterMarkets().filter((m) => m.language === language && m.defaultForLanguage)).toHaveLength(1);
    }
    for (const m of createStarterMarkets()) {
      expect(Object.values(m.rules).every((rule) => !rule.locked)).toBe(true);
      expect(m.cultureNote.length).toBeGreaterThan(150);
    }
  });

  it('carry the usual rules of each market', () => {
    expect(market('de-DE').rules.formality).toMatchObject({ enabled: true, register: 'formal', enforcement: 'block' });
    expect(market('fr-FR').rules.emoji).toMatchObject({ enabled: true, allowed: false });
    expect(market('ja-JP').rules.formality.register).toBe('formal');
    expect(market('ja-JP').rules.apology.style).toBe('deferential');
    expect(market('ko-KR').rules.guidance.text).toContain('존댓말');
    expect(market('es-ES').rules.formality.register).toBe('informal');
    expect(market('es-MX').rules.formality.register).toBe('formal');
    expect(market('pt-BR').rules.bannedPhrases.phrases.map((p) => p.phrase)).toContain('chega amanhã');
    expect(market('en-US').rules.formality.enabled).toBe(false);
    expect(market('zh-TW').variant).toBe('zh-TW');
  });

  it('hands out fresh copies: editing one does not change the next', () => {
    const first = createStarterMarkets();
    first[0]!.rules.formality.register = 'informal';
    first[0]!.rules.bannedPhrases.phrases.length = 0;
    const second = createStarterMarkets();
    expect(second[0]!.rules.formality.register).toBe('formal');
    expect(second[0]!.rules.bannedPhrases.phrases.length).toBeGreaterThan(0);
  });
});
