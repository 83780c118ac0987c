import type { ModelPurpose, ProviderSettings } from '@/services/settings/settings-schema';
import { estimateTokens, type ChatAnswer, type ModelClient } from './model-types';
import { CircuitOpenError, judgeError, type RequestQueue } from './request-queue';
import { costOf, type UsageLedger } from './usage-ledger';

/**
 * The way every model call leaves Parley: for a purpose (inbound translation, outbound
 * translation, suggestions), through the request queue of each provider in the purpose's route,
 * falling back to the next provider when one fails, is rate-limited beyond waiting, or has its
 * circuit open. Every request's tokens, cost and latency go to the usage ledger.
 */

export interface GatewayCallOptions {
  signal?: AbortSignal;
  conversationKey?: string | null;
  /** Attempts left for this work, over all providers (a restarted worker passes what is left). */
  attemptBudget?: number;
  /** Called before each attempt, with the provider about to be tried. */
  onAttempt?(provider: ProviderSettings): void | Promise<void>;
}

export interface GatewayDeps {
  queue: RequestQueue;
  createClient(provider: ProviderSettings): ModelClient;
  ledger?: UsageLedger;
}

export type GatewayWork<T> = (client: ModelClient, provider: ProviderSettings, signal: AbortSignal) => Promise<T>;

export function createModelGateway(deps: GatewayDeps) {
  /** The client for a provider, measuring every request it makes. */
  function measuredClient(provider: ProviderSettings, purpose: ModelPurpose | 'test', conversationKey: string | null): ModelClient {
    const client = deps.createClient(provider);
    const record = (startedAt: number, firstTextAt: number | null, answer: ChatAnswer | null, promptChars: number) => {
      if (!deps.ledger) return;
      const usage = answer?.usage ?? { promptTokens: Math.ceil(promptChars / 4), completionTokens: 0, estimated: true };
      const now = Date.now();
      void deps.ledger
        .record({
          at: startedAt,
          providerKey: provider.id,
          providerName: provider.name || provider.kind,
          purpose,
          conversationKey,
          promptTokens: usage.promptTokens,
          completionTokens: usage.completionTokens,
          estimated: usage.estimated,
          costUsd: costOf(provider, usage.promptTokens, usage.completionTokens),
          firstTextMs: firstTextAt === null ? null : firstTextAt - startedAt,
          totalMs: now - startedAt,
          ok: answer !== null,
        })
        .catch(() => {});
    };
    return {
      identity: client.identity,
      listModels: () => client.listModels(),
      async streamChat(messages, options = {}) {
        const startedAt = Date.now();
        let firstTextAt: number | null = null;
        const promptChars = messages.reduce((sum, m) => sum + m.content.length, 0);
        try {
          const answer = await client.streamChat(messages, {
            ...options,
            onText: (soFar) => {
              firstTextAt ??= Date.now();
              options.onText?.(soFar);
            },
          });
          record(startedAt, firstTextAt ?? Date.now(), answer, promptChars);
          return answer;
        } catch (error) {
          record(startedAt, firstTextAt, null, promptChars);
          throw error;
        }
      },
      ...(client.translateText
        ? {
            async translateText(text: string, source: string, target: string, options?: { signal?: AbortSignal }) {
              const startedAt = Date.now();
              try {
                const translated = await client.translateText!(text, source, target, options);
                const usage = { promptTokens: estimateTokens(text), completionTokens: estimateTokens(translated), estimated: true };
                record(startedAt, Date.now(), { text: translated, usage }, text.length);
                return translated;
              } catch (error) {
                record(startedAt, null, null, text.length);
                throw error;
              }
            },
          }
        : {}),
    };
  }

  /**
   * Runs `work` with the first provider that can do it. Throws the last error when every provider
   * failed or the attempt budget is spent.
   */
  async function call<T>(
    purpose: ModelPurpose,
    providers: readonly ProviderSettings[],
    work: GatewayWork<T>,
    options: GatewayCallOptions = {},
  ): Promise<{ value: T; provider: ProviderSettings }> {
    let budget = options.attemptBudget ?? 3;
    let lastError: unknown = new Error('no provider');
    for (const [index, provider] of providers.entries()) {
      if (budget <= 0) break;
      const isLast = index === providers.length - 1;
      // With a fallback waiting, do not spend the whole budget on a failing first choice.
      const maxAttempts = isLast ? budget : Math.min(budget, 2);
      const client = measuredClient(provider, purpose, options.conversationKey ?? null);
      try {
        const value = await deps.queue.run(provider.id, provider.limits, (signal) => work(client, provider, signal), {
          signal: options.signal,
          maxAttempts,
          onAttempt: async () => {
            budget--;
            await options.onAttempt?.(provider);
          },
        });
        return { value, provider };
      } catch (error) {
        if (options.signal?.aborted) throw error;
        lastError = error;
        // A refused key or unknown model will not fix itself; neither will an open circuit: next provider.
        if (!(error instanceof CircuitOpenError) && !judgeError(error).retryable && isLast) throw error;
      }
    }
    throw lastError;
  }

  return { call, measuredClient };
}

export type ModelGateway = ReturnType<typeof createModelGateway>;
