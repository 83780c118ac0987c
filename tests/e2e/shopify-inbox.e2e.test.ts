import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { launchParley, seedSettings, TEST_API_KEY, type ParleyBrowser } from '../../scripts/launch-parley';
import { DEFAULT_SETTINGS } from '../../services/settings/settings-schema';

/**
 * Shopify Inbox in a real Chromium with the built extension: the dev inbox page (saved-page fixture with a React
 * conversation pane, scripts/dev-helpdesk/shopify) served as https://inbox.shopify.com, standalone and inside the
 * admin.shopify.com shell's iframe. Each `it` builds on the previous one, in order.
 */

const ANA = '0196f3a2-7c1e-7d41-9a0b-3f5e2c81d4a7';
const JONAS = '0196f3b0-12aa-7f3c-8e21-6b7d90c4e512';
const inboxUrl = (id: string) => `https://inbox.shopify.com/store/acme/conversations/open/${id}`;
const ADMIN_URL = 'https://admin.shopify.com/store/acme/apps/inbox';

// The dev model server's phrasebook translations of the fixture's customer messages.
const ANA_TRANSLATED = ["Hello, I haven't received my order and three weeks have already passed.", 'The number is 55781. Thank you!'];
const JONAS_TRANSLATED = [
  "Hello, I placed my order #40213 two weeks ago and it still hasn't arrived.",
  'Could you please tell me when the parcel will arrive? I need it by Friday.',
];
// Not in the phrasebook: the model server answers with a marked pseudo-translation "[<source>→en] <text>".
const APPENDED = 'Alguma novidade sobre a entrega?';

type Scope = Page | Frame;

interface ParleyFixture {
  appendCustomerMessage(text: string): string;
  openConversation(id: string): void;
  composerValue(): string | null;
  reactState(): string;
}

/** window.parleyFixture of the dev inbox page in `scope` (the page, or the inbox iframe inside the admin). */
const devPage = (scope: Scope) => {
  type Fixture = { parleyFixture: ParleyFixture };
  return {
    appendCustomerMessage: (text: string) => scope.evaluate((t) => (window as unknown as Fixture).parleyFixture.appendCustomerMessage(t), text),
    openConversation: (id: string) => scope.evaluate((i) => (window as unknown as Fixture).parleyFixture.openConversation(i), id),
    composerValue: () => scope.evaluate(() => (window as unknown as Fixture).parleyFixture.composerValue()),
    reactState: () => scope.evaluate(() => (window as unknown as Fixture).parleyFixture.reactState()),
  };
};

/**
 * Inline translations in `scope`, in reading order (the list is inverted: highest index first), each with what the
 * page says about the row it sits in: its `index`, the timestamp line under its bubble, and whether the row is laid
 * out as the customer's (left) or the store's.
 */
async function inlineTranslations(scope: Scope) {
  const shown = await scope.evaluate(() =>
    [...document.querySelectorAll('parley-inline-translation')].map((host) => {
      const row = host.closest('[index]');
      return {
        index: row?.getAttribute('index') ?? null,
        timestampLine: row?.querySelector('.r-meta5d')?.textContent ?? null,
        customerSide: Boolean(row?.querySelector('.r-in7c2b')),
        status: host.shadowRoot?.querySelector('.parley-inline')?.getAttribute('data-status') ?? null,
        text: host.shadowRoot?.querySelector('.parley-inline__text')?.textContent ?? '',
      };
    }),
  );
  return shown.sort((a, b) => Number(b.index) - Number(a.index));
}

async function waitForDoneTranslations(scope: Scope, count: number) {
  await scope.waitForFunction(
    (n) =>
      document.querySelectorAll('parley-inline-translation').length === n &&
      [...document.querySelectorAll('parley-inline-translation')].every(
        (host) => host.shadowRoot?.querySelector('.parley-inline')?.getAttribute('data-status') === 'done',
      ),
    count,
    { timeout: 30_000 },
  );
}

async function waitForDevPage(scope: Scope) {
  await scope.waitForFunction(() => document.documentElement.getAttribute('data-dev-helpdesk-ready') === 'true');
}

