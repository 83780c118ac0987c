import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createStarterRuleSet } from '../../services/markets/starter-markets';
import { serializeRuleSet } from '../../services/markets/market-profile';
import { launchParley, localModelSettings, seedSettings, type ParleyBrowser } from '../../scripts/launch-parley';

/**
 * Market rules in the built extension: a lead locks the formal address for de-DE in the options
 * page, an agent's informal German edit of a suggestion is blocked (in the panel and by the
 * background, whoever asks), a translated draft whose amount the model changed is caught, a bad
 * rules file is refused, and rules pushed through the browser's enterprise policy (managed storage)
 * reach the extension and cannot be changed.
 */

type Fixture = { parleyFixture: { editorData(): string } };
const INFORMAL = 'Kannst du mir deine Bestellnummer schicken?';
const FORMAL_FIX = 'Können Sie mir Ihre Bestellnummer schicken?';
/** Chromium on Linux reads enterprise policies from here (Debian's package). */
const POLICY_DIR = '/etc/chromium/policies/managed';
const POLICY_FILE = `${POLICY_DIR}/parley-e2e-market-rules.json`;


async function openPanel(parley: ParleyBrowser): Promise<Page> {
  const panel = await parley.openExtensionPage('sidepanel.html');
  await panel.locator('.suggestion').nth(2).waitFor({ timeout: 30_000 });
  return panel;
}

describe('market rules set by a lead', () => {
  let parley: ParleyBrowser;
  let helpdesk: Page;
  let panel: Page;

  beforeAll(async () => {
    parley = await launchParley();
    await seedSettings(parley.worker, localModelSettings(parley.modelServer!.url));
    helpdesk = await parley.openTicket('4821');
    await helpdesk.locator('parley-inline-translation .parley-inline[data-status="done"]').first().waitFor({ timeout: 30_000 });
  }, 60_000);
  afterAll(async () => {
    await parley?.close();
  });

  it('a lead locks the formal address for de-DE in the options page; agents can no longer change it', async () => {
    const options = await parley.openExtensionPage('options.html');
    const markets = options.locator('fieldset.markets');
    await markets.locator('select[name="market"]').selectOption('de-DE');
    const formality = markets.locator('.market-rule[data-rule="formality"]');
    await formality.locator('select[name="formality-register"]').selectOption('formal');
    await formality.locator('select[name="formality-enforcement"]').selectOption('block');
    await formality.locator('input[name="formality-locked"]').check();
    await markets.getByRole('button', { name: 'Save market rules' }).click();
    await markets.getByText('Market rules saved.').waitFor();
    await options.reload();
    const locked = options.locator('fieldset.markets .market-rule[data-rule="formality"]');
    await locked.waitFor();
    expect(await locked.getAttribute('data-locked')).toBe('true');
    expect(await locked.locator('select[name="formality-register"]').isDisabled()).toBe(true);
    expect(await locked.locator('input[name="formality-enabled"]').isDisabled()).toBe(true);
    // Other rules of the market stay editable.
    expect(await options.locator('fieldset.markets input[name="emoji-allowed"]').isDisabled()).toBe(false);
    await options.close();
  });

  it("an agent's informal German edit of a suggestion is blocked, with the reason and a fix", async () => {
    panel = await openPanel(parley);
    expect(await panel.locator('.market').getAttribute('data-market')).toBe('de-DE');
    const suggestion = panel.locator('.suggestion').first();
    await suggestion.getByRole('button', { name: 'Edit' }).click();
    await suggestion.locator('textarea').fill(INFORMAL);
    await suggestion.locator('textarea').press('Control+Enter');
    const check = suggestion.locator('.check[data-rule="formality"]');
    await check.waitFor({ timeout: 15_000 });
    expect(await check.getAttribute('data-status')).toBe('block');
    expect(await check.textContent()).toContain('This market uses the formal address, but the reply uses informal forms: "du", "deine".');
    expect(await suggestion.locator('.suggestion__insert').isDisabled()).toBe(true);

    // The background refuses it too, whoever asks (here: a page message, as a script would send it).
    const tabId = await panel.evaluate(async () => ((await chrome.storage.session.get('lastConversation')).lastConversation as { tabId: number }).tabId);
    const conversationKey = 'zendesk:acme.zendesk.com:4821';
    const refused = await panel.evaluate(
      ([id, key, text]) => chrome.runtime.sendMessage({ type: 'ui/insert-reply', tabId: id, conversationKey: key, text }),
      [tabId, conversationKey, INFORMAL] as const,
    );
    expect(refused).toMatchObject({ landed: false, method: 'none', check: { status: 'block', marketId: 'de-DE' } });
    expect(refused.reason).toContain('Not inserted: the rules for Germany do not allow this reply.');
    expect(await helpdesk.evaluate(() => (window as unknown as Fixture).parleyFixture.editorData())).not.toContain('Kannst du');

    // The fix makes it formal; then it can go in.
    await check.getByRole('button', { name: 'Apply fix' }).click();
    await suggestion.getByTestId('customer-text').filter({ hasText: FORMAL_FIX }).waitFor({ timeout: 15_000 });
    expect(await suggestion.locator('.check[data-rule="formality"]').count()).toBe(0);
    await suggestion.locator('.suggestion__insert').click();
    await suggestion.locator('.insert-outcome[data-landed="true"]').waitFor({ timeout: 15_000 });
    expect(await helpdesk.evaluate(() => (window as unknown as Fixture).parleyFixture.editorData())).toContain(FORMAL_FIX);
  });

  it('a translated draft whose amount the model changed is caught before it can be inserted', async () => {
    parley.modelServer!.failNext({ mode: 'alter-numbers', task: 'outbound' });
    await panel.locator('#draft').fill('Your refund of 49.90 € will arrive within 5 days.');
    await panel.locator('#draft').press('Control+Enter');
    await panel.getByTestId('back-translation').waitFor({ timeout: 15_000 });
    const check = panel.locator('.reply .check[data-rule="meaning"]');
    await check.waitFor();
    expect(await check.getAttribute('data-status')).toBe('block');
    expect(await check.textContent()).toContain('Amount changed: the draft says 49.90 €, the translation says 94.40 €.');
    expect(await panel.getByRole('button', { name: /Insert into reply/ }).last().isDisabled()).toBe(true);
    // Ctrl+Enter does not get around it either.
    await panel.locator('#draft').press('Control+Enter');
    const outcome = panel.locator('.reply .insert-outcome');
    await outcome.waitFor({ timeout: 15_000 });
    expect(await outcome.getAttribute('data-landed')).toBe('false');
    expect(await outcome.textContent()).toContain('Amount changed');
    expect(await helpdesk.evaluate(() => (window as unknown as Fixture).parleyFixture.editorData())).not.toContain('94');
  });

  it('a bad rules file is refused with the reason, and the rules in force stay', async () => {
    const options = await parley.openExtensionPage('options.html');
    const input = options.locator('input[name="markets-import"]');
    await input.setInputFiles({ name: 'rules.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"parley-market-rules","version":1,"profiles":[{"id":"de-DE"}]}') });
    const error = options.getByTestId('markets-error');
    await error.waitFor();
    expect(await error.textContent()).toMatch(/^Nothing was imported: The rule set is invalid: market "de-DE": /);
    expect(await options.locator('.market-rule[data-rule="formality"]').getAttribute('data-locked')).toBe('true');
    await options.close();
  });
});

