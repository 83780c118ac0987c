/**
 * Parley dev helpdesk: a DEVELOPMENT AND TEST TOOL, not part of the extension and not Zendesk.
 * Serves the saved Zendesk fixture page (tests/fixtures/zendesk/agent-workspace.html) on loopback with the
 * requested ticket made active, and turns each ticket's composer into a real CKEditor 5 editor, so the e2e tests
 * and the demo run the unmodified extension against realistic markup. Only node:http, no dependencies.
 *
 * Routes (GET/HEAD):
 *   /agent/tickets/:id         the fixture with ticket :id active (404 for a ticket not in the fixture)
 *   /__dev/ckeditor5.js|.css   CKEditor 5's ESM browser build from node_modules/ckeditor5/dist/browser/
 *   /__dev/helpdesk-page.js    boots the editors and exposes window.parleyFixture (see helpdesk-page.js)
 *   /__dev/helpdesk-page.css   minimal look; hides background tickets
 *   /                          redirects to the fixture's active ticket
 * Every URL in the page is root-relative, so the page also works when a test routes https://<x>.zendesk.com here.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleShopifyRequest } from './shopify/routes';

export interface DevHelpdeskOptions {
  /** Port to listen on; 0 (the default) picks a free port. */
  port?: number;
}

export interface DevHelpdesk {
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  close(): Promise<void>;
}

// fileURLToPath on the string: test environments (happy-dom) replace the global URL class.
const HERE = dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = resolve(HERE, '../..');
const FIXTURE_PATH = resolve(PROJECT_ROOT, 'tests/fixtures/zendesk/agent-workspace.html');
const CKEDITOR_DIR = resolve(PROJECT_ROOT, 'node_modules/ckeditor5/dist/browser');

const ASSETS: Record<string, { file: string; type: string }> = {
  '/__dev/ckeditor5.js': { file: resolve(CKEDITOR_DIR, 'ckeditor5.js'), type: 'text/javascript; charset=utf-8' },
  '/__dev/ckeditor5.js.map': { file: resolve(CKEDITOR_DIR, 'ckeditor5.js.map'), type: 'application/json' },
  '/__dev/ckeditor5.css': { file: resolve(CKEDITOR_DIR, 'ckeditor5.css'), type: 'text/css; charset=utf-8' },
  '/__dev/helpdesk-page.js': { file: resolve(HERE, 'helpdesk-page.js'), type: 'text/javascript; charset=utf-8' },
  '/__dev/helpdesk-page.css': { file: resolve(HERE, 'helpdesk-page.css'), type: 'text/css; charset=utf-8' },
};

const INJECTED_HEAD = [
  '<!-- Served by Parley\'s dev helpdesk (scripts/dev-helpdesk): a test tool, not Zendesk. -->',
  '<link rel="stylesheet" href="/__dev/ckeditor5.css">',
  '<link rel="stylesheet" href="/__dev/helpdesk-page.css">',
  '<script type="module" src="/__dev/helpdesk-page.js"></script>',
].join('\n');

const TICKET_TAB_TAG = /<a\b[^>]*\bdata-test-id="header-tab"[^>]*>/g;
const LAYOUT_TAG = /<div\b[^>]*\bdata-test-id="ticket-(\d+)-standard-layout"[^>]*>/g;

/** Ticket ids that have a layout in the fixture. */
export function fixtureTicketIds(html: string): string[] {
  return [...html.matchAll(LAYOUT_TAG)].map((match) => match[1]!);
}

function setAttribute(tag: string, name: string, value: string | null): string {
  const pattern = new RegExp(`\\s${name}="[^"]*"`);
  const without = tag.replace(pattern, '');
  if (value === null) return without;
  return without.replace(/\s*(\/?)>$/, ` ${name}="${value}"$1>`);
}

/**
 * The fixture with `ticketId` active and every other ticket inactive: rewrites the same attributes Zendesk flips
 * and the adapter reads (tab data-entity-is-selected / aria-selected / aria-current, layout data-is-active).
 */
export function renderTicketPage(html: string, ticketId: string): string {
  const withTabs = html.replace(TICKET_TAB_TAG, (tag) => {
    if (!tag.includes('data-entity-type="TICKET_ENTITY_TYPE"')) return tag;
    const selected = tag.includes(`data-entity-id="${ticketId}"`);
    let next = setAttribute(tag, 'data-entity-is-selected', String(selected));
    next = setAttribute(next, 'aria-selected', String(selected));
    return setAttribute(next, 'aria-current', selected ? 'page' : null);
  });
  const withLayouts = withTabs.replace(LAYOUT_TAG, (tag, id: string) =>
    setAttribute(tag, 'data-is-active', String(id === ticketId)),
  );
  const tabTitle = new RegExp(
    `data-entity-id="${ticketId}"[^>]*>\\s*<span data-test-id="header-tab-title">([^<]*)</span>`,
  ).exec(withLayouts);
  const subject = tabTitle?.[1] ?? null;
  const titled = subject
    ? withLayouts.replace(/<title>[^<]*<\/title>/, `<title>${subject} – Ticket #${ticketId} – Acme Support</title>`)
    : withLayouts;
  return titled.replace('</head>', `${INJECTED_HEAD}\n</head>`);
}

function send(response: ServerResponse, status: number, type: string, body: string | Buffer, head: boolean): void {
  const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  response.writeHead(status, {
    'content-type': type,
    'content-length': String(buffer.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(head ? undefined : buffer);
}

async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
  const method = request.method ?? 'GET';
  const head = method === 'HEAD';
  if (method !== 'GET' && !head) return send(response, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', head);
  // Shopify Inbox and admin pages (scripts/dev-helpdesk/shopify/routes.ts); everything else is Zendesk's.
  if (await handleShopifyRequest(request, response)) return;
  const { pathname } = new URL(request.url ?? '/', 'http://127.0.0.1');

  const asset = ASSETS[pathname];
  if (asset) return send(response, 200, asset.type, await readFile(asset.file), head);

  const fixture = await readFile(FIXTURE_PATH, 'utf8');
  const ticket = /^\/agent\/tickets\/(\d+)\/?$/.exec(pathname);
  if (ticket) {
    const id = ticket[1]!;
    if (!fixtureTicketIds(fixture).includes(id)) {
      return send(response, 404, 'text/plain; charset=utf-8', `No ticket ${id} in the dev helpdesk fixture\n`, head);
    }
    return send(response, 200, 'text/html; charset=utf-8', renderTicketPage(fixture, id), head);
  }

  if (pathname === '/' || pathname === '/agent' || pathname === '/agent/') {
    const selected = /<a\b[^>]*\bdata-entity-id="(\d+)"[^>]*\bdata-entity-is-selected="true"/.exec(fixture);
    const first = selected?.[1] ?? fixtureTicketIds(fixture)[0] ?? '';
    response.writeHead(302, { location: `/agent/tickets/${first}` });
    response.end();
    return;
  }
  if (pathname === '/favicon.ico') {
    response.writeHead(204);
    response.end();
    return;
  }
  send(response, 404, 'text/plain; charset=utf-8', 'Not found\n', head);
}

/** Starts the dev helpdesk on 127.0.0.1. */
export async function startDevHelpdesk(options: DevHelpdeskOptions = {}): Promise<DevHelpdesk> {
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        send(response, 500, 'text/plain; charset=utf-8', `Dev helpdesk error: ${String(error)}\n`, false);
      } else response.destroy();
    });
  });
  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((resolveClose, reject) => {
        server.close((error) => (error ? reject(error) : resolveClose()));
        server.closeAllConnections();
      }),
  };
}
