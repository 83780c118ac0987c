import { UI_CHROME_NOISE } from '@/services/dom/elements';
/**
 * Every selector the Zendesk adapter uses, each an array of alternatives tried in order.
 * Evidence: /work/shared/research/helpdesk-dom.md ("notes") and the public code cited in
 * tests/fixtures/zendesk/agent-workspace.html. Nothing here was checked against a live account (2026-05);
 * `data-test-id` attributes have been stable since 2020, hashed class names are never used.
 */

/** Zendesk ticket ids are numbers; anything else read from an attribute is not trusted into a selector. */
export const TICKET_ID_PATTERN = /^\d+$/;

/** Tells the adapter it is looking at the Agent Workspace at all (used by `detect`). */
export const WORKSPACE_MARKERS = [
  // notes: header tabs carry the open tickets' ids
  'a[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"]',
  // notes: one standard layout per mounted ticket
  '[data-test-id$="-standard-layout"][data-test-id^="ticket-"]',
  // notes: the conversation log
  '[data-test-id="omni-log-container"]',
];

/** The header tab of the ticket the agent is looking at; its `data-entity-id` is the ticket id. */
export const SELECTED_TICKET_TAB = [
  // notes (E)
  'a[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"][data-entity-is-selected="true"]',
  // E: a public client-check extension reads the active tab through aria-current
  '[data-test-id="header-tab"][data-entity-type="TICKET_ENTITY_TYPE"][aria-current="page"]',
];

/** The ticket layout Zendesk marks active, for a known ticket id (notes, E). */
export const activeLayoutFor = (ticketId: string): string[] => [
  `[data-test-id="ticket-${ticketId}-standard-layout"][data-is-active="true"]`,
];

/** Any layout of a known ticket id, active or not: used to tell "marked inactive" from "markup variant without it". */
export const anyLayoutFor = (ticketId: string): string[] => [`[data-test-id="ticket-${ticketId}-standard-layout"]`];

/** Active layouts when no tab says which ticket is selected (notes, E); the id is parsed from the test id. */
export const ACTIVE_LAYOUT_ANY = ['[data-test-id^="ticket-"][data-test-id$="-standard-layout"][data-is-active="true"]'];
export const LAYOUT_TEST_ID_PATTERN = /^ticket-(\d+)-standard-layout$/;

/** Wrappers of one ticket when the standard layout is missing (older or A/B variants). */
export const ticketWrapperFor = (ticketId: string): string[] => [
  // notes (E): fallback for the active layout
  `.conversation-polaris[data-ticket-id="${ticketId}"]`,
  // E: public userscripts scope the log as [data-ticket-id=<id>] [data-test-id=omni-log-container]
  `[data-ticket-id="${ticketId}"]`,
  // notes (E, toggl track-extension src/content/zendesk.js)
  `[data-side-conversations-anchor-id="${ticketId}"]`,
];

/** Used only when nothing names the active ticket and exactly one ticket is mounted. */
export const ANY_TICKET_WRAPPER = ['.conversation-polaris[data-ticket-id]'];

/** The ticket subject inside the ticket's layout. */
export const SUBJECT = [
  // notes (E)
  '[data-test-id="ticket-pane-subject"]',
  // E: an <input> (public Playwright scripts fill it; a public extension reads its .value)
  '[data-test-id="omni-header-subject"]',
];

/** The selected tab's title, the last resort for the subject (E: a public userscript's selector table). */
export const TAB_TITLE = ['[data-test-id="header-tab-title"]'];

/** The conversation log inside the ticket's layout (notes, E). */
export const LOG_CONTAINER = ['[data-test-id="omni-log-container"]'];

/** One per message; the article `id` is the comment's audit id (notes, E). */
export const COMMENT_ITEM = ['article[data-test-id="omni-log-comment-item"]', '[data-test-id="omni-log-comment-item"]'];

/** Carries the author `type` attribute (end-user | agent | bot) and, when hidden, aria-hidden (notes, E). */
export const ITEM_MESSAGE = ['[data-test-id="omni-log-item-message"]'];

/** The message body; Parley's inline translation is mounted right after it (notes, E). */
export const MESSAGE_CONTENT = [
  '[data-test-id="omni-log-message-content"]',
  // notes (E): email/web bodies; a variant without the content wrapper still has this
  '.zd-comment',
];

/** The message's time: a <time datetime> (notes, E). */
export const TIMESTAMP = ['time[data-test-id="timestamp-relative"][datetime]', 'time[data-test-id="timestamp-absolute"][datetime]', 'time[datetime]'];

/** Marks an internal note (notes, E). */
export const INTERNAL_NOTE_TAG = ['[data-test-id="omni-log-internal-note-tag"]'];

/** Agent badge on the avatar: the fallback author signal when `type` is missing (notes, E). */
export const AGENT_BADGE = ['[data-test-id="omni-log-avatar-badge-AgentBadge"]'];

/** `data-originated-from="Trigger"` marks automated messages (notes, E; found on the message content element). */
export const TRIGGER_ORIGIN = ['[data-originated-from="Trigger"]'];

/**
 * Parts of a message body that are not the author's own text. Quoted history is a <blockquote> (notes, E);
 * read/delivered icons, buttons and signatures are stripped by a public transcript script (E); timestamps and
 * images are page chrome (E/G).
 */
export const MESSAGE_NOISE = [
  'blockquote',
  '[data-test-id^="timestamp-"]',
  '[data-test-id="convo-log-item-read-indicator"]',
  '[data-test-id="convo-log-item-delivered-indicator"]',
  ...UI_CHROME_NOISE,
];

/** The reply editor inside the ticket's layout, best first. */
export const COMPOSER = [
  // notes (E): CKEditor 5 editable of the email/web composer
  '[data-test-id="ticket-rich-text-editor"] .ck-editor__editable[contenteditable="true"]',
  // notes (E): the editable itself, email/web and messaging variants
  '.ck-editor__editable[contenteditable="true"][data-test-id="omnicomposer-rich-text-ckeditor"]',
  '[contenteditable="true"][data-test-id="omnicomposer-rich-text-ckeditor"]',
  '[contenteditable="true"][data-test-id="omnicomposer-plain-text-ckeditor"]',
  // E: public extensions' fallback inside the editor wrapper
  '[data-test-id="ticket-rich-text-editor"] [contenteditable="true"][role="textbox"]',
  '.zendesk-editor--rich-text-container [contenteditable="true"][role="textbox"]',
  // G: a plain textarea variant
  '[data-test-id="ticket-rich-text-editor"] textarea',
];

/** Public reply vs internal note switch; its aria-label names the channel (notes, E). */
export const CHANNEL_SWITCHER = ['[data-test-id="omnichannel-channel-switcher-button"]'];

/**
 * Channel switcher labels. English only (E: a public extension lists these aria-labels); a localised UI
 * gives no match and the adapter answers "unknown" rather than guessing.
 */
export const PUBLIC_CHANNEL_LABELS = ['public reply', 'email', 'sms', 'web', 'chat', 'messaging', 'whatsapp'];
export const INTERNAL_CHANNEL_LABELS = ['internal note'];
