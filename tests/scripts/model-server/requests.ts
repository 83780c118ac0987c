/** Request shapes for the model-server tests. */
import type { ChatMessage } from '@/services/model/prompts';

/**
 * The single-message translation shape (Parley's translate-v1 prompt, before batching): fact lines
 * without `Answer format:`, the text itself as the user message. The server still answers it.
 */
export function singleTranslationPrompt(text: string, source: string | null, target: string): ChatMessage[] {
  return [
    {
      role: 'system',
      content: [
        'You translate customer-support chat messages.',
        'Reply with the translation only.',
        `Source language: ${source ?? 'unknown'}`,
        `Target language: ${target}`,
      ].join('\n'),
    },
    { role: 'user', content: text },
  ];
}
