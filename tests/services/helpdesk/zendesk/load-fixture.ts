import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const FIXTURE_PATH = resolve(__dirname, '../../../fixtures/zendesk/agent-workspace.html');
export const FIXTURE_URL = new URL('https://acme.zendesk.com/agent/tickets/4821');

/** Replaces happy-dom's document with the saved Zendesk page. */
export function loadZendeskFixture(doc: Document = document): Document {
  const parsed = new DOMParser().parseFromString(readFileSync(FIXTURE_PATH, 'utf8'), 'text/html');
  doc.documentElement.innerHTML = parsed.documentElement.innerHTML;
  return doc;
}

/** Flips the same attributes Zendesk flips when the agent clicks another ticket tab. */
export function activateTicket(doc: Document, ticketId: string): void {
  for (const tab of doc.querySelectorAll('[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"]')) {
    const selected = tab.getAttribute('data-entity-id') === ticketId;
    tab.setAttribute('data-entity-is-selected', String(selected));
    tab.setAttribute('aria-selected', String(selected));
    if (selected) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  for (const layout of doc.querySelectorAll('[data-test-id$="-standard-layout"]')) {
    const active = layout.getAttribute('data-test-id') === `ticket-${ticketId}-standard-layout`;
    layout.setAttribute('data-is-active', String(active));
  }
}

export const layoutOf = (doc: Document, ticketId: string): Element =>
  doc.querySelector(`[data-test-id="ticket-${ticketId}-standard-layout"]`)!;

export const articleById = (doc: Document, id: string): Element => doc.getElementById(id)!;
