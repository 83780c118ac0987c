import { describe, expect, it } from 'vitest';
import { createConversationState } from '@/services/language/conversation-state';
import type { MarketProfile } from '@/services/markets/market-profile';
import { pickMarket, pickMarketForConversation } from '@/services/markets/pick-market';
import { createStarterMarkets } from '@/services/markets/starter-markets';

const markets = createStarterMarkets();

describe('pickMarket', () => {
  it('follows the detected variant, matching the detector’s families (es-419 → es-MX, zh-Hant → zh-TW)', () => {
    expect(pickMarket(markets, { language: 'pt', variant: 'pt-BR' })).toMatchObject({ match: 'variant', reason: 'variant pt-BR detected: market pt-BR' });
    expect(pickMarket(markets, { language: 'pt', variant: 'pt-PT' }).market?.id).toBe('pt-PT');
    expect(pickMarket(markets, { language: 'es', variant: 'es-419' }).market?.id).toBe('es-MX');
    expect(pickMarket(markets, { language: 'zh', variant: 'zh-Hant' }).market?.id).toBe('zh-TW');
    expect(pickMarket(markets, { language: 'en', variant: 'en-GB' }).market?.id).toBe('en-GB');
  });

  it('without a variant, takes the customer’s country (code or name), then the language’s default', () => {
    expect(pickMarket(markets, { language: 'es', variant: null, customerCountry: 'Mexico' })).toMatchObject({
      match: 'country',
      reason: 'language es, no variant, customer country MX: market es-MX',
    });
    expect(pickMarket(markets, { language: 'de', variant: null })).toMatchObject({
      match: 'language-default',
      reason: 'language de, no variant: default market de-DE',
    });
    expect(pickMarket(markets, { language: 'pt', variant: null }).market?.id).toBe('pt-BR');
  });

  it('says so when no market has the language, or no language is known yet', () => {
    expect(pickMarket(markets, { language: 'sv', variant: null })).toEqual({ market: null, match: 'none', reason: 'no market for language sv' });
    expect(pickMarket(markets, { language: null, variant: null }).market).toBeNull();
  });

  it('falls back to the language default when no market has the variant, and says why', () => {
    const withoutTaiwan = markets.filter((m) => m.id !== 'zh-TW');
    expect(pickMarket(withoutTaiwan, { language: 'zh', variant: 'zh-Hant' })).toMatchObject({
      match: 'variant-fallback',
      reason: 'variant zh-Hant detected but no market has it: default market zh-CN for zh',
    });
  });

  it('picks by country among markets sharing a variant family', () => {
    const argentina: MarketProfile = { ...markets.find((m) => m.id === 'es-MX')!, id: 'es-AR', name: 'Argentina', variant: 'es-AR', customerCountries: ['AR'] };
    const withArgentina = [...markets, argentina];
    expect(pickMarket(withArgentina, { language: 'es', variant: 'es-419', customerCountry: 'AR' })).toMatchObject({
      market: { id: 'es-AR' },
      reason: 'variant es-419 detected, customer country AR: market es-AR',
    });
    expect(pickMarket(withArgentina, { language: 'es', variant: 'es-AR' }).market?.id).toBe('es-AR');
  });

  it('lets a store and the agent’s own choice win, and notes a choice that no longer exists', () => {
    const b2b: MarketProfile = { ...markets[0]!, id: 'de-DE-b2b', name: 'Germany (B2B)', defaultForLanguage: false, stores: ['b2b.example.de'] };
    const all = [...markets, b2b];
    expect(pickMarket(all, { language: 'de', variant: null, store: 'B2B.example.de' })).toMatchObject({ match: 'store', market: { id: 'de-DE-b2b' } });
    expect(pickMarket(all, { language: 'de', variant: null, overrideMarketId: 'de-DE-b2b' })).toMatchObject({ match: 'override', reason: 'chosen by the agent: market de-DE-b2b' });
    expect(pickMarket(markets, { language: 'de', variant: null, overrideMarketId: 'gone' }).reason).toBe(
      "the agent's choice gone no longer exists; language de, no variant: default market de-DE",
    );
  });

  it('reads a conversation’s language state, including the country hint', () => {
    const state = { ...createConversationState({ customerCountry: 'BR' }), language: 'pt' as const, variant: null };
    expect(pickMarketForConversation(markets, state).market?.id).toBe('pt-BR');
    expect(pickMarketForConversation(markets, { ...state, hints: { customerCountry: 'PT' } }).market?.id).toBe('pt-PT');
  });
});
