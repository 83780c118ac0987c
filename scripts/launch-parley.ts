import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
/**
 * Development/test tool: Chromium with the built Parley extension, next to the fixture helpdesk and
 * the local model server. Used by the e2e tests and `npm run demo`.
 */
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { DEFAULT_SETTINGS, type Settings } from '../services/settings/settings-schema';
import { startDevHelpdesk } from './dev-helpdesk/server';
import { startModelServer, type ModelServer } from './model-server/server';

export const EXTENSION_DIR = fileURLToPath(new URL('../.output/chrome-mv3', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The fixture helpdesk is served under a real Zendesk-shaped URL (routed to 127.0.0.1), so the unmodified production build runs on it. */
export const HELPDESK_ORIGIN = 'https://acme.zendesk.com';
/**
 * Every helpdesk origin the fixture pages are shown under. Requests to them are answered by the dev
 * helpdesk server on 127.0.0.1 (same path), so the production build's content scripts run unchanged.
 */
export const ROUTED_ORIGINS = [HELPDESK_ORIGIN, 'https://inbox.shopify.com', 'https://admin.shopify.com'];
export const TEST_API_KEY = 'sk-parley-e2e';
/**
 * Flags for Debian's Chromium on these machines: as root it needs --no-sandbox; without the
 * networking flags it keeps trying Google's hosts, which this closed network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export interface ParleyBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  modelServer: ModelServer | null;
  helpdeskUrl: string;
  openExtensionPage(path: 'sidepanel.html' | 'options.html' | 'dashboard.html' | 'practice.html'): Promise<Page>;
  openTicket(ticketId: string): Promise<Page>;
  /** Opens any URL; those on ROUTED_ORIGINS are served by the dev helpdesk server. */
  open(url: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Starts the local model server and the fixture helpdesk on 127.0.0.1, and Debian's Chromium with
 * the built extension loaded. Nothing leaves this machine.
 */
export async function launchParley(
  options: {
    headless?: boolean;
    modelServer?: ModelServer | null;
    /** An X display for a headed browser (e.g. a virtual one from Xvfb); default: the environment's. */
    display?: string;
  } = {},
): Promise<ParleyBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run "npm run build" first.`);
  }
  // `modelServer: null` means a real provider: no local server is started.
  const modelServer = options.modelServer === undefined ? await startModelServer({ apiKey: TEST_API_KEY, chunkDelayMs: 10 }) : options.modelServer;
  const helpdesk = await startDevHelpdesk({ port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'parley-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 860 },
    ...(options.display ? { env: { ...process.env, DISPLAY: options.display } } : {}),
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      ...CHROMIUM_ARGS,
    ],
  });
  for (const origin of ROUTED_ORIGINS) {
    await context.route(`${origin}/**`, async (route) => {
      const url = new URL(route.request().url());
      // The dev server tells origins apart by this header (Shopify's admin and inbox share paths).
      const response = await fetch(`${helpdesk.url}${url.pathname}${url.search}`, {
        method: route.request().method(),
        headers: { 'x-parley-origin': url.origin },
      });
      await route.fulfill({
        status: response.status,
        headers: Object.fromEntries(response.headers),
        body: Buffer.from(await response.arrayBuffer()),
      });
    });
  }

  async function open(url: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(url);
    return page;
  }

  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;

  return {
    context,
    worker,
    extensionId,
    modelServer,
    helpdeskUrl: helpdesk.url,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    openTicket: (ticketId) => open(`${HELPDESK_ORIGIN}/agent/tickets/${ticketId}`),
    open,
    async close() {
      await context.close();
      await helpdesk.close();
      if (options.modelServer === undefined) await modelServer?.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Parley's settings pointed at the local model server (the e2e tests' and the demo's), with any other changes. */
export function localModelSettings(modelServerUrl: string, change: Partial<Settings> = {}): Settings {
  return {
    ...DEFAULT_SETTINGS,
    provider: { ...DEFAULT_SETTINGS.provider, kind: 'openai-compatible', baseUrl: modelServerUrl, apiKey: TEST_API_KEY, model: 'parley-local-1' },
    ...change,
  };
}

/** Writes Parley's settings the way an administrator would pre-seed them (README: "Configuration"). */
export async function seedSettings(worker: Worker, settings: unknown): Promise<void> {
  await worker.evaluate((value) => chrome.storage.local.set({ parleySettings: value }), settings);
}
