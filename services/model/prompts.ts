import type { AuthorRole } from '@/services/helpdesk/types';
import { languageName, type SupportedLanguage } from '@/services/language/supported-languages';

/**
 * Prompt shapes Parley sends to the model. Bump a version when its wording changes: the version is
 * part of every cache key, so old answers are not served for a new prompt.
 *
 * The last lines of each system prompt ("Source language: xx", "Target language: xx",
 * "Customer language: xx", "Agent language: xx") are plain facts for the model, and also what the
 * local development model server reads to answer deterministically.
 */
export const TRANSLATION_PROMPT_VERSION = 'translate-v1';
export const SUGGESTION_PROMPT_VERSION = 'suggest-v2';

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export function translationPrompt(
  text: string,
  source: SupportedLanguage | null,
  target: SupportedLanguage,
): ChatMessage[] {
  const from = source ? `${languageName(source)}` : 'the language it is written in';
  return [
    {
      role: 'system',
      content: [
        `You translate customer-support chat messages from ${from} into ${languageName(target)}.`,
        'Reply with the translation only: no quotes, no notes, no explanations.',
        'Keep order numbers, tracking numbers, amounts, dates, product names, URLs and emails exactly as written.',
        'Keep the tone and the level of formality of the original.',
        `Source language: ${source ?? 'unknown'}`,
        `Target language: ${target}`,
      ].join('\n'),
    },
    { role: 'user', content: text },
  ];
}

export interface TranscriptLine {
  role: AuthorRole;
  text: string;
}

export const SUGGESTION_SCHEMA_NAME = 'reply_suggestions';

/** JSON schema of the suggestions answer (OpenAI structured outputs). */
export const SUGGESTION_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['suggestions'],
  properties: {
    suggestions: {
      type: 'array',
      minItems: 3,
      maxItems: 3,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['reply', 'gloss'],
        properties: {
          reply: { type: 'string', description: "The reply, in the customer's language." },
          gloss: { type: 'string', description: "The same reply translated into the agent's language." },
        },
      },
    },
  },
} as const;

export function suggestionPrompt(
  transcript: TranscriptLine[],
  customerLanguage: SupportedLanguage,
  agentLanguage: SupportedLanguage,
  /** Regional variant (BCP-47, e.g. pt-BR) when the conversation shows one: words and forms of address differ. */
  customerVariant: string | null = null,
): ChatMessage[] {
  const lines = transcript
    .filter((line) => line.role !== 'note' && line.role !== 'system')
    .map((line) => `${line.role === 'customer' ? 'Customer' : line.role === 'bot' ? 'Bot' : 'Agent'}: ${line.text}`);
  return [
    {
      role: 'system',
      content: [
        "You help a customer-support agent answer a customer of an online shop in the customer's language.",
        `Write three different short replies to the customer's latest message, in ${languageName(customerLanguage)}.`,
        ...(customerVariant ? [`Use the regional variant ${customerVariant}: its vocabulary and its usual forms of address.`] : []),
        `For each, also give a gloss: the same reply translated into ${languageName(agentLanguage)} so the agent knows what it says.`,
        'Be polite and concrete; never invent order details, dates or refunds the conversation does not contain.',
        'Answer as JSON: {"suggestions":[{"reply":"...","gloss":"..."}, ...]} with exactly three items.',
        `Customer language: ${customerLanguage}`,
        ...(customerVariant ? [`Customer variant: ${customerVariant}`] : []),
        `Agent language: ${agentLanguage}`,
      ].join('\n'),
    },
    { role: 'user', content: `Conversation so far, oldest first:\n${lines.join('\n')}` },
  ];
}
