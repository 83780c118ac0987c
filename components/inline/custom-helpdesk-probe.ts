import { browser } from 'wxt/browser';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { customHelpdeskSchema } from '@/services/helpdesk/custom/descriptor';
import { probeCustomHelpdesk } from '@/services/helpdesk/custom/probe';
import type { ProbeCustomHelpdeskResponse } from '@/services/messaging/protocol';
import { createAdapterHighlighter, highlightTargetsFor } from './adapter-highlight';

const INSTALLED = Symbol.for('parley.customHelpdeskProbe');

/**
 * Answers the background's "test this description here": reads the page with the description,
 * outlines what it found for a few seconds, and replies with the report. Installed once per page
 * however often the background injects it.
 */
export function startCustomHelpdeskProbe(ctx: ContentScriptContext): void {
  const scope = globalThis as unknown as Record<symbol, boolean>;
  if (scope[INSTALLED]) return;
  scope[INSTALLED] = true;
  const highlighter = createAdapterHighlighter(ctx);

  browser.runtime.onMessage.addListener((raw: unknown): Promise<ProbeCustomHelpdeskResponse> | undefined => {
    const message = raw as { type?: unknown; helpdesk?: unknown } | null;
    if (message?.type !== 'background/probe-custom-helpdesk') return undefined;
    // Parsed again here: selectors are checked by this page's real DOM, which the worker lacks.
    const parsed = customHelpdeskSchema.safeParse(message.helpdesk);
    if (!parsed.success) return Promise.resolve({ error: parsed.error.issues[0]?.message ?? 'invalid description' });
    const result = probeCustomHelpdesk(parsed.data, document, location.href);
    void highlighter.show(highlightTargetsFor(result.highlights));
    return Promise.resolve(result.report);
  });
}