describe('Parley on Shopify Inbox', () => {
  let parley: ParleyBrowser;
  let inbox: Page;
  let panel: Page;

  beforeAll(async () => {
    parley = await launchParley();
    const server = parley.modelServer!;
    await seedSettings(parley.worker, {
      ...DEFAULT_SETTINGS,
      provider: { ...DEFAULT_SETTINGS.provider, kind: 'openai-compatible', baseUrl: server.url, apiKey: TEST_API_KEY, model: 'parley-local-1' },
      agentLanguage: 'en',
    });
  });
  afterAll(async () => {
    await parley?.close();
  });

  it('translations appear inline under the customer messages only', async () => {
    parley.modelServer!.reset();
    inbox = await parley.open(inboxUrl(ANA));
    await waitForDevPage(inbox);
    await waitForDoneTranslations(inbox, 2);
    const shown = await inlineTranslations(inbox);
    expect(shown.map((t) => t.text)).toEqual(ANA_TRANSLATED);
    // Under customer bubbles (bare time, left side), never under "You •" / "Auto •" messages or event lines.
    for (const translation of shown) {
      expect(translation.customerSide).toBe(true);
      expect(translation.timestampLine).toMatch(/^\d{1,2}:\d{2} [AP]M$/);
    }
    expect(shown.map((t) => t.index)).toEqual(['5', '0']);
    // Both in one batch request.
    expect(parley.modelServer!.stats().byTask.translate).toBe(1);
  });

  it('a newly appended customer message is picked up and translated', async () => {
    await devPage(inbox).appendCustomerMessage(APPENDED);
    await waitForDoneTranslations(inbox, 3);
    const shown = await inlineTranslations(inbox);
    // The new message is the list's index 0; the older ones moved up by one and kept their translations.
    expect(shown.map((t) => [t.index, t.text.endsWith(APPENDED) ? 'appended' : t.text])).toEqual([
      ['6', ANA_TRANSLATED[0]],
      ['1', ANA_TRANSLATED[1]],
      ['0', 'appended'],
    ]);
    expect(shown[2]!.text).toMatch(/^\[[^\]]*→en\] /);
    expect(parley.modelServer!.stats().byTask.translate).toBe(2);
  });

  it('the side panel shows the conversation and three suggestions', async () => {
    panel = await parley.openExtensionPage('sidepanel.html');
    await panel.locator('.suggestion').nth(2).waitFor({ timeout: 30_000 });
    expect(await panel.locator('h1').textContent()).toBe('Ana Souza');
    expect(await panel.locator('.message--customer').count()).toBe(3);
    expect(await panel.locator('.message--customer .message__translation').allTextContents()).toEqual([
      ...ANA_TRANSLATED,
      expect.stringMatching(/→en\] Alguma novidade sobre a entrega\?$/),
    ]);
    expect(await panel.locator('.message--agent').count()).toBe(1);
    expect(await panel.locator('.message--bot').count()).toBe(1);
    expect(await panel.locator('.message--system').count()).toBe(3);
  });

  it("clicking a suggestion lands the text in React's state for the composer, not just in the DOM", async () => {
    expect(await devPage(inbox).reactState()).toBe('');
    const reply = (await panel.locator('.suggestion__reply').first().textContent())!;
    await panel.locator('.suggestion button').first().click();
    const outcome = panel.locator('.insert-outcome').first();
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-landed')).toBe('true');
    expect(await outcome.getAttribute('data-method')).toBe('textarea-setter');
    expect(await devPage(inbox).reactState()).toBe(reply);
    expect(await devPage(inbox).composerValue()).toBe(reply);

    // The composer really is React-controlled: a naive write from the page itself does not reach React.
    await inbox.evaluate(() => {
      const textarea = document.querySelector('textarea.r-cmpta1') as HTMLTextAreaElement;
      textarea.value = 'naive write';
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
    });
    expect(await devPage(inbox).reactState()).toBe(reply);
  });

  it('switching conversation in the page (pushState) moves the translations and the panel to it', async () => {
    await devPage(inbox).openConversation(JONAS);
    expect(inbox.url()).toBe(inboxUrl(JONAS));
    await waitForDoneTranslations(inbox, 2);
    expect((await inlineTranslations(inbox)).map((t) => t.text)).toEqual(JONAS_TRANSLATED);
    await panel.waitForFunction(() => document.querySelector('h1')?.textContent === 'Jonas Weber', undefined, { timeout: 30_000 });
    expect(await panel.locator('.panel__language').textContent()).toBe('Customer language: German');
  });

  it('inside admin.shopify.com, the inbox iframe gets its translations, and a suggestion lands in its composer', async () => {
    const admin = await parley.open(ADMIN_URL);
    const frame = admin.frames().find((f) => f.url().startsWith('https://inbox.shopify.com/')) ?? null;
    expect(frame?.url()).toBe(inboxUrl(ANA));
    await waitForDevPage(frame!);
    await waitForDoneTranslations(frame!, 2);
    expect((await inlineTranslations(frame!)).map((t) => t.text)).toEqual(ANA_TRANSLATED);
    // Nothing is mounted in the admin shell itself.
    expect(await admin.evaluate(() => document.querySelectorAll('parley-inline-translation').length)).toBe(0);

    const adminPanel = await parley.openExtensionPage('sidepanel.html');
    await adminPanel.waitForFunction(() => document.querySelector('h1')?.textContent === 'Ana Souza', undefined, { timeout: 30_000 });
    await adminPanel.locator('.suggestion').nth(2).waitFor({ timeout: 30_000 });
    const reply = (await adminPanel.locator('.suggestion__reply').first().textContent())!;
    await adminPanel.locator('.suggestion button').first().click();
    const outcome = adminPanel.locator('.insert-outcome').first();
    await outcome.waitFor();
    expect(await outcome.getAttribute('data-landed')).toBe('true');
    expect(await devPage(frame!).reactState()).toBe(reply);
  });
});
