import type { ProviderKind } from '@/services/settings/settings-schema';

/**
 * Request parameters that switch reasoning ("thinking") off, or as low as the model allows: a
 * translation needs no chain of thought, and reasoning models otherwise take many seconds and bill
 * hidden tokens for every sentence.
 *
 * - OpenAI / Azure: `reasoning_effort` on reasoning models only (others reject it): `minimal` on
 *   gpt-5, `low` on the o-series.
 * - OpenRouter: its unified `reasoning` object.
 * - Ollama (its OpenAI-compatible endpoint turns thinking off only on `reasoning_effort: "none"`).
 * - Other compatible servers (vLLM, SGLang, LM Studio…): `chat_template_kwargs.enable_thinking =
 *   false`, which Qwen3-style chat templates read and other servers ignore.
 * A server that refuses these parameters gets the request again without them (see model-client).
 */
export function reasoningOffParams(kind: ProviderKind, baseUrl: string, model: string): Record<string, unknown> {
  const name = model.toLowerCase();
  if (kind === 'openai' || kind === 'azure') {
    if (/^gpt-5(?!.*chat)/.test(name)) return { reasoning_effort: 'minimal' };
    if (/^o\d/.test(name)) return { reasoning_effort: 'low' };
    return {};
  }
  if (kind !== 'openai-compatible') return {};
  if (/openrouter\.ai/i.test(baseUrl)) return { reasoning: { enabled: false, exclude: true } };
  if (/api\.deepseek\.com/i.test(baseUrl)) return {};
  if (/:11434\b|ollama/i.test(baseUrl)) return { reasoning_effort: 'none' };
  return { chat_template_kwargs: { enable_thinking: false } };
}