describe('market rules pushed through the enterprise policy', () => {
  let parley: ParleyBrowser | null = null;

  afterAll(async () => {
    await parley?.close();
    rmSync(POLICY_FILE, { force: true });
  });

  it('reach the extension, apply in the panel, and cannot be changed in the options page', async () => {
    // The unpacked extension's id comes from its path: the same in every launch.
    const first = await launchParley({ modelServer: null });
    const extensionId = first.extensionId;
    await first.close();
    const ruleSet = createStarterRuleSet();
    const germany = ruleSet.profiles.find((p) => p.id === 'de-DE')!;
    germany.rules.bannedPhrases = { enabled: true, enforcement: 'block', locked: false, phrases: [{ phrase: 'Lieferung garantiert', reason: 'Company policy.', instead: null }] };
    germany.cultureNote = 'Set by head office.';
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(POLICY_FILE, JSON.stringify({ '3rdparty': { extensions: { [extensionId]: { marketRules: serializeRuleSet(ruleSet) } } } }));

    parley = await launchParley();
    expect(parley.extensionId).toBe(extensionId);
    await seedSettings(parley.worker, localModelSettings(parley.modelServer!.url));
    const helpdesk = await parley.openTicket('4821');
    await helpdesk.locator('parley-inline-translation .parley-inline[data-status="done"]').first().waitFor({ timeout: 30_000 });

    const options = await parley.openExtensionPage('options.html');
    await options.locator('select[name="market"]').selectOption('de-DE');
    await options.getByText("Your organisation sets this market's rules (browser policy): they cannot be changed here.").waitFor();
    expect(await options.locator('.market-rule[data-rule="bannedPhrases"] textarea').inputValue()).toBe('Lieferung garantiert');
    expect(await options.locator('.market-rule[data-rule="bannedPhrases"] textarea').isDisabled()).toBe(true);
    expect(await options.locator('textarea[name="culture-note"]').isDisabled()).toBe(true);

    const panel = await openPanel(parley);
    await panel.locator('.market__note summary').click();
    expect(await panel.locator('.market__note p').textContent()).toBe('Set by head office.');
    const suggestion = panel.locator('.suggestion').first();
    await suggestion.getByRole('button', { name: 'Edit' }).click();
    await suggestion.locator('textarea').fill('Die Lieferung garantiert bis Freitag, versprochen.');
    await suggestion.locator('textarea').press('Control+Enter');
    const check = suggestion.locator('.check[data-rule="bannedPhrases"]');
    await check.waitFor({ timeout: 15_000 });
    expect(await check.getAttribute('data-status')).toBe('block');
    expect(await check.textContent()).toContain('"Lieferung garantiert"');
  });
});
