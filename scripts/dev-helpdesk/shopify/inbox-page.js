// Parley dev helpdesk, Shopify Inbox page script: a DEVELOPMENT AND TEST TOOL, not Shopify Inbox.
// Bundled by esbuild on request (routes.ts) and served at /__dev/shopify/inbox-page.js into the saved-page fixture
// tests/fixtures/shopify-inbox/inbox-conversation.html. Plain JS, no JSX: React.createElement only.
//
// What it does, like the real (React) client would:
// - React owns the conversation pane: header, the inverted message list (rows with an `index` attribute, index 0 the
//   newest, as in the fixture) and the composer, a REAL React controlled <textarea> (its value is React state).
//   A naive `textarea.value = …` from the page changes neither React's state nor, at the next render, the textarea;
//   only the native value setter + a bubbling `input` event (what React's change tracking listens for) lands.
// - Conversations switch in-page: history.pushState, then React re-renders the pane (the URL changes first, as in
//   a client-side router); the conversation list's aria-current follows.
// - window.parleyFixture = { appendCustomerMessage, openConversation, composerValue, reactState } drives it from
//   tests; <html data-dev-helpdesk-ready="true"> is set once React has rendered.
import { createElement as h, Fragment, useLayoutEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { DEV_CONVERSATIONS, STORE_SLUG } from './conversations.ts';
import { assignMessageIds, messageKey, normaliseClockTime } from '../../../services/helpdesk/shopify-inbox/message-id.ts';

const BLANK = 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7';
const PATH = new RegExp(`^/store/${STORE_SLUG}/conversations/(?:unread|open|closed)/([^/?#]+)`);
const KNOWN = new Set(DEV_CONVERSATIONS.map((conversation) => conversation.id));

const conversationIdInUrl = () => {
  const id = PATH.exec(location.pathname)?.[1] ?? null;
  return id && KNOWN.has(id) ? id : null;
};

/** Set by <App> on each render: the fixture API reaches React's state through these. */
const live = { setOpenId: null, setThreads: null, threads: null, openId: null, draft: '' };

function clockTime(date) {
  const hours = date.getHours();
  return `${hours % 12 || 12}:${String(date.getMinutes()).padStart(2, '0')} ${hours < 12 ? 'AM' : 'PM'}`;
}

function stampFor(item) {
  if (item.kind === 'store') return ['You', item.time, item.status].filter(Boolean).join(' • ');
  if (item.kind === 'auto') return `Auto • ${item.time}`;
  return item.time;
}

function Row({ item, index }) {
  const text = h('div', { dir: 'auto', className: 'css-146c3p1 r-msgtx1' }, item.text);
  const stamp = h('div', { dir: 'auto', className: 'css-146c3p1 r-n6v787 r-meta5d' }, stampFor(item));
  let body;
  if (item.kind === 'event' || item.kind === 'day') {
    body = h(
      'div',
      { className: `css-175oi2r r-1awozwy ${item.kind === 'day' ? 'r-day2k1' : 'r-evt4qa'}` },
      h('div', { dir: 'auto', className: 'css-146c3p1 r-q4m81j r-n6v787' }, item.text),
    );
  } else if (item.kind === 'customer') {
    body = h(
      'div',
      { className: 'css-175oi2r r-18u37iz r-1wtj0ep r-in7c2b' },
      h('img', { alt: '', className: 'css-9pa8cd r-avt3xx', src: BLANK, width: 28, height: 28 }),
      h('div', { className: 'css-175oi2r r-1awozwy r-col8v1' }, h('div', { className: 'css-175oi2r r-bub1n9' }, text), stamp),
    );
  } else {
    body = h(
      'div',
      { className: 'css-175oi2r r-18u37iz r-1h0z5md r-out2x9' },
      h(
        'div',
        { className: 'css-175oi2r r-obd0qt' },
        h('div', { className: `css-175oi2r r-bub0ut${item.kind === 'auto' ? ' r-auto7z' : ''}` }, text),
        stamp,
      ),
    );
  }
  // `index` as FlashList's web cell container renders it: a plain attribute on the cell div.
  return h('div', { index: String(index), className: 'r-cell0q' }, body);
}

function Pane({ conversation, items, draft, onDraft, onSend }) {
  const scroller = useRef(null);
  useLayoutEffect(() => {
    if (scroller.current) scroller.current.scrollTop = scroller.current.scrollHeight;
  }, [conversation?.id, items?.length]);

  if (!conversation) {
    return h('div', { className: 'css-175oi2r r-empty1x' }, h('div', { dir: 'auto', className: 'css-146c3p1' }, 'Select a conversation to view'));
  }
  // Newest first in the DOM with index 0, shown at the bottom: an inverted list.
  const newestFirst = items.map((item, position) => ({ item, position })).reverse();
  return h(
    Fragment,
    null,
    h(
      'div',
      { className: 'css-175oi2r r-18u37iz r-1awozwy r-hdr5k2' },
      h('img', { alt: '', className: 'css-9pa8cd', src: BLANK, width: 32, height: 32 }),
      h(
        'div',
        { className: 'css-175oi2r' },
        h('div', { dir: 'auto', 'data-testid': 'conversationTopic', className: 'css-146c3p1 r-b88u0q r-a023e6' }, conversation.customerName),
        h('div', { dir: 'auto', className: 'css-146c3p1 r-n6v787' }, `${conversation.email} · Online`),
      ),
      h('div', { role: 'button', tabIndex: 0, className: 'css-175oi2r r-1loqt21 r-done2b', 'aria-label': 'Close conversation' },
        h('div', { dir: 'auto', className: 'css-146c3p1' }, 'Done')),
    ),
    h(
      'div',
      { ref: scroller, className: 'css-175oi2r r-150rngu r-eqz5dr r-16y2uox r-1wbh5a2 r-11yh6sk r-1rnoaur r-agouwx' },
      h(
        'div',
        { className: 'css-175oi2r r-msgc9q' },
        newestFirst.map(({ item, position }, index) => h(Row, { key: `${conversation.id}:${position}`, item, index })),
      ),
    ),
    h(
      'div',
      { className: 'css-175oi2r r-cmp0sr r-18u37iz r-1awozwy' },
      h('textarea', {
        // One composer per conversation, as a router would mount it.
        key: conversation.id,
        dir: 'auto',
        rows: 1,
        placeholder: 'Write a message',
        className: 'css-textinput-11aywtz r-cmpta1',
        spellCheck: true,
        value: draft,
        onChange: (event) => onDraft(event.target.value),
        onKeyDown: (event) => {
          if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            onSend();
          }
        },
      }),
      h('div', { role: 'button', tabIndex: 0, 'aria-label': 'Send', className: 'css-175oi2r r-1loqt21 r-snd4b1', onClick: onSend },
        h('div', { dir: 'auto', className: 'css-146c3p1' }, 'Send')),
      h('div', { dir: 'auto', className: 'css-146c3p1 r-n6v787 r-hint2x' }, 'Shift + Enter for a new line'),
    ),
  );
}

