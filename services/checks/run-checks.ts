import type { CheckedRuleId, MarketProfile, RuleEnforcement } from '@/services/markets/market-profile';
import { checkMessage, type MessageKey, type MessageParams } from './check-messages';
import { detectFormality } from './formality/detect-formality';
import { formalRewrite } from './formality/formal-rewrite';
import { checkMeaning, type MeaningIssue, type MeaningIssueKind } from './meaning/check-meaning';
import { checkGlossary, findBannedPhrases, findEmoji, findMissingRequiredPhrases, removeEmoji } from './rule-checks';

/**
 * Every hard check a market asks for, on one reply about to go into the helpdesk's composer.
 * Pure and synchronous (well under a millisecond per reply): the side panel runs it on every
 * suggestion, rewrite and translated draft before inserting. A failed check says what failed and,
 * where it can, offers a fix; the rule's `enforcement` decides whether it warns or blocks.
 */

export type CheckStatus = 'pass' | 'warn' | 'block';

export type CheckKind =
  | 'formality'
  | 'emoji'
  | 'banned-phrase'
  | 'required-phrase'
  | 'glossary'
  | 'glossary-term-kept'
  | 'glossary-preferred-translation'
  | 'meaning'
  | `meaning-${MeaningIssueKind}`;

export interface CheckFix {
  /** What to do, in a sentence. */
  description: string;
  /** The whole reply with the fix applied, when it can be made mechanically: "Apply fix" inserts this. */
  replacement?: string;
  /** Word-level replacements to show next to the reply ("du → Sie"). */
  suggestions?: Array<{ from: string; to: string }>;
}

export interface CheckResult {
  marketId: string;
  ruleId: CheckedRuleId;
  kind: CheckKind;
  status: CheckStatus;
  /** False when the rule could not be checked (no draft to compare with, a language without rules). */
  checked: boolean;
  /** English text made from `messageKey` and `params` (check-messages.ts), for later localisation. */
  message: string;
  messageKey: MessageKey;
  params: MessageParams;
  /** The words that failed the check, as the reply has them. */
  evidence?: string[];
  fix?: CheckFix;
  /** Meaning issues only: the issue behind the result. */
  meaningIssue?: MeaningIssue;
}

export interface ReplyUnderCheck {
  /** The text about to be inserted, in the customer's language. */
  text: string;
  /** Its language tag; default: the market's variant, else its language. */
  language?: string;
  /** The agent's draft it was translated from, when it was translated: enables the meaning and glossary checks. */
  source?: { text: string; language: string } | null;
}

const failed = (enforcement: RuleEnforcement): CheckStatus => enforcement;

