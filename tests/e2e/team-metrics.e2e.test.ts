import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { localDay } from '../../services/time/local-day';
import { launchParley, localModelSettings, seedSettings, type ParleyBrowser } from '../../scripts/launch-parley';
import { seriousViolations } from './accessibility';

/**
 * Live work in the fixture helpdesk becomes the leads' metrics: a customer message arrives, the
 * agent inserts one suggestion as written, one edited, and one reply of their own translated in
 * the panel, and one informal reply is blocked by the market's rules. The dashboard shows and charts
 * exactly those counts, and its CSV export has them.
 */

type Fixture = { parleyFixture: { appendCustomerMessage(text: string): string } };
const ARRIVING = 'Vielen Dank! Kann ich die Lieferadresse noch ändern?';


async function landed(panel: Page, selector: string) {
  await panel.locator(`${selector} .insert-outcome[data-landed="true"]`).waitFor({ timeout: 15_000 });
}

describe('team metrics from live work', () => {
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

  it('the agent works a new customer message: a suggestion as is, an edited one, an own reply, and a blocked one', async () => {
    await helpdesk.evaluate((text) => (window as unknown as Fixture).parleyFixture.appendCustomerMessage(text), ARRIVING);
    await panel.waitForFunction((text) => [...document.querySelectorAll('.message__original')].some((p) => p.textContent === text), ARRIVING, { timeout: 15_000 });
    await panel.locator('.suggestion').nth(2).waitFor({ timeout: 15_000 });

    await panel.locator('.suggestion').nth(0).locator('.suggestion__insert').click();
    await landed(panel, '.suggestion:nth-child(1)');

    const second = panel.locator('.suggestion').nth(1);
    await second.getByRole('button', { name: 'Edit' }).click();
    await second.locator('textarea').fill('Vielen Dank für Ihre Geduld.');
    await second.locator('textarea').press('Control+Enter');
    await second.getByTestId('back-translation').waitFor({ timeout: 15_000 });
    await second.locator('.suggestion__insert').click();
    await landed(panel, '.suggestion:nth-child(2)');

    await panel.locator('#draft').fill('Yes, you can still change the delivery address.');
    await panel.locator('#draft').press('Control+Enter');
    await panel.locator('.reply').getByTestId('back-translation').waitFor({ timeout: 15_000 });
    await panel.locator('#draft').press('Control+Enter');
    await landed(panel, '.reply');

    // Informal German in a formal market: the check blocks it (and counts it).
    const third = panel.locator('.suggestion').nth(2);
    await third.getByRole('button', { name: 'Edit' }).click();
    await third.locator('textarea').fill('Kannst du mir deine Adresse schicken?');
    await third.locator('textarea').press('Control+Enter');
    await third.locator('.check[data-status="block"]').waitFor({ timeout: 15_000 });
    const tabId = await panel.evaluate(async () => ((await chrome.storage.session.get('lastConversation')).lastConversation as { tabId: number }).tabId);
    const refused = await panel.evaluate(
      ([id, text]) => chrome.runtime.sendMessage({ type: 'ui/insert-reply', tabId: id, conversationKey: 'zendesk:acme.zendesk.com:4821', text, origin: { kind: 'suggestion-edited' } }),
      [tabId, 'Kannst du mir deine Adresse schicken?'] as const,
    );
    expect(refused).toMatchObject({ landed: false, check: { status: 'block' } });
  });

  it('the dashboard shows and charts those counts, and exports them as CSV', async () => {
    const dashboard = await parley.openExtensionPage('dashboard.html');
    const card = (metric: string) => dashboard.locator(`.card[data-metric="${metric}"] .card__value`);
    await expect.poll(() => card('repliesInserted').textContent(), { timeout: 10_000 }).toBe('3');
    expect(await card('customerMessages').textContent()).toBe('1');
    // As is / edited / ignored: one set of suggestions was shown before the message arrived and got nothing.
    expect(await card('suggestionsUsedAsIs').textContent()).toBe('1 / 1 / 1');
    expect(await card('outboundTranslations').textContent()).toBe('1');
    expect(await card('checksBlocked').textContent()).toBe('0 / 1');

    // Today's bars are drawn, with the counts in their titles.
    const bars = await dashboard.locator('[data-chart="work-per-day"] rect title').allTextContents();
    const today = localDay(Date.now());
    expect(bars).toContain(`${today} · Replies inserted: 3`);
    expect(bars).toContain(`${today} · Customer messages: 1`);
    expect(await dashboard.locator('[data-chart="checks-by-rule"] rect title').allTextContents()).toEqual(['formality · Warned: 0', 'formality · Blocked: 1']);
    expect(await dashboard.locator('[data-testid="conversation-metrics"] tbody tr').count()).toBe(1);

    const [download] = await Promise.all([dashboard.waitForEvent('download'), dashboard.getByRole('button', { name: 'Export per day (CSV)' }).click()]);
    const csv = readFileSync((await download.path())!, 'utf8').trim().split('\r\n');
    const header = csv[0]!.split(',');
    const todayRow = csv.find((line) => line.startsWith(today))!.split(',');
    const value = (column: string) => todayRow[header.indexOf(column)];
    expect(value('customerMessages')).toBe('1');
    expect(value('repliesInserted')).toBe('3');
    expect(value('suggestionsUsedAsIs')).toBe('1');
    expect(value('suggestionsEdited')).toBe('1');
    expect(value('ownReplies')).toBe('1');
    expect(value('outboundTranslations')).toBe('1');
    expect(value('checksBlocked')).toBe('1');
    expect(Number(value('medianResponseMs'))).toBeGreaterThan(0);
    expect(Number(value('medianResponseMs'))).toBeLessThan(120_000);
    expect(Number(value('modelRequests'))).toBeGreaterThan(0);
    for (const colorScheme of ['light', 'dark'] as const) {
      await dashboard.emulateMedia({ colorScheme });
      expect(await seriousViolations(dashboard), `dashboard, ${colorScheme}`).toEqual([]);
    }
    await dashboard.close();
  });
});
