/**
 * `npm run demo`: the built extension in Chromium on the fixture Zendesk helpdesk (and Shopify Inbox
 * inside Shopify's admin), translating multilingual conversations with the local model server (or a real provider when OPENAI_API_KEY /
 * OPENAI_BASE_URL are set). Without a display it runs headless and writes screenshots.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_SETTINGS, type Settings } from '../../services/settings/settings-schema';
import { launchParley, seedSettings, TEST_API_KEY } from '../launch-parley';
import { startModelServer } from '../model-server/server';

const OUT_DIR = resolve(process.env.PARLEY_DEMO_DIR ?? 'artifacts/demo');
const headless = !process.env.DISPLAY || process.env.PARLEY_DEMO_HEADLESS === '1';
const useRealProvider = Boolean(process.env.OPENAI_API_KEY || process.env.OPENAI_BASE_URL);

async function main() {
  mkdirSync(OUT_DIR, { recursive: true });
  const modelServer = useRealProvider ? null : await startModelServer({ apiKey: TEST_API_KEY, chunkDelayMs: 25 });
  const provider: Settings['provider'] = useRealProvider
    ? {
        ...DEFAULT_SETTINGS.provider,
        kind: process.env.OPENAI_BASE_URL ? 'openai-compatible' : 'openai',
        baseUrl: process.env.OPENAI_BASE_URL ?? '',
        apiKey: process.env.OPENAI_API_KEY ?? '',
        model: process.env.OPENAI_MODEL ?? 'gpt-4o-mini',
      }
    : { ...DEFAULT_SETTINGS.provider, kind: 'openai-compatible', baseUrl: modelServer!.url, apiKey: TEST_API_KEY, model: 'parley-local-1' };
  console.log(useRealProvider ? `Provider: ${provider.kind} ${provider.baseUrl || ''} model ${provider.model}` : `Local model server: ${modelServer!.url}`);

  const parley = await launchParley({ headless, modelServer });
  await seedSettings(parley.worker, { ...DEFAULT_SETTINGS, provider, agentLanguage: 'en' });
  console.log(`Fixture helpdesk on ${parley.helpdeskUrl}, shown as https://acme.zendesk.com/agent/tickets/4821`);

  const helpdesk = await parley.openTicket('4821');
  await helpdesk.locator('parley-inline-translation .parley-inline[data-status="done"]').nth(1).waitFor({ timeout: 60_000 });
  await helpdesk.screenshot({ path: resolve(OUT_DIR, 'helpdesk-inline-translations.png') });

  const panel = await parley.openExtensionPage('sidepanel.html');
  await panel.setViewportSize({ width: 420, height: 900 });
  await panel.locator('.suggestion').first().waitFor({ timeout: 60_000 });
  await panel.screenshot({ path: resolve(OUT_DIR, 'side-panel.png'), fullPage: true });

  await panel.locator('.suggestion button').first().click();
  await panel.locator('.insert-outcome').first().waitFor({ timeout: 30_000 });
  console.log(`Insert into composer: ${await panel.locator('.insert-outcome').first().textContent()}`);
  await helpdesk.bringToFront();
  await helpdesk.screenshot({ path: resolve(OUT_DIR, 'helpdesk-reply-inserted.png'), fullPage: true });

  const french = await parley.openTicket('4902');
  await french.locator('parley-inline-translation .parley-inline[data-status="done"]').first().waitFor({ timeout: 60_000 });
  await french.screenshot({ path: resolve(OUT_DIR, 'helpdesk-french-ticket.png') });

  // Shopify Inbox inside Shopify's admin: the inbox is an iframe, and Parley runs in it.
  const shopify = await parley.open('https://admin.shopify.com/store/acme/apps/inbox');
  const inbox = shopify.frameLocator('iframe');
  await inbox.locator('parley-inline-translation .parley-inline[data-status="done"]').first().waitFor({ timeout: 60_000 });
  const inboxFrame = shopify.frames().find((frame) => frame.url().startsWith('https://inbox.shopify.com/'));
  await inboxFrame?.waitForFunction(
    () => [...document.querySelectorAll('parley-inline-translation')].every((h) => h.shadowRoot?.querySelector('.parley-inline')?.getAttribute('data-status') === 'done'),
    undefined,
    { timeout: 60_000 },
  );
  await shopify.screenshot({ path: resolve(OUT_DIR, 'shopify-inbox-in-admin.png') });

  console.log(`Screenshots written to ${OUT_DIR}`);
  if (modelServer) console.log(`Model requests made: ${modelServer.stats().chatCompletions}`);

  if (headless) {
    await parley.close();
    await modelServer?.close();
    return;
  }
  console.log('Chromium stays open with Parley loaded. Press Ctrl+C to stop.');
  await new Promise<void>((resolveStop) => process.once('SIGINT', () => resolveStop()));
  await parley.close();
  await modelServer?.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
