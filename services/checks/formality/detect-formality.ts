import { ADDRESS_RULES, portugueseRules, type AddressRules, type FormalityEvidence, type PortugueseVariant } from './address-rules';
import { blankUrlsAndEmails, tokenizeReply } from './reply-tokens';
import { REGISTER_RULES } from './register-rules';

/**
 * How a reply addresses the customer: formally (Sie, vous, usted, Lei, u, Pan/Pani, Вы, siz,
 * keigo, 존댓말, 您), informally (du, tu, tú, tu, jij, ty, ты, sen, plain forms, 반말, 你), or not
 * at all ("The parcel was delivered this morning."): neutral. Rule-based and pure, well under a
 * millisecond per reply.
 *
 * Portuguese depends on the variant: pass "pt-BR" or "pt-PT" where known (see address-rules.ts:
 * "você" is the neutral standard in Brazil and not the polite form in Portugal).
 */

export type Formality = 'formal' | 'informal' | 'neutral';

export interface FormalityDetection {
  formality: Formality;
  /** False for a language without rules here: the answer is then always 'neutral'. */
  supported: boolean;
  /** The forms found, as written, in text order: what the check shows the agent. */
  evidence: { formal: string[]; informal: string[] };
  /** Every piece of evidence with its position, for highlighting and fixes. */
  details: FormalityEvidence[];
}

/** Languages the detector reads: the eleven, plus Chinese (您/你). */
export const FORMALITY_LANGUAGES = ['de', 'fr', 'es', 'pt', 'it', 'nl', 'pl', 'ru', 'tr', 'ja', 'ko', 'zh'] as const;
export type FormalityLanguage = (typeof FORMALITY_LANGUAGES)[number];

export function isFormalityLanguage(language: string): language is FormalityLanguage {
  return (FORMALITY_LANGUAGES as readonly string[]).includes(language);
}

/** "pt-BR" → ["pt", "pt-BR"]; "de_AT" → ["de", null]; "pt" → ["pt", "pt"]. */
function parseTag(lang: string): { language: string; portuguese: PortugueseVariant } {
  const [base = '', region = ''] = lang.trim().replace(/_/gu, '-').split('-');
  const language = base.toLowerCase();
  const upper = region.toUpperCase();
  // Portugal's norm covers the African Portuguese-speaking countries too (as in variants.ts).
  const portuguese: PortugueseVariant = upper === 'BR' ? 'pt-BR' : upper ? 'pt-PT' : 'pt';
  return { language, portuguese };
}

const PORTUGUESE_RULES: Record<PortugueseVariant, AddressRules> = {
  'pt-BR': portugueseRules('pt-BR'),
  'pt-PT': portugueseRules('pt-PT'),
  pt: portugueseRules('pt'),
};

function evidenceFor(text: string, language: FormalityLanguage, portuguese: PortugueseVariant): FormalityEvidence[] {
  const prepared = blankUrlsAndEmails(text.normalize('NFC'));
  if (language === 'ja' || language === 'ko' || language === 'zh') return REGISTER_RULES[language](prepared);
  const tokens = tokenizeReply(prepared, language === 'tr' ? 'tr' : undefined);
  const rules = language === 'pt' ? PORTUGUESE_RULES[portuguese] : ADDRESS_RULES[language];
  return rules({ text: prepared, tokens }).sort((a, b) => a.start - b.start);
}

/**
 * The register of `text`, written in `lang` (a language code or BCP-47 tag: "de", "pt-BR").
 * Evidence is weighed (2: unambiguous forms, 1: forms that are usually but not always the
 * reader); the heavier side wins, and a tie counts as informal: a reply that mixes "Sie" and "du"
 * is not a formal reply.
 */
export function detectFormality(text: string, lang: string): FormalityDetection {
  const { language, portuguese } = parseTag(lang);
  if (!isFormalityLanguage(language)) {
    return { formality: 'neutral', supported: false, evidence: { formal: [], informal: [] }, details: [] };
  }
  const details = evidenceFor(text, language, portuguese);
  let formal = 0;
  let informal = 0;
  for (const item of details) {
    if (item.register === 'formal') formal += item.weight;
    else informal += item.weight;
  }
  const formality: Formality = formal === 0 && informal === 0 ? 'neutral' : informal >= formal ? 'informal' : 'formal';
  return {
    formality,
    supported: true,
    evidence: {
      formal: details.filter((d) => d.register === 'formal').map((d) => d.form),
      informal: details.filter((d) => d.register === 'informal').map((d) => d.form),
    },
    details,
  };
}
