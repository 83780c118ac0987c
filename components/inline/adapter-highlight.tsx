import { signal, type Signal } from '@preact/signals';
import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import { customHelpdeskText } from '@/components/options/custom-helpdesks/custom-helpdesk-text';
import { highlightLabel } from '@/components/options/custom-helpdesks/custom-helpdesk-words';
import type { HighlightKind, ProbeHighlight } from '@/services/helpdesk/custom/probe';

/**
 * The live test's picture on the helpdesk page: one outlined box per element a custom-helpdesk descriptor
 * found, labelled with what it was taken for (Customer, Agent, Composer, Left out…), for a few seconds.
 *
 * Everything lives in ONE shadow-root UI Parley adds at the end of <body> (`parley-adapter-highlight`, a
 * name the conversation watcher ignores). The page's own nodes are only measured
 * (getBoundingClientRect), never given an attribute, a class or a style. Labels are text nodes.
 */

export interface HighlightTarget {
  element: Element;
  /** Shown as text above the box. */
  label: string;
  tone: HighlightKind;
}

export const HIGHLIGHT_DURATION_MS = 8000;
/** More boxes than this say nothing more and cost a layout read each on every scroll. */
export const HIGHLIGHT_MAX_BOXES = 200;
export const HIGHLIGHT_UI_NAME = 'parley-adapter-highlight';

/** Where one box is drawn, in viewport pixels; null while its element is detached or has no size. */
export interface HighlightBox {
  label: string;
  tone: HighlightKind;
  rect: { top: number; left: number; width: number; height: number } | null;
}

/** The probe's elements with their labels in the agent's language. */
export function highlightTargetsFor(highlights: readonly ProbeHighlight[]): HighlightTarget[] {
  return highlights.map(({ element, kind }) => ({ element, label: highlightLabel(kind), tone: kind }));
}

export function measureBoxes(targets: readonly HighlightTarget[]): HighlightBox[] {
  return targets.map(({ element, label, tone }) => {
    if (!element.isConnected) return { label, tone, rect: null };
    const rect = element.getBoundingClientRect();
    const rectOrNull = rect.width > 0 || rect.height > 0 ? { top: rect.top, left: rect.left, width: rect.width, height: rect.height } : null;
    return { label, tone, rect: rectOrNull };
  });
}

const px = (value: number) => `${Math.round(value)}px`;

/** The boxes, drawn with fixed positions over the page. Never intercepts the pointer. */
export function AdapterHighlight({ boxes }: { boxes: Signal<HighlightBox[]> }) {
  return (
    <div class="parley-highlight" role="group" aria-label={customHelpdeskText('highlight_label')} data-testid="adapter-highlight">
      {boxes.value.map((box, index) =>
        box.rect ? (
          <div
            key={index}
            class={`parley-highlight__box parley-highlight__box--${box.tone}`}
            style={{ top: px(box.rect.top), left: px(box.rect.left), width: px(box.rect.width), height: px(box.rect.height) }}
          >
            <span class={`parley-highlight__label${box.rect.top < 18 ? ' parley-highlight__label--inside' : ''}`}>{box.label}</span>
          </div>
        ) : null,
      )}
    </div>
  );
}

const HIGHLIGHT_CSS = `
.parley-highlight { position: fixed; inset: 0; pointer-events: none; font: 600 11px/1.3 system-ui, -apple-system, 'Segoe UI', sans-serif; }
.parley-highlight__box { position: fixed; box-sizing: border-box; border: 2px solid var(--tone); border-radius: 4px;
  background: color-mix(in srgb, var(--tone) 8%, transparent); pointer-events: none; }
.parley-highlight__label { position: absolute; left: -2px; bottom: 100%; max-width: 240px; overflow: hidden; white-space: nowrap;
  text-overflow: ellipsis; padding: 1px 6px; border-radius: 4px 4px 0 0; background: var(--tone); color: #fff; }
.parley-highlight__label--inside { bottom: auto; top: 0; border-radius: 0 0 4px 0; }
.parley-highlight__box--customer { --tone: #2563eb; }
.parley-highlight__box--agent { --tone: #15803d; }
.parley-highlight__box--bot { --tone: #7c3aed; }
.parley-highlight__box--note { --tone: #b45309; }
.parley-highlight__box--system { --tone: #4b5563; }
.parley-highlight__box--skipped { --tone: #b91c1c; border-style: dashed; }
.parley-highlight__box--composer { --tone: #0e7490; border-width: 3px; }
`;

export interface HighlightOptions {
  /** How long the boxes stay; default HIGHLIGHT_DURATION_MS. */
  durationMs?: number;
}

/**
 * Draws the boxes over `targets` until `durationMs` passes, the returned function is called, or the
 * content script is invalidated. Boxes follow scrolling (of the page or of any scrolled container),
 * resizing and, twice a second, layout changes.
 */
export async function mountAdapterHighlight(
  ctx: ContentScriptContext,
  targets: readonly HighlightTarget[],
  options: HighlightOptions = {},
): Promise<() => void> {
  const shown = targets.slice(0, HIGHLIGHT_MAX_BOXES);
  const boxes = signal<HighlightBox[]>(measureBoxes(shown));
  const listeners = new AbortController();
  let frame: number | null = null;
  let removed = false;

  const reposition = () => {
    if (frame !== null) return;
    frame = requestAnimationFrame(() => {
      frame = null;
      if (!removed) boxes.value = measureBoxes(shown);
    });
  };

  const ui = await createShadowRootUi(ctx, {
    name: HIGHLIGHT_UI_NAME,
    position: 'overlay',
    zIndex: 2147483647,
    css: HIGHLIGHT_CSS,
    onMount(container) {
      render(<AdapterHighlight boxes={boxes} />, container);
      return container;
    },
    onRemove(container) {
      if (container) render(null, container);
    },
  });

  const remove = () => {
    if (removed) return;
    removed = true;
    listeners.abort();
    if (frame !== null) cancelAnimationFrame(frame);
    ui.remove();
  };

  if (ctx.isInvalid) {
    removed = true;
    return remove;
  }
  ui.mount();
  // Capture: scrolling inside the helpdesk's own panes does not bubble to window.
  window.addEventListener('scroll', reposition, { capture: true, passive: true, signal: listeners.signal });
  window.addEventListener('resize', reposition, { passive: true, signal: listeners.signal });
  const interval = ctx.setInterval(reposition, 500);
  const timeout = ctx.setTimeout(remove, options.durationMs ?? HIGHLIGHT_DURATION_MS);
  const stopWatchingInvalidation = ctx.onInvalidated(remove);
  listeners.signal.addEventListener('abort', () => {
    clearInterval(interval);
    clearTimeout(timeout);
    stopWatchingInvalidation();
  });
  return remove;
}

/** Keeps at most one highlight on the page: a new test replaces the previous picture. */
export function createAdapterHighlighter(ctx: ContentScriptContext) {
  let current: Promise<() => void> | null = null;

  function clear() {
    const previous = current;
    current = null;
    void previous?.then((remove) => remove());
  }

  function show(targets: readonly HighlightTarget[], options?: HighlightOptions): Promise<() => void> {
    clear();
    const mounted = mountAdapterHighlight(ctx, targets, options);
    current = mounted;
    return mounted;
  }

  return { show, clear };
}