function App({ initialId }) {
  const [openId, setOpenId] = useState(initialId);
  const [threads, setThreads] = useState(() => new Map(DEV_CONVERSATIONS.map((c) => [c.id, c.items])));
  const [drafts, setDrafts] = useState({});
  const conversation = DEV_CONVERSATIONS.find((c) => c.id === openId) ?? null;
  const draft = openId ? (drafts[openId] ?? '') : '';
  Object.assign(live, { setOpenId, setThreads, threads, openId, draft });

  const onDraft = (value) => setDrafts((all) => ({ ...all, [openId]: value }));
  const onSend = () => {
    const text = draft.trim();
    if (!text) return;
    const item = { kind: 'store', text, time: clockTime(new Date()), status: 'Sent' };
    setThreads((all) => new Map(all).set(openId, [...all.get(openId), item]));
    setDrafts((all) => ({ ...all, [openId]: '' }));
  };
  return h(Pane, { conversation, items: conversation ? threads.get(openId) : null, draft, onDraft, onSend });
}

/** The conversation list is not React's here: mark the open conversation the way the fixture does. */
function markOpenInList(id) {
  for (const link of document.querySelectorAll('a[href*="/conversations/open/"]')) {
    if (id && link.getAttribute('href').endsWith(`/${id}`)) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const conversation = DEV_CONVERSATIONS.find((c) => c.id === id);
  document.title = conversation ? `${conversation.customerName} · Open · Shopify Inbox` : 'Open · Shopify Inbox';
}

function show(id) {
  markOpenInList(id);
  flushSync(() => live.setOpenId(id));
}

function appendCustomerMessage(text) {
  const id = live.openId;
  if (!id) throw new Error('No conversation is open');
  const item = { kind: 'customer', text: String(text), time: clockTime(new Date()) };
  flushSync(() => live.setThreads((all) => new Map(all).set(id, [...all.get(id), item])));
  // The id Parley's adapter gives the new message (every row of this page is mounted, so repeats count the same).
  const messages = live.threads.get(id).filter((it) => it.kind !== 'day');
  const ids = assignMessageIds(messages.map((it) => messageKey(it.time ? normaliseClockTime(it.time) : '', it.text)));
  return ids.at(-1);
}

function openConversation(id) {
  if (!KNOWN.has(id)) throw new Error(`No conversation ${id} in the dev helpdesk`);
  // Client-side navigation: the URL first, then the re-render.
  history.pushState({}, '', `/store/${STORE_SLUG}/conversations/open/${id}`);
  show(id);
}

function composerValue() {
  return document.querySelector('textarea.r-cmpta1')?.value ?? null;
}

function reactState() {
  return live.draft;
}

function addBanner() {
  const banner = document.createElement('div');
  banner.id = 'parley-dev-helpdesk-banner';
  banner.setAttribute('role', 'note');
  banner.textContent = 'Parley dev helpdesk: a saved-page fixture for tests, not Shopify Inbox';
  document.body.append(banner);
}

function main() {
  const pane = document.querySelector('.r-pane7c');
  if (!pane) throw new Error('Dev inbox page: no conversation pane in the fixture');
  const initialId = conversationIdInUrl();
  markOpenInList(initialId);
  const root = createRoot(pane);
  flushSync(() => root.render(h(App, { initialId })));
  window.addEventListener('popstate', () => show(conversationIdInUrl()));
  addBanner();
  window.parleyFixture = { appendCustomerMessage, openConversation, composerValue, reactState };
  document.documentElement.setAttribute('data-dev-helpdesk-ready', 'true');
}

main();
