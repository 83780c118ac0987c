// Parley dev helpdesk page script: a DEVELOPMENT AND TEST TOOL, served at /__dev/helpdesk-page.js.
// Plain browser JS (no build step). It makes the saved Zendesk fixture behave enough like Zendesk for the e2e
// tests and the demo:
// - each ticket's composer element becomes a real CKEditor 5 DecoupledEditor on that same element, so it keeps
//   its data-test-id and classes and CKEditor sets `element.ckeditorInstance` as in Zendesk;
// - window.parleyFixture mutates the DOM the way Zendesk does (new article at the end of the active log;
//   tab and layout attribute flips on a ticket switch).
// window.parleyFixture is assigned only once every editor is ready, and <html data-dev-helpdesk-ready="true">
// is set at the same moment: wait for either before driving the page.
import { DecoupledEditor, Essentials, Paragraph } from '/__dev/ckeditor5.js';

const TICKET_TAB = '[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"]';
const LAYOUT = '[data-test-id^="ticket-"][data-test-id$="-standard-layout"]';
const COMPOSER = '[data-test-id="omnicomposer-rich-text-ckeditor"]';
const BLANK_AVATAR = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';

/** ticket id -> CKEditor instance */
const editors = new Map();

const layoutId = (layout) => /^ticket-(\d+)-standard-layout$/.exec(layout.getAttribute('data-test-id') || '')?.[1] ?? null;

function activeTicketId() {
  const tab = document.querySelector(`${TICKET_TAB}[data-entity-is-selected="true"]`);
  return tab?.getAttribute('data-entity-id') ?? null;
}

function layoutFor(ticketId) {
  return document.querySelector(`[data-test-id="ticket-${ticketId}-standard-layout"]`);
}

async function bootEditor(ticketId, element) {
  // The saved page holds CKEditor's rendering of an empty editor; start from clean data.
  element.innerHTML = '';
  const editor = await DecoupledEditor.create({
    root: { element },
    licenseKey: 'GPL',
    plugins: [Essentials, Paragraph],
    toolbar: [],
  });
  // CKEditor 5 sets this on the editable itself (EditorUI#setEditableElement); only fill the gap if a build does not.
  if (!element.ckeditorInstance) element.ckeditorInstance = editor;
  editors.set(ticketId, editor);
}

function activateTicket(ticketId) {
  const id = String(ticketId);
  if (!layoutFor(id)) throw new Error(`No ticket ${id} in the dev helpdesk fixture`);
  for (const tab of document.querySelectorAll(TICKET_TAB)) {
    const selected = tab.getAttribute('data-entity-id') === id;
    tab.setAttribute('data-entity-is-selected', String(selected));
    tab.setAttribute('aria-selected', String(selected));
    if (selected) tab.setAttribute('aria-current', 'page');
    else tab.removeAttribute('aria-current');
  }
  for (const layout of document.querySelectorAll(LAYOUT)) {
    layout.setAttribute('data-is-active', String(layoutId(layout) === id));
  }
  const title = document.querySelector(`${TICKET_TAB}[data-entity-id="${id}"] [data-test-id="header-tab-title"]`);
  if (title) document.title = `${title.textContent} – Ticket #${id} – Acme Support`;
  // Zendesk changes the URL on a tab switch (a same-document navigation).
  if (location.pathname !== `/agent/tickets/${id}`) history.pushState({}, '', `/agent/tickets/${id}`);
}

function nextAuditId() {
  let max = 0;
  for (const article of document.querySelectorAll('article[id^="audit-"]')) {
    const n = /^audit-(\d+)$/.exec(article.id)?.[1];
    if (n) max = Math.max(max, Number(n));
  }
  return `audit-${max + 1}`;
}

function el(tag, attributes = {}, children = []) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) element.append(child);
  return element;
}

/** A customer message shaped like the fixture's (and Zendesk's) email comments; text is set as text only. */
function appendCustomerMessage(text) {
  const ticketId = activeTicketId();
  const layout = ticketId && layoutFor(ticketId);
  const log = layout?.querySelector('[data-test-id="omni-log-container"]');
  if (!log) throw new Error('No active ticket log to append to');
  const customer =
    log.querySelector('[type="end-user"] [data-test-id="omni-log-item-sender"] strong')?.textContent ?? 'Customer';
  const id = nextAuditId();
  const now = new Date();
  const paragraphs = String(text)
    .split(/\r\n|\r|\n/)
    .map((line) => el('p', {}, [line]));

  const article = el('article', { 'data-test-id': 'omni-log-comment-item', id, class: 'sc-1qvpxi4-0 hXqGQm' }, [
    el('div', { 'data-test-id': 'omni-log-item-avatar', class: 'sc-av1-0' }, [el('img', { alt: '', src: BLANK_AVATAR, width: '32', height: '32' })]),
    el('div', { 'data-test-id': 'omni-log-item-message', type: 'end-user', class: 'sc-msg-0 cUbNfP' }, [
      el('div', { 'data-test-id': 'omni-log-item-header', class: 'sc-hdr-0' }, [
        el('span', { 'data-test-id': 'omni-log-item-sender' }, [
          el('a', { href: '#', 'data-test-id': 'omni-log-comment-user-link' }, [el('strong', {}, [customer])]),
        ]),
        el('span', { 'data-test-id': 'omni-log-item-via' }, ['via email']),
        el('time', { 'data-test-id': 'timestamp-relative', datetime: now.toISOString() }, ['just now']),
      ]),
      el('div', { 'data-test-id': 'omni-log-message-content', 'data-originated-from': 'EmailInteraction', class: 'sc-cnt-0' }, [
        el('div', { class: 'zd-comment', dir: 'auto' }, paragraphs),
      ]),
    ]),
  ]);
  log.append(article);
  return id;
}

function editorData() {
  const editor = editors.get(activeTicketId());
  if (!editor) throw new Error('No editor in the active ticket');
  return editor.getData();
}

function addBanner() {
  const banner = el('div', { id: 'parley-dev-helpdesk-banner', role: 'note' }, [
    'Parley dev helpdesk: a saved-page fixture for tests, not Zendesk',
  ]);
  document.body.append(banner);
}

async function main() {
  addBanner();
  // Clicking a tab switches tickets, as in Zendesk.
  document.addEventListener('click', (event) => {
    const tab = event.target instanceof Element ? event.target.closest(TICKET_TAB) : null;
    if (!tab || event.target.closest('button')) return;
    event.preventDefault();
    activateTicket(tab.getAttribute('data-entity-id'));
  });
  window.addEventListener('popstate', () => {
    const id = /^\/agent\/tickets\/(\d+)/.exec(location.pathname)?.[1];
    if (id && layoutFor(id)) activateTicket(id);
  });

  const boots = [];
  for (const layout of document.querySelectorAll(LAYOUT)) {
    const id = layoutId(layout);
    const element = layout.querySelector(COMPOSER);
    if (id && element) boots.push(bootEditor(id, element));
  }
  await Promise.all(boots);

  window.parleyFixture = { appendCustomerMessage, activateTicket, editorData };
  document.documentElement.setAttribute('data-dev-helpdesk-ready', 'true');
}

main().catch((error) => {
  document.documentElement.setAttribute('data-dev-helpdesk-ready', 'error');
  console.error('[dev helpdesk]', error);
});
