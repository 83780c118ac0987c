import { UI_CHROME_NOISE } from '@/services/dom/elements';
/**
 * What the Shopify Inbox adapter looks for, each selector an array of alternatives tried in order, each pattern
 * with where it comes from. Evidence: /work/shared/research/helpdesk-dom.md ("notes", Shopify Inbox section) and
 * the public code cited in tests/fixtures/shopify-inbox/inbox-conversation.html. Nothing here was checked
 * against a live account (2026-05). E = evidenced in public code, G = guessed.
 *
 * Shopify Inbox's web client has almost no stable attributes: the adapter leans on the virtualised list's
 * `index` attribute, on link targets, on the shape of the timestamp line and on layout, and uses English (and
 * the Chinese a public scraper also lists) UI strings only where nothing structural exists, always with a
 * structural fallback or a harmless failure mode (said at each use). Queried with services/dom/query.ts.
 */

export const INBOX_HOST = 'inbox.shopify.com';

/**
 * `/store/<slug>/conversations/(unread|open|closed)/<id>` (notes, E: public scrapers' URL helpers). The id is a
 * UUID (v7 in the wild, e.g. 019dcb4a-2bab-7859-b7b5-431636b6c52e); public test URLs also use shortened ids, so
 * any token of letters, digits and dashes is accepted. The folder alone (no id) is the conversation list.
 */
export const CONVERSATION_PATH = /^\/store\/([^/]+)\/conversations\/(unread|open|closed)\/([A-Za-z0-9][A-Za-z0-9-]{2,63})\/?$/;
export const INBOX_PATH = /^\/store\/[^/]+\/conversations(?:\/|$)/;

/**
 * One row of a virtualised list. E: a public scraper reads `node.closest("[index]").getAttribute("index")`; E:
 * Shopify's FlashList renders its web cell container as `<div {...props}>` with `index={parentProps.index}`
 * (Shopify/flash-list src/FlashList.tsx itemContainer, src/native/cell-container/CellContainer.web.tsx). FlashList
 * recycles cells: the same element may show another message later (new `index`, new content).
 */
export const VIRTUAL_ROW = ['[index]'];
export const ROW_INDEX_ATTRIBUTE = 'index';

/**
 * A conversation-list row links to its conversation (E: the scraper reads `linkNode.href` from list rows and
 * matches `/conversations/(unread|open|closed)/<id>`). Rows holding such a link belong to the conversation
 * list, never to the message list.
 */
export const CONVERSATION_LINK = ['a[href*="/conversations/"]'];

/**
 * The conversation list marks the open conversation. G: the scraper tells selected items apart by
 * `aria-current="page"` / `aria-selected="true"`; that the list rows carry them is a guess.
 */
export const SELECTED_CONVERSATION_LINK = [
  'a[href*="/conversations/"][aria-current="page"]',
  'a[href*="/conversations/"][aria-current="true"]',
  'a[href*="/conversations/"][aria-selected="true"]',
  '[aria-selected="true"] a[href*="/conversations/"]',
];

/** The conversation header's title (E: a public scraper reads it as the customer's name). */
export const CONVERSATION_TITLE = ['[data-testid="conversationTopic"]'];

/** The page is still loading the conversation (E: the scraper waits while these exist). */
export const LOADING = ['[aria-busy="true"]', '[role="progressbar"]'];

/** A machine-readable time inside a row (G: not seen in Shopify Inbox; used when present). */
export const MACHINE_TIME = ['time[datetime]'];

/**
 * The reply composer, best first, searched from the message list outwards (so the customer panel's
 * "Add note" field, E, is never taken for it). G: the help center only says "composer bar"; a React
 * controlled textarea is the likeliest, a contenteditable the alternative.
 */
export const COMPOSER = [
  'textarea:not([readonly]):not([disabled])',
  '[contenteditable="true"][role="textbox"]',
  '[contenteditable="true"]',
  '[contenteditable="plaintext-only"]',
];

/** Never part of a message's own text: icons, images, buttons, hidden copies, scripts. */
// Without `time`: this adapter reads its timestamp line separately and never finds one inside the bubble text.
export const MESSAGE_NOISE = UI_CHROME_NOISE.filter((selector) => selector !== 'time');

/**
 * The timestamp line under a bubble (E: a public scraper's `messageTimestampLine`): a bare time for the
 * customer (`10:41 AM`, optionally `• Delivered`/`• Sent`), the sender label, a bullet and the time for the store
 * (`You • 10:32 AM`, automated `Auto • 10:32 AM`; Chinese UI `您` / `自动`, time `上午`/`下午`). Matching is on
 * the shape (optional label, bullet, clock time), so a localised label still marks a store-side message.
 */
export const TIMESTAMP_LINE =
  /^(?:(?<who>[^\d•·][^•·]{0,40}?)\s*[•·]\s*)?(?<time>(?:(?:上午|下午)\s*)?\d{1,2}[:.]\d{2}(?:\s*(?:[AaPp]\.?\s?[Mm]\.?|上午|下午))?)(?:\s*[•·]\s*(?<status>[^•·]{1,30}))?$/u;

/**
 * Sender labels of the timestamp line. English and Chinese only (E: the scraper lists "You|Auto|您|自动"). A
 * label in another UI language still marks the message as the store's (any label does, customers get a bare
 * time), but then an automated message is read as the agent's: both are store-side, so nothing is translated or
 * left untranslated because of it.
 */
export const AUTOMATED_SENDER_LABELS = ['auto', '自动'];
export const STORE_SELF_LABELS = ['you', '您'];

/**
 * Event lines Shopify Inbox writes into the conversation. English and Chinese only (E: the scraper's
 * `inboxSystemEventPatternSpecs`). Where layout is available, a centred row without a timestamp line is also
 * read as an event line, whatever the language; without layout (and unmatched) such a row is skipped, never
 * taken for a customer message.
 */
export const SYSTEM_LINE_PATTERNS: readonly RegExp[] = [
  /\bmessaged you from\b/i,
  /\b(?:opened|closed|reopened|assigned|unassigned)\s+this conversation\b/i,
  /\bwas added to your store\b/i,
  /\bwas matched to existing customer\b/i,
  /\bthis conversation was created because\b/i,
  /\bconversation (?:started|was created)\b/i,
  /\bitem\(s\) in their cart\b/i,
  /\bcart subtotal\b/i,
  /\b(?:agreed|opted in|subscribed|unsubscribed)\b.*\b(?:marketing|emails?)\b/i,
  /通过在线商店发起的对话/u,
];

/**
 * Day separators between messages (E: the scraper's low-signal lines "Yesterday|Today|昨天|今天|N月N"; G: the
 * weekday and month forms). Skipped: they are neither messages nor events.
 */
export const DAY_SEPARATOR =
  /^(?:today|yesterday|(?:mon|tues|wednes|thurs|fri|satur|sun)day|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.? \d{1,2}(?:, \d{4})?|今天|昨天|\d+\s*月\s*\d*\s*日?)$/iu;