export function runChecks(market: MarketProfile, reply: ReplyUnderCheck): CheckResult[] {
  const text = reply.text.normalize('NFC');
  const language = reply.language ?? market.variant ?? market.language;
  const rules = market.rules;
  const results: CheckResult[] = [];

  const result = (
    ruleId: CheckedRuleId,
    kind: CheckKind,
    status: CheckStatus,
    messageKey: MessageKey,
    params: MessageParams = {},
    extra: Partial<Pick<CheckResult, 'evidence' | 'fix' | 'meaningIssue' | 'checked'>> = {},
  ) => {
    results.push({ marketId: market.id, ruleId, kind, status, checked: true, message: checkMessage(messageKey, params), messageKey, params, ...extra });
  };

  // Formality
  if (rules.formality.enabled) {
    const register = rules.formality.register;
    const detection = detectFormality(text, language);
    const wrong = register === 'formal' ? detection.evidence.informal : detection.evidence.formal;
    if (!detection.supported) {
      result('formality', 'formality', 'pass', 'formality.unsupported', { language }, { checked: false });
    } else if (wrong.length > 0) {
      const baseLanguage = language.split(/[-_]/u)[0]!.toLowerCase();
      let fix: CheckFix;
      if (register === 'formal') {
        const rewrite = formalRewrite(text, baseLanguage, detection.details.filter((d) => d.register === 'informal'));
        fix = rewrite.text
          ? {
              description: checkMessage('formality.fix-replace', { replacements: rewrite.replacements.map((r) => `${r.from} → ${r.to}`).join(', ') }),
              replacement: rewrite.text,
              suggestions: rewrite.replacements,
            }
          : {
              description:
                rewrite.replacements.length > 0
                  ? checkMessage('formality.fix-replace', { replacements: rewrite.replacements.map((r) => `${r.from} → ${r.to}`).join(', ') })
                  : checkMessage('formality.fix-describe', { register }),
              ...(rewrite.replacements.length > 0 ? { suggestions: rewrite.replacements } : {}),
            };
      } else {
        fix = { description: checkMessage('formality.fix-describe', { register }) };
      }
      const key: MessageKey = register === 'formal' ? 'formality.informal-in-formal' : 'formality.formal-in-informal';
      result('formality', 'formality', failed(rules.formality.enforcement), key, { forms: [...new Set(wrong)].map((f) => `"${f}"`).join(', ') }, { evidence: wrong, fix });
    } else if (detection.formality === 'neutral') {
      result('formality', 'formality', 'pass', 'formality.neutral');
    } else {
      result('formality', 'formality', 'pass', 'formality.pass', { register });
    }
  }

  // Emoji
  if (rules.emoji.enabled) {
    if (rules.emoji.allowed) {
      result('emoji', 'emoji', 'pass', 'emoji.allowed');
    } else {
      const emoji = findEmoji(text);
      if (emoji.length > 0) {
        result('emoji', 'emoji', failed(rules.emoji.enforcement), 'emoji.found', { emoji: emoji.join(' ') }, {
          evidence: emoji,
          fix: { description: checkMessage('emoji.fix'), replacement: removeEmoji(text) },
        });
      } else {
        result('emoji', 'emoji', 'pass', 'emoji.pass');
      }
    }
  }

  // Banned phrases
  if (rules.bannedPhrases.enabled) {
    const found = findBannedPhrases(text, rules.bannedPhrases);
    for (const banned of found) {
      const fix: CheckFix = banned.instead
        ? {
            description: checkMessage('banned.fix-instead', { instead: banned.instead }),
            replacement: text.slice(0, banned.match.start) + banned.instead + text.slice(banned.match.end),
          }
        : { description: checkMessage('banned.fix-remove', { phrase: banned.match.text }) };
      result('bannedPhrases', 'banned-phrase', failed(rules.bannedPhrases.enforcement), 'banned.found', { phrase: banned.match.text, reason: banned.reason }, {
        evidence: [banned.match.text],
        fix,
      });
    }
    if (found.length === 0) result('bannedPhrases', 'banned-phrase', 'pass', 'banned.pass');
  }

  // Required phrases
  if (rules.requiredPhrases.enabled) {
    const missing = findMissingRequiredPhrases(text, rules.requiredPhrases);
    for (const required of missing) {
      result('requiredPhrases', 'required-phrase', failed(rules.requiredPhrases.enforcement), 'required.missing', { phrase: required.phrase, trigger: required.trigger ?? '' }, {
        fix: { description: checkMessage('required.fix', { phrase: required.phrase }), replacement: `${text.trimEnd()}\n\n${required.phrase}` },
      });
    }
    if (missing.length === 0) result('requiredPhrases', 'required-phrase', 'pass', 'required.pass');
  }

  // Glossary
  if (rules.glossary.enabled && rules.glossary.entries.length > 0) {
    if (!reply.source) {
      result('glossary', 'glossary', 'pass', 'glossary.no-source', {}, { checked: false });
    } else {
      const findings = checkGlossary(text, reply.source.text, rules.glossary);
      for (const finding of findings) {
        if (finding.kind === 'term-not-kept') {
          result('glossary', 'glossary-term-kept', failed(rules.glossary.enforcement), 'glossary.term-changed', { term: finding.term }, {
            fix: { description: checkMessage('glossary.term-fix', { term: finding.term }) },
          });
        } else {
          result('glossary', 'glossary-preferred-translation', failed(rules.glossary.enforcement), 'glossary.preferred-missing', { source: finding.source, target: finding.target }, {
            fix: { description: checkMessage('glossary.preferred-fix', { source: finding.source, target: finding.target }) },
          });
        }
      }
      if (findings.length === 0) result('glossary', 'glossary', 'pass', 'glossary.pass');
    }
  }

  // Meaning
  if (rules.meaning.enabled) {
    if (!reply.source) {
      result('meaning', 'meaning', 'pass', 'meaning.no-source', {}, { checked: false });
    } else {
      const meaning = checkMeaning({ sourceLang: reply.source.language, source: reply.source.text, targetLang: language, translation: text });
      for (const issue of meaning.issues) {
        results.push({
          marketId: market.id,
          ruleId: 'meaning',
          kind: `meaning-${issue.kind}`,
          status: failed(rules.meaning.enforcement),
          checked: true,
          message: issue.message,
          messageKey: issue.messageKey,
          params: issue.params,
          evidence: issue.found !== undefined ? [issue.found] : [],
          fix: { description: checkMessage('meaning.fix') },
          meaningIssue: issue,
        });
      }
      if (meaning.faithful) result('meaning', 'meaning', 'pass', 'meaning.pass');
    }
  }

  return results;
}

/** The strictest status among the results: 'block' if any rule blocks, else 'warn' if any warns, else 'pass'. */
export function overallStatus(results: readonly CheckResult[]): CheckStatus {
  if (results.some((r) => r.status === 'block')) return 'block';
  if (results.some((r) => r.status === 'warn')) return 'warn';
  return 'pass';
}
