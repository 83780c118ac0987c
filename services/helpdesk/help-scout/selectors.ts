import { UI_CHROME_NOISE } from '@/services/dom/elements';
/**
 * Every selector and URL shape the Help Scout adapter uses, each selector an array of alternatives tried in order.
 * Evidence: /work/shared/research/helpdesk-dom.md ("notes", "Others") and public code cited in
 * tests/fixtures/help-scout/conversation.html: a public Help Scout "platform adapter" of a GPT reply extension (selectors
 * "updated based on actual DOM"), a public "Maestro" Help Scout content script whose comments quote the page ("Found in
 * your HTML: <ol data-testid="ThreadContainer" …>"), a public note-jumping userscript (`li.ThreadListItem.is-note > div`),
 * "Helpscout Thread Hider" (2023, older markup) and "CX Copilot" (older Redactor editor). Nothing was checked against a live
 * account (2026-05). E = evidenced, G = guessed.
 */

/** Help Scout's agent app (E: every public script; its URLs). */
export const APP_HOSTS = ['secure.helpscout.net'];

/**
 * A conversation page: `/conversation/<id>/<number>?folderId=…` (E: public scripts build and parse these URLs; the first
 * number is the conversation id, the second its number). Group 1 is the conversation id.
 */
export const CONVERSATION_PATH = /^\/conversation\/(\d+)(?:\/|$)/;

/** The conversation's id where the page repeats it (E: a public adapter observes `data-conversation-id` attributes). */
export const CONVERSATION_ID_ATTRIBUTE = 'data-conversation-id';

/** The thread list of the open conversation (E: `<ol data-testid="ThreadContainer">`, notes: `ol[aria-label="Thread Items"]`). */
export const THREAD_LIST = ['ol[data-testid="ThreadContainer"]', '[data-testid="ThreadContainer"]', 'ol[aria-label="Thread Items"]'];

/**
 * One thread item (message, note or line item), best first:
 * - `li.ThreadListItem > div[id^="thread-"]` (E: notes; public scripts; the div's id is the thread's id);
 * - older markup `article.thread[id^="thread-"]` with `customer` among its classes (E: Helpscout Thread Hider, 2023).
 */
export const THREAD_ITEM = ['li.ThreadListItem > div[id^="thread-"]', 'li > div[id^="thread-"]', 'article.thread[id^="thread-"]'];
export const THREAD_ID_PATTERN = /^thread-\d+$/;

/** The list item around a thread, which carries its type as a class (E: `li.ThreadListItem.is-note`). */
export const THREAD_LIST_ITEM = ['li.ThreadListItem', 'li'];

/**
 * Thread type classes on the list item (or the older article). Help Scout's thread types are customer, message/reply (a
 * teammate's reply), note, lineitem (a status change), chat, phone (E: its API, as a public connector documents them).
 * `is-note` (E: a public userscript), `is-customer` (E: a public adapter checks it), the rest: G, named after the API types.
 * The older article used the bare type (`customer`: E; the others: G).
 */
export const NOTE_ITEM = ['.is-note', 'article.thread.note'];
export const CUSTOMER_ITEM = ['.is-customer', 'article.thread.customer'];
export const LINE_ITEM = ['.is-lineitem', '.is-line-item', 'article.thread.lineitem'];
export const REPLY_ITEM = ['.is-message', '.is-reply', '.is-user', 'article.thread.message'];

/**
 * The thread's body, best first (E: `div.is-ignoring-table` "contains message text", quoted from the page by a public script;
 * `.thread-content` in a public adapter; older `section.messageBody` in Helpscout Thread Hider).
 */
export const THREAD_BODY = ['.is-ignoring-table', '.thread-content', 'section.messageBody'];

/** The author's name in the thread header (E: `span[data-nocollapse="true"]` in three public scripts). */
export const THREAD_AUTHOR = ['span[data-nocollapse]'];

/** The thread's time (E: `[data-testid="timestamp"] time` in a public userscript; its `datetime` attribute: G). */
export const TIMESTAMP = ['[data-testid="timestamp"] time[datetime]', 'time[datetime]'];

/**
 * Not the author's own words: quoted email history (G: Help Scout collapses it; mail clients wrap it in blockquote or
 * .gmail_quote), the author and timestamp header (E), buttons, icons, avatars (E/G).
 */
export const THREAD_NOISE = [
  'blockquote',
  '.gmail_quote',
  '.gmail_extra',
  '[data-testid="timestamp"]',
  'span[data-nocollapse]',
  ...UI_CHROME_NOISE,
];

/**
 * The reply editor, best first: Help Scout's editor is Slate (E: a public adapter: "Help Scout uses Slate v0.47", checks
 * `data-slate-editor`), labelled "Reply Editor" (E: notes; the same adapter), inside `[data-cy="ConvoEditor"]` or
 * `[data-testid="reply-editor"]` (E: that adapter's containers); older Redactor editor `.redactor_editor` (E: CX Copilot).
 */
export const COMPOSER = [
  '[data-slate-editor="true"][contenteditable="true"]',
  '[role="textbox"][aria-label="Reply Editor"][contenteditable="true"]',
  '[data-cy="ConvoEditor"] [contenteditable="true"]',
  '[data-testid="reply-editor"] [contenteditable="true"]',
  '.redactor_editor[contenteditable="true"]',
];

/**
 * The editor's label says whether it writes a reply or a note: "Reply Editor" (E) is public; a label naming a note (G: by
 * analogy) is not. Help Scout's UI is English only; any other label gives "unknown".
 */
export const REPLY_EDITOR_LABEL = 'reply editor';
export const NOTE_EDITOR_LABEL = /\bnote\b/i;
