/**
 * Parley dev helpdesk, Shopify Inbox routes: a DEVELOPMENT AND TEST TOOL, not Shopify. Hooked into
 * scripts/dev-helpdesk/server.ts by one line; answers only the paths below and leaves every other request alone.
 *
 * The e2e harness (scripts/launch-parley.ts) sends https://inbox.shopify.com/** and https://admin.shopify.com/** here
 * with an `x-parley-origin` header naming the origin; without the header (a browser pointed at the dev server) the
 * path alone decides.
 *   inbox origin  /store/acme/conversations/(unread|open|closed)[/<uuid>]
 *                     the saved-page fixture tests/fixtures/shopify-inbox/inbox-conversation.html, with the React page
 *                     script (inbox-page.js) that owns the conversation pane; 404 for an unknown uuid
 *   admin origin  /store/acme/apps/inbox[?conversation=<uuid>]
 *                     the admin shell fixture (admin-embedded.html), its iframe pointing at
 *                     https://inbox.shopify.com/store/acme/conversations/open/<uuid>
 *   any origin    /__dev/shopify/inbox-page.js   the page script, bundled with React by esbuild on first request
 *                 /__dev/shopify/inbox-page.css  minimal look
 * Every URL in the pages is root-relative (or the inbox origin's absolute URL for the iframe).
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEV_CONVERSATIONS, STORE_SLUG, devConversation } from './conversations';

// fileURLToPath on the string: test environments (happy-dom) replace the global URL class.
const HERE = dirname(fileURLToPath(import.meta.url));
const PROJECT_ROOT = resolve(HERE, '../../..');
export const INBOX_FIXTURE_PATH = resolve(PROJECT_ROOT, 'tests/fixtures/shopify-inbox/inbox-conversation.html');
export const ADMIN_FIXTURE_PATH = resolve(PROJECT_ROOT, 'tests/fixtures/shopify-inbox/admin-embedded.html');
const PAGE_SCRIPT = resolve(HERE, 'inbox-page.js');
const PAGE_STYLE = resolve(HERE, 'inbox-page.css');

export const INBOX_ORIGIN = 'https://inbox.shopify.com';
export const ADMIN_ORIGIN = 'https://admin.shopify.com';
export const DEFAULT_CONVERSATION_ID = DEV_CONVERSATIONS[0]!.id;

const CONVERSATION_ROUTE = new RegExp(`^/store/${STORE_SLUG}/conversations/(unread|open|closed)(?:/([^/]+))?/?$`);
const ADMIN_INBOX_ROUTE = new RegExp(`^/store/${STORE_SLUG}/apps/inbox/?$`);
const ID_SHAPE = /^[A-Za-z0-9-]{1,64}$/;

const INBOX_HEAD = [
  "<!-- Served by Parley's dev helpdesk (scripts/dev-helpdesk/shopify): a test tool, not Shopify Inbox. -->",
  '<link rel="stylesheet" href="/__dev/shopify/inbox-page.css">',
  '<script src="/__dev/shopify/inbox-page.js" defer></script>',
].join('\n');
const ADMIN_HEAD = [
  "<!-- Served by Parley's dev helpdesk (scripts/dev-helpdesk/shopify): a test tool, not the Shopify admin. -->",
  '<link rel="stylesheet" href="/__dev/shopify/inbox-page.css">',
].join('\n');

/**
 * The inbox fixture as the dev server serves it, with the React page script injected (the script renders the
 * conversation the URL names). The HTML itself stays the saved page: until the script has run,
 * a page for another conversation than the fixture's shows, and its list marks, the fixture's conversation, so
 * Parley's adapter sees a page mid-switch and waits rather than misreading those messages as the other one's.
 */
export function renderInboxPage(html: string): string {
  return html.replace('</head>', `${INBOX_HEAD}\n</head>`);
}

/** The admin shell with its app iframe pointing at the inbox page of `conversationId`. */
export function renderAdminShell(html: string, conversationId: string): string {
  const src = `${INBOX_ORIGIN}/store/${STORE_SLUG}/conversations/open/${conversationId}`;
  return html
    .replace(/(<iframe\b[^>]*\bname="app-iframe"[^>]*\bsrc=")[^"]*(")/, `$1${src}$2`)
    .replace('</head>', `${ADMIN_HEAD}\n</head>`);
}

let bundled: Promise<string> | null = null;

/** inbox-page.js with React bundled in (esbuild, loaded lazily so importing this module stays cheap). */
export function bundlePageScript(): Promise<string> {
  bundled ??= (async () => {
    const esbuild = await import('esbuild');
    const result = await esbuild.build({
      entryPoints: [PAGE_SCRIPT],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
      target: 'es2022',
      charset: 'utf8',
      // React's production build: the dev build's performance-track calls (console.timeStamp) are noise here.
      define: { 'process.env.NODE_ENV': '"production"' },
      logLevel: 'silent',
    });
    return result.outputFiles[0]!.text;
  })();
  bundled.catch(() => {
    bundled = null;
  });
  return bundled;
}

function send(response: ServerResponse, status: number, type: string, body: string, head: boolean): true {
  const buffer = Buffer.from(body, 'utf8');
  response.writeHead(status, {
    'content-type': type,
    'content-length': String(buffer.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(head ? undefined : buffer);
  return true;
}

const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';

/**
 * Answers the Shopify routes; false for anything else (the Zendesk routes go on as before). Only GET/HEAD reach here
 * (server.ts answers other methods first).
 */
export async function handleShopifyRequest(request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const head = request.method === 'HEAD';
  const { pathname, searchParams } = new URL(request.url ?? '/', 'http://127.0.0.1');
  const originHeader = request.headers['x-parley-origin'];
  const origin = typeof originHeader === 'string' ? originHeader : null;

  if (pathname === '/__dev/shopify/inbox-page.js') {
    return send(response, 200, 'text/javascript; charset=utf-8', await bundlePageScript(), head);
  }
  if (pathname === '/__dev/shopify/inbox-page.css') {
    return send(response, 200, 'text/css; charset=utf-8', await readFile(PAGE_STYLE, 'utf8'), head);
  }

  const conversation = CONVERSATION_ROUTE.exec(pathname);
  if (conversation && (origin === null || origin === INBOX_ORIGIN)) {
    const id = conversation[2] ?? null;
    if (id !== null && (!ID_SHAPE.test(id) || !devConversation(id))) {
      return send(response, 404, TEXT, 'No such conversation in the dev inbox\n', head);
    }
    return send(response, 200, HTML, renderInboxPage(await readFile(INBOX_FIXTURE_PATH, 'utf8')), head);
  }

  if (ADMIN_INBOX_ROUTE.test(pathname) && (origin === null || origin === ADMIN_ORIGIN)) {
    const wanted = searchParams.get('conversation');
    const id = wanted && devConversation(wanted) ? wanted : DEFAULT_CONVERSATION_ID;
    return send(response, 200, HTML, renderAdminShell(await readFile(ADMIN_FIXTURE_PATH, 'utf8'), id), head);
  }

  if (origin === INBOX_ORIGIN || origin === ADMIN_ORIGIN) {
    // Nothing else exists on the Shopify origins here; never fall through to the Zendesk pages.
    if (pathname === '/favicon.ico') {
      response.writeHead(204);
      response.end();
      return true;
    }
    return send(response, 404, TEXT, 'Not found in the dev Shopify pages\n', head);
  }
  return false;
}
