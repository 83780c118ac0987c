import { readFileSync } from 'node:fs';
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureTicketIds, renderTicketPage, startDevHelpdesk, type DevHelpdesk } from '@/scripts/dev-helpdesk/server';
import { zendeskAdapter } from '@/services/helpdesk/zendesk/zendesk-adapter';
import { FIXTURE_PATH } from './load-fixture';

/**
 * The dev helpdesk (used by e2e tests and the demo) must rewrite exactly the attributes the adapter reads,
 * or the e2e tests would exercise a page the adapter sees differently.
 */
const fixture = readFileSync(FIXTURE_PATH, 'utf8');

/** Without the injected stylesheets, which happy-dom would try (and refuse) to fetch. */
function load(html: string) {
  const parsed = new DOMParser().parseFromString(html.replace(/<link\b[^>]*>/g, ''), 'text/html');
  document.body.innerHTML = parsed.body.innerHTML;
}

function fetchText(url: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    get(url, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }));
    }).on('error', reject);
  });
}

describe('dev helpdesk ticket pages', () => {
  it('knows the four fixture tickets', () => {
    expect(fixtureTicketIds(fixture)).toEqual(['4790', '4821', '4902', '5001']);
  });

  it.each(['4790', '4821', '4902', '5001'])('serves ticket %s as the one the adapter reads and writes', (id) => {
    const html = renderTicketPage(fixture, id);
    load(html);
    expect(document.querySelectorAll('[data-entity-is-selected="true"]')).toHaveLength(1);
    expect(document.querySelectorAll('[data-is-active="true"]')).toHaveLength(1);
    expect(document.querySelectorAll('[aria-current="page"]')).toHaveLength(1);
    const reading = zendeskAdapter.read(document, new URL(`https://acme.zendesk.com/agent/tickets/${id}`));
    expect(reading.kind === 'conversation' && reading.conversation.snapshot.conversationId).toBe(id);
    const composer = zendeskAdapter.findComposer(document, id);
    expect(composer?.element.closest(`[data-test-id="ticket-${id}-standard-layout"]`)).not.toBeNull();
    // Root-relative assets only: the page is also served under https://<x>.zendesk.com.
    expect(html).toContain('<script type="module" src="/__dev/helpdesk-page.js"></script>');
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!.*data:)/);
  });
});

describe('dev helpdesk server', () => {
  let helpdesk: DevHelpdesk;
  beforeAll(async () => {
    helpdesk = await startDevHelpdesk({ port: 0 });
  });
  afterAll(async () => {
    await helpdesk.close();
  });

  it('listens on a free loopback port', () => {
    expect(helpdesk.port).toBeGreaterThan(0);
    expect(helpdesk.url).toBe(`http://127.0.0.1:${helpdesk.port}`);
  });

  it('serves a known ticket, 404s an unknown one, and serves CKEditor from node_modules', async () => {
    const page = await fetchText(`${helpdesk.url}/agent/tickets/4902`);
    expect(page.status).toBe(200);
    expect(page.type).toMatch(/^text\/html/);
    expect(page.body).toMatch(/data-test-id="ticket-4902-standard-layout"[^>]*data-is-active="true"/);

    expect((await fetchText(`${helpdesk.url}/agent/tickets/1234`)).status).toBe(404);

    const script = await fetchText(`${helpdesk.url}/__dev/ckeditor5.js`);
    expect(script.status).toBe(200);
    expect(script.type).toMatch(/javascript/);
    expect(script.body).toContain('DecoupledEditor');
    expect((await fetchText(`${helpdesk.url}/__dev/ckeditor5.css`)).type).toMatch(/^text\/css/);
    expect((await fetchText(`${helpdesk.url}/__dev/helpdesk-page.js`)).body).toContain('window.parleyFixture');
  });
});
