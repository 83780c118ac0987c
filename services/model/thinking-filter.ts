/**
 * Reasoning models served through compatible endpoints (Qwen3, DeepSeek-R1 on Ollama or vLLM) may
 * put their thinking in the answer as `<think>…</think>` before it. The agent must never see it,
 * not even while it streams.
 */
export function createThinkingFilter() {
  return {
    /** The visible part of the raw text so far, or null while the model is still thinking. */
    visible(raw: string): string | null {
      const trimmed = raw.trimStart();
      if (!trimmed.startsWith('<think>')) {
        // A partial opening tag might still become `<think>`: wait for a few more characters.
        if ('<think>'.startsWith(trimmed) && trimmed.length > 0) return null;
        return raw;
      }
      const end = trimmed.indexOf('</think>');
      if (end < 0) return null;
      return trimmed.slice(end + '</think>'.length).trimStart();
    },
  };
}
