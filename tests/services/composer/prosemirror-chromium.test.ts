// @vitest-environment node
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { build } from 'esbuild';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS } from '../../../scripts/launch-parley';

/**
 * The ProseMirror strategies against the real prosemirror-view in Debian's Chromium (never a downloaded browser): real
 * clipboard events, the real selectionchange timing, the real execCommand and ProseMirror's DOM observer.
 * Skipped where /usr/bin/chromium is not installed.
 */

const ROOT = resolve(__dirname, '../../..');

interface PageApi {
  mount(html: string, options?: { ignorePaste?: boolean }): void;
  selectStartAndBlur(): void;
  insert(text: string, mode?: 'append' | 'replace'): Promise<{ landed: boolean; method: string; reason?: string }>;
  paragraphs(): string[];
}
type TestWindow = Window & { parleyComposerTest: PageApi };

/** The page's bundle: ProseMirror and Parley's insertIntoComposer, with the extension-only i18n module replaced by its keys. */
async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [resolve(__dirname, 'prosemirror-page-entry.ts')],
    bundle: true,
    format: 'iife',
    write: false,
    platform: 'browser',
    tsconfig: resolve(ROOT, 'tsconfig.json'),
    logLevel: 'silent',
    plugins: [
      {
        name: 'parley-i18n-keys',
        setup(plugin) {
          plugin.onResolve({ filter: /^@\/services\/i18n\/i18n$/ }, () => ({ path: 'i18n', namespace: 'parley-i18n-keys' }));
          plugin.onLoad({ filter: /.*/, namespace: 'parley-i18n-keys' }, () => ({
            contents: 'export const i18n = { t: (key, subs) => (subs && subs.length ? key + "(" + subs.join(" | ") + ")" : key) };',
            loader: 'js',
          }));
        },
      },
    ],
  });
  return result.outputFiles[0]!.text;
}

describe.skipIf(!existsSync(CHROMIUM))('ProseMirror strategies in real Chromium', { timeout: 60_000 }, () => {
  let browser: Browser;
  let page: Page;
  let bundle: string;

  beforeAll(async () => {
    bundle = await bundlePage();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
    });
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  beforeEach(async () => {
    await page.setContent('<!DOCTYPE html><html><body><button id="elsewhere">Parley</button><div id="editor"></div></body></html>');
    await page.addScriptTag({ content: bundle });
  });

  const mount = (html: string, options: { ignorePaste?: boolean } = {}) =>
    page.evaluate(([h, o]) => (window as unknown as TestWindow).parleyComposerTest.mount(h, o), [html, options] as const);
  const insert = (text: string, mode: 'append' | 'replace' = 'append') =>
    page.evaluate(([t, m]) => (window as unknown as TestWindow).parleyComposerTest.insert(t, m), [text, mode] as const);
  const paragraphs = () => page.evaluate(() => (window as unknown as TestWindow).parleyComposerTest.paragraphs());
  const selectStartAndBlur = () => page.evaluate(() => (window as unknown as TestWindow).parleyComposerTest.selectStartAndBlur());

  it("pastes one paragraph per line into ProseMirror's document", async () => {
    await mount('<p></p>');
    expect(await insert('Hola Lucía,\n\nel pedido ya salió.')).toEqual({ landed: true, method: 'paste' });
    expect(await paragraphs()).toEqual(['Hola Lucía,', '', 'el pedido ya salió.']);
  });

  it('appends after the existing text, though the editor was blurred with its selection at the top', async () => {
    await mount('<p>Hi Lucía,</p><p>thanks for waiting.</p>');
    await selectStartAndBlur();
    expect(await insert('Your order left the warehouse.\nBest, Sam')).toEqual({ landed: true, method: 'paste' });
    expect(await paragraphs()).toEqual(['Hi Lucía,', 'thanks for waiting.', 'Your order left the warehouse.', 'Best, Sam']);
  });

  it("replaces the editor's content when asked to (translate my reply), through ProseMirror's own paste", async () => {
    await mount('<p>Hi Lucía,</p><p>your order left.</p>');
    await selectStartAndBlur();
    expect(await insert('Hola Lucía,\ntu pedido ya salió.', 'replace')).toEqual({ landed: true, method: 'paste' });
    expect(await paragraphs()).toEqual(['Hola Lucía,', 'tu pedido ya salió.']);
  });

  it("keeps markup as text through ProseMirror's HTML clipboard parser", async () => {
    await mount('<p></p>');
    await insert('Use <b>code</b> 5 & "x"');
    expect(await paragraphs()).toEqual(['Use <b>code</b> 5 & "x"']);
    expect(await page.locator('#editor b').count()).toBe(0);
  });

  it("falls back to the browser's execCommand, line by line, when ProseMirror leaves the paste alone", async () => {
    await mount('<p>Hi Lucía,</p>', { ignorePaste: true });
    await selectStartAndBlur();
    const result = await insert('Your order left.\n\nBest, Sam');
    expect(result).toEqual({ landed: true, method: 'exec-command' });
    expect(await paragraphs()).toEqual(['Hi Lucía,', 'Your order left.', '', 'Best, Sam']);
  });
});
