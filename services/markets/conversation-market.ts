import { overallStatus, runChecks, type CheckResult, type CheckStatus } from '@/services/checks/run-checks';
import type { ParleyDatabase } from '@/services/storage/database';
import { loadMarketRules, type MarketRules } from './market-store';
import { pickMarketForConversation, type MarketChoice } from './pick-market';
import { marketRulesFingerprint } from './rules-fingerprint';
import { marketPromptLines, type PromptKind } from './rules-prompt';

/**
 * The market that applies to one conversation (from its language, variant and the customer's
 * country), and what follows from it: the rule lines for a prompt, with the fingerprint that goes
 * into the cache key, and the hard checks on a reply before it goes into the composer.
 */

export type LoadMarketRules = () => Promise<MarketRules>;

export async function marketOfConversation(db: ParleyDatabase, conversationKey: string, load: LoadMarketRules = loadMarketRules): Promise<MarketChoice> {
  return (await marketAndLanguage(db, conversationKey, load)).choice;
}

/** The market, with the language state it was picked from (one read of the conversation). */
async function marketAndLanguage(db: ParleyDatabase, conversationKey: string, load: LoadMarketRules) {
  const state = (await db.conversations.get(conversationKey))?.language;
  if (!state?.language) return { state, choice: { market: null, match: 'none', reason: 'the customer language is not known yet' } as MarketChoice };
  const { ruleSet } = await load();
  return { state, choice: pickMarketForConversation(ruleSet.profiles, state) };
}

export interface PromptGuidance {
  lines: string[];
  /** Changes only when the lines do: part of the cache key of every answer they shaped. */
  fingerprint: string;
}

export async function promptGuidance(
  db: ParleyDatabase,
  conversationKey: string,
  kind: PromptKind,
  load: LoadMarketRules = loadMarketRules,
): Promise<PromptGuidance> {
  const { market } = await marketOfConversation(db, conversationKey, load);
  return { lines: marketPromptLines(market, kind), fingerprint: marketRulesFingerprint(market, kind) };
}

export interface ReplyCheck {
  marketId: string | null;
  marketName: string | null;
  /** Why this market: "variant pt-BR detected: market pt-BR". */
  reason: string;
  status: CheckStatus;
  results: CheckResult[];
}

/**
 * Every check of the conversation's market on `text` (in the customer's language); `source` is the
 * agent's draft it was translated from, for the meaning and glossary checks. No market: nothing to
 * check, status pass.
 */
export async function checkReply(
  db: ParleyDatabase,
  conversationKey: string,
  reply: { text: string; source?: { text: string; language: string } | null },
  load: LoadMarketRules = loadMarketRules,
): Promise<ReplyCheck> {
  const { state, choice } = await marketAndLanguage(db, conversationKey, load);
  if (!choice.market) return { marketId: null, marketName: null, reason: choice.reason, status: 'pass', results: [] };
  const results = runChecks(choice.market, { text: reply.text, language: state?.tag ?? undefined, source: reply.source ?? null });
  return { marketId: choice.market.id, marketName: choice.market.name, reason: choice.reason, status: overallStatus(results), results };
}
