import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchParley, localModelSettings, seedSettings, type ParleyBrowser } from '../../scripts/launch-parley';
import { startVirtualDisplay, type VirtualDisplay } from '../../scripts/virtual-display';

/**
 * Parley's keyboard shortcuts as an agent presses them: a headed Chromium on a virtual display,
 * keys sent by xdotool as X key events, so they go through the browser's own shortcut handling
 * (the extension `commands`), which synthetic page key events never reach.
 */

type Fixture = { parleyFixture: { appendCustomerMessage(text: string): string; editorData(): string } };
const NEW_MESSAGE = 'Können Sie mir bitte sagen, wann das Paket ankommt? Ich brauche es bis Freitag.';

describe('keyboard shortcuts (real key presses in a headed Chromium)', () => {
  let screen: VirtualDisplay;
  let parley: ParleyBrowser;
  let helpdesk: Page;
  let panel: Page;

  beforeAll(async () => {
    screen = await startVirtualDisplay();
    parley = await launchParley({ headless: false, display: screen.display });
    await seedSettings(parley.worker, localModelSettings(parley.modelServer!.url));
    helpdesk = await parley.openTicket('4821');
    await helpdesk.locator('parley-inline-translation .parley-inline[data-status="done"]').first().waitFor({ timeout: 30_000 });
    panel = await parley.openExtensionPage('sidepanel.html');
  }, 60_000);
  afterAll(async () => {
    await parley?.close();
    screen?.close();
  });

  it('a customer message arrives, the agent presses Alt+Shift+2 in the helpdesk, and suggestion 2 is in the composer', async () => {
    await helpdesk.bringToFront();
    await helpdesk.evaluate((text) => (window as unknown as Fixture).parleyFixture.appendCustomerMessage(text), NEW_MESSAGE);
    // The panel answers the new message with three suggestions (its own request, as in live work).
    await panel.waitForFunction(
      (text) => [...document.querySelectorAll('.message--customer .message__original')].some((p) => p.textContent === text),
      NEW_MESSAGE,
      { timeout: 30_000 },
    );
    await panel.locator('.suggestion').nth(2).waitFor({ timeout: 30_000 });
    const second = (await panel.locator('.suggestion__reply').nth(1).textContent())!;
    const first = (await panel.locator('.suggestion__reply').nth(0).textContent())!;
    // The panel shows the shortcut the browser really maps to "insert suggestion 2".
    expect(await panel.locator('.suggestion').nth(1).locator('kbd').textContent()).toBe('Alt+Shift+2');

    await helpdesk.bringToFront();
    await screen.pressKeys(await helpdesk.title(), 'alt+shift+2');

    await helpdesk.waitForFunction((text) => (window as unknown as Fixture).parleyFixture.editorData().includes(text), second, { timeout: 15_000 });
    const data = await helpdesk.evaluate(() => (window as unknown as Fixture).parleyFixture.editorData());
    expect(data).not.toContain(first);
    // The panel, though not focused, reports where suggestion 2 went.
    const outcome = panel.locator('.suggestion').nth(1).locator('.insert-outcome');
    await outcome.waitFor({ timeout: 10_000 });
    expect(await outcome.getAttribute('data-landed')).toBe('true');
  });

  it('Alt+Shift+K opens the side panel itself', async () => {
    const openPanels = () =>
      parley.context.serviceWorkers()[0]!.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] as never })).length);
    expect(await openPanels()).toBe(0);
    await helpdesk.bringToFront();
    await screen.pressKeys(await helpdesk.title(), 'alt+shift+k');
    await expect.poll(openPanels, { timeout: 10_000 }).toBe(1);
  });
});
