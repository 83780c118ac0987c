import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchParley, localModelSettings, seedSettings, type ParleyBrowser } from '../../scripts/launch-parley';
import { seriousViolations } from './accessibility';

/**
 * The agent's workflow in the built extension: a reply written in the agent's own language,
 * shown as the customer will read it with its back-translation, inserted into the helpdesk's
 * composer; the draft surviving a panel reload; the panel in Arabic (right to left) and Japanese;
 * and an accessibility check (axe-core) of the side panel and the options page.
 */

type Fixture = { parleyFixture: { editorData(): string } };
const DRAFT = 'Thank you for your patience. I have forwarded your request to our shipping team and will update you as soon as I hear back.';
const DRAFT_IN_GERMAN =
  'Vielen Dank für Ihre Geduld. Ich habe Ihre Anfrage an unser Versandteam weitergeleitet und melde mich, sobald ich eine Rückmeldung habe.';


function locale(name: string): Record<string, Record<string, string>> {
  return JSON.parse(readFileSync(new URL(`../../locales/${name}.json`, import.meta.url), 'utf8'));
}

describe("the agent's workflow in the side panel", () => {
  let parley: ParleyBrowser;
  let helpdesk: Page;
  let panel: Page;

  beforeAll(async () => {
    parley = await launchParley();
    await seedSettings(parley.worker, localModelSettings(parley.modelServer!.url));
    helpdesk = await parley.openTicket('4821');
    await helpdesk.locator('parley-inline-translation .parley-inline[data-status="done"]').first().waitFor({ timeout: 30_000 });
    panel = await parley.openExtensionPage('sidepanel.html');
    await panel.locator('.suggestion').nth(2).waitFor({ timeout: 30_000 });
  }, 60_000);
  afterAll(async () => {
    await parley?.close();
  });

  it('the draft survives a panel reload, with its translation', async () => {
    await panel.locator('#draft').fill(DRAFT);
    await panel.locator('#draft').press('Control+Enter');
    await panel.getByTestId('back-translation').waitFor({ timeout: 15_000 });
    await panel.reload();
    await panel.locator('#draft').waitFor();
    await expect.poll(() => panel.locator('#draft').inputValue()).toBe(DRAFT);
    expect(await panel.getByTestId('customer-text').textContent()).toBe(DRAFT_IN_GERMAN);
    // Edited after the reload: the old translation no longer applies and is not offered for insertion.
    await panel.locator('#draft').fill(`${DRAFT} Have a nice day.`);
    expect(await panel.getByTestId('customer-text').count()).toBe(0);
    await panel.locator('#draft').fill(DRAFT);
  });

  it('the agent writes in English, sees the German the customer will read and its back-translation, and inserts it', async () => {
    await panel.locator('#draft').press('Control+Enter');
    await panel.getByTestId('back-translation').waitFor({ timeout: 15_000 });
    expect(await panel.getByTestId('customer-text').textContent()).toBe(DRAFT_IN_GERMAN);
    expect(await panel.getByTestId('back-translation').textContent()).toBe(DRAFT);
    expect(await panel.locator('.outbound__label').first().textContent()).toBe('The customer will read (German):');
    // The second Ctrl+Enter inserts what was shown, and only that.
    await panel.locator('#draft').press('Control+Enter');
    const outcome = panel.locator('.reply .insert-outcome');
    await outcome.waitFor({ timeout: 15_000 });
    expect(await outcome.getAttribute('data-landed')).toBe('true');
    const data = await helpdesk.evaluate(() => (window as unknown as Fixture).parleyFixture.editorData());
    expect(data).toContain(DRAFT_IN_GERMAN);
    expect(data).not.toContain(DRAFT);
    // Sent: the draft is cleared, for this conversation, in the database too.
    expect(await panel.locator('#draft').inputValue()).toBe('');
    await panel.reload();
    await panel.locator('.suggestion').first().waitFor({ timeout: 15_000 });
    expect(await panel.locator('#draft').inputValue()).toBe('');
  });

  it('an edited suggestion is back-translated and inserted as edited', async () => {
    const suggestion = panel.locator('.suggestion').first();
    await suggestion.getByRole('button', { name: 'Edit' }).click();
    const editor = suggestion.locator('textarea');
    const edited = 'Vielen Dank für Ihre Geduld.';
    await editor.fill(edited);
    await editor.press('Control+Enter');
    await suggestion.getByTestId('back-translation').waitFor({ timeout: 15_000 });
    expect(await suggestion.getByTestId('customer-text').textContent()).toBe(edited);
    expect(await suggestion.getByTestId('back-translation').textContent()).toBe('[de→en] Vielen Dank für Ihre Geduld.');
    await suggestion.locator('.suggestion__insert').click();
    await suggestion.locator('.insert-outcome[data-landed="true"]').waitFor({ timeout: 15_000 });
    expect(await helpdesk.evaluate(() => (window as unknown as Fixture).parleyFixture.editorData())).toContain(edited);
  });

  it("in the helpdesk itself: the agent types English in the composer, Parley shows the French the customer will read, and replaces the text on confirmation", async () => {
    const french = await parley.openTicket('4902');
    await french.locator('parley-inline-translation .parley-inline[data-status="done"]').first().waitFor({ timeout: 30_000 });
    const composer = french.locator('[data-test-id="ticket-4902-standard-layout"] [data-test-id="omnicomposer-rich-text-ckeditor"]');
    await composer.click();
    await french.keyboard.type(DRAFT);
    const assist = french.locator('parley-composer-assist');
    await assist.getByRole('button', { name: 'Translate my reply' }).click();
    await assist.getByTestId('assist-back-translation').waitFor({ timeout: 15_000 });
    const frenchText = "Merci pour votre patience. J'ai transmis votre demande à notre service d'expédition et je vous tiens informé dès que j'ai une réponse.";
    expect(await assist.getByTestId('assist-customer-text').textContent()).toBe(frenchText);
    expect(await assist.getByTestId('assist-back-translation').textContent()).toBe(DRAFT);
    // Nothing in the composer changes before the agent confirms.
    expect(await french.evaluate(() => (window as unknown as Fixture).parleyFixture.editorData())).toContain(DRAFT);
    await assist.getByRole('button', { name: 'Replace my text with this' }).click();
    await assist.locator('[data-landed="true"]').waitFor({ timeout: 15_000 });
    const data = await french.evaluate(() => (window as unknown as Fixture).parleyFixture.editorData());
    // Only the translation is left: the agent's English is gone.
    expect(data).toBe(`<p>${frenchText}</p>`);
    await french.close();
  });

  it('the side panel and the options page have no serious accessibility violations (axe-core), in light and dark themes', async () => {
    // The check can fail: a nameless button and low-contrast text on a scratch page are reported.
    const scratch = await parley.context.newPage();
    await scratch.setContent('<html lang="en"><title>t</title><main><button></button><p style="color:#bbb;background:#fff">faint</p></main></html>');
    expect((await seriousViolations(scratch)).map((line) => line.split(':')[0]).sort()).toEqual(['button-name', 'color-contrast']);
    await scratch.close();
    const options = await parley.openExtensionPage('options.html');
    await options.locator('select[name="agent-language"]').waitFor();
    for (const colorScheme of ['light', 'dark'] as const) {
      await panel.emulateMedia({ colorScheme });
      await options.emulateMedia({ colorScheme });
      expect(await seriousViolations(panel), `side panel, ${colorScheme}`).toEqual([]);
      expect(await seriousViolations(options), `options page, ${colorScheme}`).toEqual([]);
    }
    await options.close();
  });

  it('renders in Arabic, right to left, when that is the agent language', async () => {
    const arabic = locale('ar');
    await seedSettings(parley.worker, localModelSettings(parley.modelServer!.url, { agentLanguage: 'ar' }));
    await panel.reload();
    await panel.locator('.suggestion').first().waitFor({ timeout: 15_000 });
    expect(await panel.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar']);
    expect(await panel.locator('#suggestions-heading').textContent()).toBe(arabic.panel!.suggestions_heading);
    expect(await panel.locator('#reply-heading').textContent()).toBe(arabic.panel!.reply_heading);
    // Laid out right to left: the heading starts at the right edge.
    const box = (await panel.locator('#reply-heading').boundingBox())!;
    const width = await panel.evaluate(() => document.documentElement.clientWidth);
    expect(box.x + box.width).toBeGreaterThan(width - 40);
    expect(await seriousViolations(panel)).toEqual([]);
    await panel.screenshot({ path: 'artifacts/e2e/side-panel-ar.png', fullPage: true });
  });

  it('renders in Japanese when that is the agent language, translations included', async () => {
    const japanese = locale('ja');
    await seedSettings(parley.worker, localModelSettings(parley.modelServer!.url, { agentLanguage: 'ja' }));
    await panel.reload();
    await panel.locator('.suggestion').first().waitFor({ timeout: 15_000 });
    expect(await panel.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['ltr', 'ja']);
    expect(await panel.locator('#suggestions-heading').textContent()).toBe(japanese.panel!.suggestions_heading);
    // The language names follow the interface language too.
    expect(await panel.locator('.message--customer .message__language').first().textContent()).toBe('ドイツ語');
    // The in-page Parley UI speaks Japanese as well.
    await helpdesk.reload();
    await helpdesk.waitForFunction(
      (label) => [...document.querySelectorAll('parley-inline-translation')].some((host) => host.shadowRoot?.querySelector('.parley-inline')?.getAttribute('aria-label') === label),
      japanese.inline!.label,
      { timeout: 15_000 },
    );
    await seedSettings(parley.worker, localModelSettings(parley.modelServer!.url));
  });
});
