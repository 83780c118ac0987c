import { UI_CHROME_NOISE } from '@/services/dom/elements';
/**
 * Every selector and URL shape the Intercom adapter uses, each selector an array of alternatives tried in order.
 * Evidence: /work/shared/research/helpdesk-dom.md ("notes", "Others") and public code cited in
 * tests/fixtures/intercom/inbox-conversation.html: mainly a public "Support Copilot for Intercom" Chrome extension
 * (content.js and CHANGELOG, 2026: "Intercom switched from `inbox2__` to `inbox-2__` class names and moved message parts to a
 * Tailwind-based `group/content-part` class"), a public Intercom extension's scripting helpers
 * (`[data-conversation-stream]`, `[data-part-group-id]`, `span[data-conversation-title]`), a public reply-assistant content
 * script (`[data-intercom-target="conversation-space"]`), "Intercom Focus" (selectors "verified from actual Intercom DOM
 * (May 2026)") and a public Selenium script. Nothing was checked against a live account (2026-05). E = evidenced, G = guessed.
 */

/**
 * Intercom's agent app hosts: the US region (E: every public script), the EU and Australian regions (G: Intercom's regional
 * data hosting; the public extension lists api.eu/api.au.intercom.io for the API).
 */
export const APP_HOSTS = ['app.intercom.com', 'app.eu.intercom.com', 'app.au.intercom.com'];

/** The inbox: `/a/inbox/<workspace>/inbox/…` (E: public scripts' URLs), and the older `/a/apps/<workspace>/inbox/…` (G). */
export const INBOX_PATH = /^\/a\/(?:inbox\/[^/]+|apps\/[^/]+\/inbox)(?:\/|$)/;

/**
 * The open conversation in an inbox URL, e.g. `/a/inbox/g4tvre/inbox/admin/67375/conversation/3624?view=List` (E: a public
 * extension's comment); group 1 is the conversation id. Intercom conversation ids are numbers (E: the REST API's ids).
 */
export const CONVERSATION_PATH = /\/conversations?\/(\d+)(?:\/|$)/;

/** The pane of the open conversation (E: `[data-intercom-target="conversation-space"]` in two public scripts). */
export const CONVERSATION_SPACE = ['[data-intercom-target="conversation-space"]'];

/** Markup only the inbox has; when none is there, the page is not (yet) the inbox Parley knows. */
export const INBOX_MARKERS = [
  '[data-intercom-target="conversation-space"]',
  '[data-conversation-stream]',
  '.inbox-2__conversation-page',
  '.inbox2__conversation-page',
  '[data-intercom-target="inbox-left-nav"]',
];

/** The conversation stream (E: the public extension's list of alternatives, newest first, and its scripting helpers). */
export const CONVERSATION_STREAM = [
  '[data-testid="conversation-stream-scroll-container"]',
  '[data-conversation-stream]',
  '[data-intercom-target-conversation-stream]',
  '.inbox-2__conversation-stream',
  '.inbox2__conversation-stream',
];

/**
 * A group of consecutive parts by one author; `data-part-group-category` says who (E: public extension and scripts).
 * 1 = customer, 3 = teammate, 5 = bot, 20 = automated/system (E: the extension's comment); 4 = internal note (E: a public
 * Selenium script looks for `[data-part-group-category="4"]` to "detect if there is a note").
 */
export const PART_GROUP = ['[data-part-group-id]'];
export const CATEGORY_ROLES: Readonly<Record<string, 'customer' | 'agent' | 'note' | 'bot' | 'system'>> = {
  '1': 'customer',
  '3': 'agent',
  '4': 'note',
  '5': 'bot',
  '20': 'system',
};

/**
 * One message inside a group, with its own id (E: `[data-part-id]` is among the extension's part selectors; G: that parts nest
 * inside groups). Newer markup marks parts with the Tailwind group class `group/content-part` and carries the id on an
 * ancestor `[data-part-entity-id]` (E: the extension, April 2026).
 */
export const PART_IN_GROUP = ['[data-part-id]'];
export const ENTITY_PART = ['[data-part-entity-id]'];
export const TAILWIND_PART = ['[class*="group/content-part"]'];

/**
 * The author type some parts carry (E: the extension's fallback reads `data-author-type`; the values are G beyond
 * "user/customer" and "admin/agent", which the extension names).
 */
export const AUTHOR_TYPE_ATTRIBUTE = 'data-author-type';

/** Layout hints for parts without a category (E: the extension's fallback: agents right-aligned, customers left-aligned). */
export const RIGHT_ALIGNED = ['.justify-end', '.flex-row-reverse'];
export const LEFT_ALIGNED = ['.justify-start'];

/** The part's body, best first (E: the extension's body selectors, both class-name generations). */
export const PART_BODY = [
  '.interblocks-html',
  '.inbox-2__user-email-content',
  '.inbox2__user-email-content',
  '.inbox-2__renderable-part',
  '.inbox2__renderable-part',
  '.inbox-2__break-words',
  '.inbox2__break-words',
];

/** A machine-readable time (G: not evidenced for Intercom; read when present). */
export const TIMESTAMP = ['time[datetime]'];

/** The conversation's title (E: `span[data-conversation-title]` in a public extension). */
export const TITLE = ['[data-conversation-title]'];

/**
 * Not the author's own words: quoted email history (E: Intercom shows email parts with their quoted replies; Gmail/Outlook
 * wrap them in blockquote/.gmail_quote), buttons, icons, avatars, times (E/G).
 */
export const PART_NOISE = [
  'blockquote',
  '.gmail_quote',
  '.gmail_extra',
  ...UI_CHROME_NOISE,
];

/**
 * The reply editor, best first (E: the extension's injection targets, newest first; the reply-assistant script's
 * `[role="textbox"]` inside the conversation space; notes: `.ProseMirror[contenteditable]`).
 */
export const COMPOSER = [
  '[data-conversation-reply-composer] .ProseMirror[contenteditable="true"]',
  '.ProseMirror.embercom-prosemirror-composer-editor[contenteditable="true"]',
  '.embercom-prosemirror-composer-editor[contenteditable="true"]',
  '.ProseMirror[contenteditable="true"]',
  '[role="textbox"][contenteditable="true"]',
];

/** The note pane of the older inbox (E: a public userscript: `.conversation__text.o__note .embercom-prosemirror-composer-editor`). */
export const NOTE_PANE = ['.o__note'];
