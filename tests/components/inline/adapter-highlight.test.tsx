import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import {
  HIGHLIGHT_UI_NAME,
  createAdapterHighlighter,
  highlightTargetsFor,
  mountAdapterHighlight,
  type HighlightTarget,
} from '@/components/inline/adapter-highlight';
import { probeCustomHelpdesk } from '@/services/helpdesk/custom/probe';
import { CHATWOOT_INPUT, CHATWOOT_URL, descriptor, loadFixture } from '../../services/helpdesk/custom/custom-fixtures';

/**
 * Lives here rather than in tests/components/inline/ only because of who edits which folder this week;
 * it tests components/inline/adapter-highlight.tsx.
 */

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const hosts = () => [...document.querySelectorAll(HIGHLIGHT_UI_NAME)];
const boxesIn = (host: Element) => [...host.shadowRoot!.querySelectorAll<HTMLElement>('.parley-highlight__box')];

/** happy-dom has no layout: give an element the box a browser would measure. */
function placeAt(element: Element, top: number, left = 10, width = 300, height = 40) {
  Object.defineProperty(element, 'getBoundingClientRect', {
    configurable: true,
    value: () => ({ top, left, width, height, right: left + width, bottom: top + height, x: left, y: top, toJSON: () => ({}) }),
  });
}

/** Every page node as markup, Parley's own host left out. */
const pageSnapshot = () => ({
  head: document.head.innerHTML,
  body: [...document.body.children].filter((el) => el.localName !== HIGHLIGHT_UI_NAME).map((el) => el.outerHTML),
  bodyAttributes: [...document.body.attributes].map((a) => `${a.name}=${a.value}`),
  html: [...document.documentElement.attributes].map((a) => `${a.name}=${a.value}`),
});

describe('adapter highlight', () => {
  let ctx: ContentScriptContext;
  beforeEach(() => {
    ctx = new ContentScriptContext('custom-helpdesk-test');
  });
  afterEach(() => {
    ctx.abort();
    for (const host of hosts()) host.remove();
  });

  it('adds exactly one Parley-owned node to the page and leaves every page node as it was, before and after removal', async () => {
    loadFixture('chatwoot-like', CHATWOOT_URL);
    const before = pageSnapshot();
    const bodyBefore = document.body.innerHTML;
    const { highlights } = probeCustomHelpdesk(descriptor(CHATWOOT_INPUT), document, CHATWOOT_URL);
    highlights.forEach((h, i) => placeAt(h.element, 100 + i * 50));

    const remove = await mountAdapterHighlight(ctx, highlightTargetsFor(highlights));
    expect(hosts()).toHaveLength(1);
    expect(document.body.lastElementChild?.localName).toBe(HIGHLIGHT_UI_NAME);
    expect(pageSnapshot()).toEqual(before);
    expect(boxesIn(hosts()[0]!)).toHaveLength(8);

    remove();
    expect(hosts()).toHaveLength(0);
    expect(document.body.innerHTML).toBe(bodyBefore);
    remove(); // idempotent
  });

  it('draws each box where its element is, labelled with the role in words', async () => {
    loadFixture('chatwoot-like', CHATWOOT_URL);
    const { highlights } = probeCustomHelpdesk(descriptor(CHATWOOT_INPUT), document, CHATWOOT_URL);
    highlights.forEach((h, i) => placeAt(h.element, 100 + i * 50, 20 + i));
    await mountAdapterHighlight(ctx, highlightTargetsFor(highlights));
    const boxes = boxesIn(hosts()[0]!);
    expect(boxes.map((b) => b.textContent)).toEqual(['System event', 'Customer', 'Bot', 'Internal note', 'Agent', 'Customer', 'Left out', 'Composer']);
    expect(boxes[1]!.style.top).toBe('150px');
    expect(boxes[1]!.style.left).toBe('21px');
    expect(boxes[1]!.classList.contains('parley-highlight__box--customer')).toBe(true);
    expect(boxes[7]!.classList.contains('parley-highlight__box--composer')).toBe(true);
  });

  it('renders labels as text, never as HTML', async () => {
    document.body.innerHTML = '<p id="target">hello</p>';
    const target = document.getElementById('target')!;
    placeAt(target, 50);
    await mountAdapterHighlight(ctx, [{ element: target, label: '<img src=x onerror="alert(1)">Agent', tone: 'agent' }]);
    const shadow = hosts()[0]!.shadowRoot!;
    expect(shadow.querySelector('img')).toBeNull();
    expect(shadow.querySelector('.parley-highlight__label')?.textContent).toBe('<img src=x onerror="alert(1)">Agent');
  });

  it('follows the element when a pane of the page scrolls, and hides boxes of elements that went away', async () => {
    document.body.innerHTML = '<div id="pane"><p id="a">a</p><p id="b">b</p></div>';
    const [a, b] = [document.getElementById('a')!, document.getElementById('b')!];
    placeAt(a, 200);
    placeAt(b, 260);
    const targets: HighlightTarget[] = [
      { element: a, label: 'Customer', tone: 'customer' },
      { element: b, label: 'Agent', tone: 'agent' },
    ];
    await mountAdapterHighlight(ctx, targets);
    expect(boxesIn(hosts()[0]!).map((box) => box.style.top)).toEqual(['200px', '260px']);

    placeAt(a, 80);
    b.remove();
    document.getElementById('pane')!.dispatchEvent(new Event('scroll'));
    await wait(50);
    expect(boxesIn(hosts()[0]!).map((box) => box.style.top)).toEqual(['80px']);
  });

  it('removes itself after its duration', async () => {
    document.body.innerHTML = '<p id="a">a</p>';
    placeAt(document.getElementById('a')!, 10);
    await mountAdapterHighlight(ctx, [{ element: document.getElementById('a')!, label: 'Customer', tone: 'customer' }], { durationMs: 30 });
    expect(hosts()).toHaveLength(1);
    await wait(80);
    expect(hosts()).toHaveLength(0);
  });

  it('keeps one overlay: a new test replaces the previous picture; an invalidated content script removes it', async () => {
    document.body.innerHTML = '<p id="a">a</p>';
    const target: HighlightTarget = { element: document.getElementById('a')!, label: 'Customer', tone: 'customer' };
    placeAt(target.element, 10);
    const highlighter = createAdapterHighlighter(ctx);
    await highlighter.show([target]);
    await highlighter.show([target, target]);
    await wait(0);
    expect(hosts()).toHaveLength(1);
    expect(boxesIn(hosts()[0]!)).toHaveLength(2);
    ctx.abort();
    expect(hosts()).toHaveLength(0);
  });
});
