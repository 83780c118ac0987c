import { i18n } from '@/services/i18n/i18n';
import type { ModelPurpose, ProviderSettings } from '@/services/settings/settings-schema';
import { parseJsonAnswer } from './model-client';
import type { ModelGateway } from './model-gateway';
import type { ChatMessage } from './model-types';
import { MalformedAnswerError } from './request-queue';

/**
 * One structured answer from the model for `purpose`, through the gateway (queue, retries,
 * fallback). `accept` turns the parsed JSON into the result, or says it is unusable: by returning
 * null (a generic "unexpected answer") or by throwing a MalformedAnswerError with a reason; either
 * way the request is tried again within the attempt budget.
 */
export async function askForJson<T>(
  gateway: ModelGateway,
  purpose: ModelPurpose,
  providers: readonly ProviderSettings[],
  messages: ChatMessage[],
  options: { schema: { name: string; schema: object }; temperature?: number; conversationKey: string; attemptBudget?: number },
  accept: (answer: unknown) => T | null,
): Promise<{ value: T; provider: ProviderSettings }> {
  return gateway.call(
    purpose,
    providers,
    async (client, _provider, signal) => {
      const answer = await client.streamChat(messages, { signal, json: options.schema, temperature: options.temperature ?? 0.2 });
      let value: T | null;
      try {
        value = accept(parseJsonAnswer(answer.text));
      } catch (error) {
        if (error instanceof MalformedAnswerError) throw error;
        value = null;
      }
      if (value === null) throw new MalformedAnswerError(i18n.t('errors.unexpected_answer'));
      return value;
    },
    { conversationKey: options.conversationKey, attemptBudget: options.attemptBudget ?? 2 },
  );
}
