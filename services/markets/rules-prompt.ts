import type { SupportedLanguage } from '@/services/language/supported-languages';
import type { FormalityRegister, MarketProfile, MarketRules } from './market-profile';

/**
 * A market's enabled rules as instruction lines for the system prompts that write text for its
 * customers. Deterministic: the same rules always give the same lines, in the same order (lists
 * whose order carries no meaning are sorted), because the lines are also what the cache
 * fingerprint is made of (rules-fingerprint.ts).
 *
 * Each prompt kind gets only the rules that concern it. Suggestions and rewrites write the reply,
 * so every tone rule applies. An outbound translation must say exactly what the agent wrote: it gets
 * the rules about wording (address, emoji, banned phrases, glossary, guidance, and greeting and
 * closing formulas if the agent greeted), never ones that would add content (apologies, required
 * phrases). Check-only settings (enforcement, locked, the meaning check) and the culture note never
 * reach a prompt.
 */

export const PROMPT_KINDS = ['suggestions', 'rewrite', 'outbound-translation'] as const;
export type PromptKind = (typeof PROMPT_KINDS)[number];

/** Which rules shape which prompt kind. */
export const RULES_BY_PROMPT_KIND: Record<PromptKind, ReadonlyArray<keyof MarketRules>> = {
  suggestions: ['formality', 'greeting', 'closing', 'emoji', 'apology', 'bannedPhrases', 'requiredPhrases', 'glossary', 'guidance'],
  rewrite: ['formality', 'greeting', 'closing', 'emoji', 'apology', 'bannedPhrases', 'requiredPhrases', 'glossary', 'guidance'],
  'outbound-translation': ['formality', 'greeting', 'closing', 'emoji', 'bannedPhrases', 'glossary', 'guidance'],
};

type AddressForms = Record<FormalityRegister, string>;

/** How each language marks formal and informal address, in the words a model follows best. */
const ADDRESS_FORMS: Partial<Record<SupportedLanguage, AddressForms>> = {
  de: {
    formal: 'Address the customer formally with "Sie" (Ihnen, Ihr, Ihre), never "du".',
    informal: 'Address the customer informally with "du" (dir, dich, dein), never "Sie".',
  },
  fr: { formal: 'Address the customer with "vous" (votre, vos), never "tu".', informal: 'Address the customer with "tu" (te, ton, ta, tes), never "vous".' },
  es: {
    formal: 'Address the customer as "usted" (su, le, third-person verbs), never "tú".',
    informal: 'Address the customer as "tú" (tu, te, second-person verbs), never "usted".',
  },
  it: {
    formal: 'Address the customer with the formal "Lei" (Le, La, Suo, third-person verbs), never "tu".',
    informal: 'Address the customer with "tu" (ti, tuo, second-person verbs), never "Lei".',
  },
  nl: { formal: 'Address the customer with "u" (uw), never "je" or "jij".', informal: 'Address the customer with "je/jij" (jouw), never "u".' },
  pl: {
    formal: 'Address the customer as "Pan/Pani" (or "Państwo") with third-person verbs, never "ty".',
    informal: 'Address the customer with "ty" and second-person verbs, never "Pan/Pani".',
  },
  ru: { formal: 'Address the customer with "Вы" (Вас, Вам, Ваш), never "ты".', informal: 'Address the customer with "ты" (тебя, тебе, твой), never "Вы".' },
  uk: { formal: 'Address the customer with "Ви" (Вас, Вам, Ваш), never "ти".', informal: 'Address the customer with "ти" (тебе, тобі, твій), never "Ви".' },
  tr: { formal: 'Address the customer with "siz" and its verb forms (-siniz, -iniz), never "sen".', informal: 'Address the customer with "sen" and its verb forms, never "siz".' },
  ja: {
    formal: 'Write in polite Japanese (keigo): desu/masu forms with honorific and humble verbs; never plain or casual forms.',
    informal: 'Write in friendly casual Japanese (plain forms), never stiff keigo.',
  },
  ko: {
    formal: 'Write in polite Korean (존댓말: -요 or -습니다 endings, -시- honorifics, 고객님); never 반말.',
    informal: 'Write in casual Korean (반말), never stiff honorific forms.',
  },
  zh: { formal: 'Address the customer with "您", never "你".', informal: 'Address the customer with "你", not "您".' },
  sv: { formal: 'Use a polite, professional register (Swedish uses "du" with everyone; do not use "ni" as a formality).', informal: 'Use a friendly, casual register with "du".' },
};

const PORTUGUESE_FORMS: Record<'pt-BR' | 'pt-PT' | 'pt', AddressForms> = {
  'pt-BR': {
    formal: 'Address the customer with "você" (the standard in Brazil) or "o senhor/a senhora", politely; never "tu" or "te".',
    informal: 'Address the customer with "você" in a casual, friendly tone (colloquial "te" is fine); never "o senhor/a senhora".',
  },
  'pt-PT': {
    formal: 'Address the customer in the third person ("Pode…", "o seu", "o senhor/a senhora"); never "tu" and avoid "você".',
    informal: 'Address the customer with "tu" (te, teu, tua), never "o senhor/a senhora".',
  },
  pt: {
    formal: 'Address the customer politely ("o senhor/a senhora", third-person verbs); never "tu".',
    informal: 'Address the customer informally, in the usual forms of the customer’s variant.',
  },
};

