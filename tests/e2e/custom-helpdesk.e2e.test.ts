import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TIDY_INPUT } from '../services/helpdesk/custom/custom-fixtures';
import { HELPDESK_ORIGIN, launchParley, seedSettings, TEST_API_KEY, type ParleyBrowser } from '../../scripts/launch-parley';

/**
 * A helpdesk Parley does not know, described by an admin: tested live on the open tab (with the
 * highlight), saved, then run by the content script the background registers at run time.
 *
 * Why the page lives under acme.zendesk.com/tidy/: a headless test cannot click the browser's
 * permission prompt, so the page must be on an origin Parley already holds (*.zendesk.com); the
 * built-in Zendesk script only runs on /agent/*, so nothing else reads this page.
 */
const TIDY_PAGE = readFileSync(join(__dirname, '../fixtures/custom/tidy-tickets.html'), 'utf8');
const TIDY_URL = `${HELPDESK_ORIGIN}/tidy/tickets/view?id=77`;
/** The unit tests' description of the Tidy Tickets page, on the origin this page is served from. */
const TIDY = { ...TIDY_INPUT, urlPatterns: [`${HELPDESK_ORIGIN}/tidy/*`] };

describe('a custom helpdesk described in the options page', () => {
  let parley: ParleyBrowser;
  let tidy: Page;

  beforeAll(async () => {
    parley = await launchParley();
    await parley.context.route(`${HELPDESK_ORIGIN}/tidy/**`, (route) => route.fulfill({ contentType: 'text/html', body: TIDY_PAGE }));
    await seedSettings(parley.worker, {
      provider: { kind: 'openai-compatible', baseUrl: parley.modelServer!.url, apiKey: TEST_API_KEY, model: 'parley-local-1', azureEndpoint: '', azureDeployment: '', azureApiVersion: '2024-10-21' },
      agentLanguage: 'en',
      inlineTranslations: true,
    });
    await parley.worker.evaluate((helpdesk) => chrome.storage.local.set({ parleyCustomHelpdesks: [helpdesk] }), TIDY);
    tidy = await parley.open(TIDY_URL);
  });
  afterAll(async () => {
    await parley?.close();
  });

  it('tests the description on the open tab: a report in the options page and a highlight in the helpdesk', async () => {
    const options = await parley.openExtensionPage('options.html');
    await options.getByRole('button', { name: 'Edit' }).click();
    await options.getByTestId('custom-helpdesk-test').click();
    const report = options.getByTestId('probe-report');
    await report.waitFor({ timeout: 20_000 });
    expect(await options.getByTestId('probe-reading').textContent()).toBe('Parley would read this conversation.');
    expect(await options.getByTestId('probe-samples').textContent()).toContain('Der Drucker im zweiten Stock druckt seit heute Morgen nur leere Seiten.');
    expect(await options.getByTestId('probe-samples').textContent()).not.toContain('Jonas Weber');
    // The page shows outlined boxes over what was found, in Parley's own shadow root only.
    await tidy.waitForFunction(() => (document.querySelector('parley-adapter-highlight')?.shadowRoot?.textContent ?? '').length > 0);
    expect(await tidy.evaluate(() => document.querySelector('parley-adapter-highlight')!.shadowRoot!.textContent)).toContain('Customer');
    await options.close();
  });

  it('registers a content script for it, which translates the customer messages after a reload', async () => {
    await parley.worker.evaluate(async () => {
      for (let i = 0; i < 50; i++) {
        const scripts = await chrome.scripting.getRegisteredContentScripts();
        if (scripts.some((s) => s.id === 'parley-custom-tidy-tickets')) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('not registered');
    });
    await tidy.reload();
    // Every customer entry's translation finished (they stream one by one: reading after the first would race the others).
    await tidy.waitForFunction(
      () => {
        const hosts = [...document.querySelectorAll('parley-inline-translation')];
        return hosts.length >= 3 && hosts.every((h) => h.shadowRoot?.querySelector('.parley-inline')?.getAttribute('data-status') === 'done');
      },
      undefined,
      { timeout: 30_000 },
    );
    const hosts = await tidy.evaluate(() =>
      [...document.querySelectorAll('parley-inline-translation')].map((h) => ({
        inCustomerEntry: Boolean(h.closest('li.by-customer')),
        text: h.shadowRoot?.querySelector('.parley-inline__text')?.textContent ?? '',
      })),
    );
    expect(hosts.length).toBeGreaterThan(0);
    expect(hosts.every((h) => h.inCustomerEntry)).toBe(true);
    expect(hosts.map((h) => h.text).join('\n')).toContain('Der Drucker im zweiten Stock');
  });
});
