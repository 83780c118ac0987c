import { normaliseCountry, type ConversationLanguageState } from '@/services/language/conversation-state';
import type { SupportedLanguage } from '@/services/language/supported-languages';
import { variantFromLocale } from '@/services/language/variants';
import type { MarketProfile } from './market-profile';

/**
 * Which market applies to a conversation, and why, in words the side panel can show. The
 * conversation's language decides first; then, among that language's markets: the store, the
 * regional variant (the detector's tags are matched by family: es-MX belongs to es-419, zh-TW to
 * zh-Hant), the customer's country, and finally the language's default market.
 */

export interface MarketQuery {
  /** The conversation's language; null when none is known yet. */
  language: SupportedLanguage | null;
  /** Regional variant as the detector gives it ("pt-BR", "es-419", "zh-Hant") or any BCP-47 tag; null when none. */
  variant: string | null;
  /** ISO 3166 alpha-2 code or a country name ("BR", "Brazil", "Brasil"). */
  customerCountry?: string | null;
  /** The store the conversation belongs to (shop domain or helpdesk brand), when the page shows it. */
  store?: string | null;
  /** A market the agent chose by hand for this conversation. */
  overrideMarketId?: string | null;
}

export type MarketMatch =
  | 'override'
  | 'store'
  | 'variant'
  | 'country'
  | 'language-default'
  /** A variant was detected, no market has it: the language's default market stands in. */
  | 'variant-fallback'
  | 'none';

export interface MarketChoice {
  market: MarketProfile | null;
  match: MarketMatch;
  /** Short English sentence: "variant pt-BR detected: market pt-BR". */
  reason: string;
}

/** The detector's family of a tag: es-MX → es-419, zh-TW → zh-Hant, pt-BR → pt-BR; unknown tags as written. */
function variantFamily(tag: string, language: SupportedLanguage): string {
  return variantFromLocale(tag, language) ?? tag.toLowerCase();
}

function sameTag(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function defaultOf(markets: readonly MarketProfile[]): MarketProfile {
  return markets.find((m) => m.defaultForLanguage) ?? markets[0]!;
}

/** Several markets share a variant family (es-MX and es-AR under es-419): the customer's country, then the default, then list order. */
function narrow(markets: readonly MarketProfile[], country: string | null): { market: MarketProfile; byCountry: boolean } {
  const byCountry = country ? markets.find((m) => m.customerCountries.includes(country)) : undefined;
  if (byCountry) return { market: byCountry, byCountry: true };
  return { market: markets.find((m) => m.defaultForLanguage) ?? markets[0]!, byCountry: false };
}

export function pickMarket(markets: readonly MarketProfile[], query: MarketQuery): MarketChoice {
  const overrideNote: string[] = [];
  if (query.overrideMarketId) {
    const chosen = markets.find((m) => m.id === query.overrideMarketId);
    if (chosen) return { market: chosen, match: 'override', reason: `chosen by the agent: market ${chosen.id}` };
    overrideNote.push(`the agent's choice ${query.overrideMarketId} no longer exists`);
  }
  const prefix = (text: string) => [...overrideNote, text].join('; ');

  const { language } = query;
  if (!language) return { market: null, match: 'none', reason: prefix('no language detected yet: no market') };
  const ofLanguage = markets.filter((m) => m.language === language);
  if (ofLanguage.length === 0) return { market: null, match: 'none', reason: prefix(`no market for language ${language}`) };

  const country = query.customerCountry ? normaliseCountry(query.customerCountry) : null;
  const countryText = country ? `, customer country ${country}` : '';

  if (query.store) {
    const store = query.store.trim().toLowerCase();
    const forStore = ofLanguage.filter((m) => m.stores.some((s) => s.toLowerCase() === store));
    if (forStore.length > 0) {
      const variantFitting = query.variant
        ? forStore.filter((m) => m.variant && variantFamily(m.variant, language) === variantFamily(query.variant!, language))
        : [];
      const market = (variantFitting[0] ?? forStore[0])!;
      return { market, match: 'store', reason: prefix(`store ${query.store}: market ${market.id}`) };
    }
  }

  if (query.variant) {
    const variant = query.variant;
    const exact = ofLanguage.filter((m) => m.variant !== null && sameTag(m.variant, variant));
    const family = exact.length > 0 ? exact : ofLanguage.filter((m) => m.variant !== null && variantFamily(m.variant, language) === variantFamily(variant, language));
    if (family.length > 0) {
      const { market, byCountry } = narrow(family, country);
      const how = family.length > 1 && byCountry ? `${countryText}` : '';
      return { market, match: 'variant', reason: prefix(`variant ${variant} detected${how}: market ${market.id}`) };
    }
    const fallback = defaultOf(ofLanguage);
    return {
      market: fallback,
      match: 'variant-fallback',
      reason: prefix(`variant ${variant} detected but no market has it: default market ${fallback.id} for ${language}`),
    };
  }

  if (country) {
    const byCountry = ofLanguage.find((m) => m.customerCountries.includes(country));
    if (byCountry) {
      return { market: byCountry, match: 'country', reason: prefix(`language ${language}, no variant${countryText}: market ${byCountry.id}`) };
    }
  }
  const market = defaultOf(ofLanguage);
  return { market, match: 'language-default', reason: prefix(`language ${language}, no variant: default market ${market.id}`) };
}

/** The market for a conversation's language state (its language, variant and the customer's country hint). */
export function pickMarketForConversation(
  markets: readonly MarketProfile[],
  state: Pick<ConversationLanguageState, 'language' | 'variant' | 'hints'>,
  extra: Pick<MarketQuery, 'store' | 'overrideMarketId'> = {},
): MarketChoice {
  return pickMarket(markets, {
    language: state.language,
    variant: state.variant,
    customerCountry: state.hints.customerCountry ?? null,
    ...extra,
  });
}