const GENERIC_FORMS: AddressForms = {
  formal: 'Use a formal, polite register to address the customer.',
  informal: 'Use a friendly, informal register to address the customer.',
};

function addressLine(market: MarketProfile, register: FormalityRegister): string {
  if (market.language === 'pt') {
    const variant = market.variant?.toLowerCase();
    return PORTUGUESE_FORMS[variant === 'pt-br' ? 'pt-BR' : variant === 'pt-pt' ? 'pt-PT' : 'pt'][register];
  }
  return (ADDRESS_FORMS[market.language] ?? GENERIC_FORMS)[register];
}

const APOLOGY_LINES = {
  brief: 'When apologising, do it once and briefly, then give the solution.',
  sincere: 'When apologising, acknowledge the problem sincerely in one or two sentences, then give the solution.',
  deferential: "Apologise politely and deferentially for any inconvenience, even when it was not the shop's fault, then give the solution.",
} as const;

/** Lead-written text goes in quoted, as data: JSON quoting keeps one line per item and escapes quotes. */
const quote = (text: string) => JSON.stringify(text);
const list = (items: readonly string[]) => items.map(quote).join(', ');
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function linesFor(rule: keyof MarketRules, market: MarketProfile, kind: PromptKind): string[] {
  const rules = market.rules;
  const translating = kind === 'outbound-translation';
  switch (rule) {
    case 'formality':
      return [addressLine(market, rules.formality.register)];
    case 'greeting': {
      const formulas = rules.greeting.formulas;
      if (formulas.length === 0) return [];
      return [translating ? `If the reply greets the customer, use one of these greetings: ${list(formulas)}.` : `Open with one of these greetings: ${list(formulas)}.`];
    }
    case 'closing': {
      const formulas = rules.closing.formulas;
      if (formulas.length === 0) return [];
      return [translating ? `If the reply has a closing formula, use one of: ${list(formulas)}.` : `End with one of these closings: ${list(formulas)}.`];
    }
    case 'emoji':
      if (rules.emoji.allowed) return translating ? [] : ['Emoji are allowed, sparingly, and never in replies to complaints.'];
      return [translating ? "Use no emoji: leave out any the agent's reply has." : 'Use no emoji.'];
    case 'apology':
      return [APOLOGY_LINES[rules.apology.style], ...(rules.apology.note ? [`Apology style: ${quote(rules.apology.note)}`] : [])];
    case 'bannedPhrases':
      return [...rules.bannedPhrases.phrases]
        .sort((a, b) => byText(a.phrase, b.phrase))
        .map((p) => {
          const reason = p.reason.replace(/[.!]+$/u, '');
          return `Never write ${quote(p.phrase)}${reason ? ` (${reason})` : ''}${p.instead ? `; write ${quote(p.instead)} instead` : ''}.`;
        });
    case 'requiredPhrases':
      return [...rules.requiredPhrases.phrases]
        .sort((a, b) => byText(a.phrase, b.phrase))
        .map((p) =>
          p.whenMentioned.length > 0
            ? `When the reply mentions ${list([...p.whenMentioned].sort(byText))}, include this text exactly: ${quote(p.phrase)}.`
            : `Always include this text exactly: ${quote(p.phrase)}.`,
        );
    case 'glossary': {
      const entries = [...rules.glossary.entries].sort((a, b) => byText(a.source, b.source));
      if (entries.length === 0) return [];
      return [
        'Glossary (follow exactly):',
        ...entries.map(
          (e) =>
            `- ${quote(e.source)}: ${e.target === null ? 'keep exactly as written, never translate' : `translate as ${quote(e.target)}`}${e.note ? ` (${e.note})` : ''}`,
        ),
      ];
    }
    case 'guidance':
      return rules.guidance.text
        .split(/\r?\n/u)
        .map((line) => line.trim())
        .filter((line) => line !== '')
        .map((line) => `Market guidance: ${line}`);
    case 'meaning':
      return [];
  }
}

/**
 * The instruction lines for one prompt kind: empty when the market has no enabled rule for it.
 * Insert them into the system prompt as they are (e.g. the `guidance` parameter of the prompts).
 */
export function marketPromptLines(market: MarketProfile | null, kind: PromptKind): string[] {
  if (!market) return [];
  const lines = RULES_BY_PROMPT_KIND[kind].flatMap((rule) => (market.rules[rule].enabled ? linesFor(rule, market, kind) : []));
  return lines.length > 0 ? ["The shop's rules for this market (follow them):", ...lines] : [];
}
