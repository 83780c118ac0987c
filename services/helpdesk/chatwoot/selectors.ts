import { UI_CHROME_NOISE } from '@/services/dom/elements';
/**
 * Every selector and URL shape the Chatwoot adapter uses, each selector an array of alternatives tried in order.
 * Evidence: Chatwoot is open source; the comments name the Vue component of chatwoot/chatwoot (app/javascript/dashboard)
 * that renders the markup, as stored in public code (2024–2026 "components-next" message list). Nothing was checked against
 * a live account (2026-05). "notes" = /work/shared/research/helpdesk-dom.md. E = evidenced, G = guessed.
 *
 * Chatwoot renders with Tailwind: the role of a message is only visible through utility classes (the bubble's colour and
 * the row's alignment). Forks re-theme the colours, so the alignment is kept as the fallback.
 */

/** The agent app's path prefix: `/app/accounts/<account id>/…` (E: routes/dashboard/conversation/conversation.routes.js). */
export const AGENT_PATH = /^\/app\/accounts\/\d+(?:\/|$)/;

/**
 * A conversation page, straight or through a folder (E: conversation.routes.js — `conversations/:conversation_id`, and the
 * same under `inbox/:inbox_id/`, `label/:label/`, `team/:teamId/`, `custom_view/:id/`, `mentions/`, `unattended/`,
 * `participating/`). Group 1 is the conversation id.
 */
export const CONVERSATION_PATH =
  /^\/app\/accounts\/\d+\/(?:(?:inbox|label|team|custom_view)\/[^/]+\/|mentions\/|unattended\/|participating\/)?conversations\/(\d+)\/?$/;

/** Chatwoot's cloud host; self-hosted hosts are matched by a configured adapter (see `createChatwootAdapter`). */
export const CLOUD_HOSTS = ['app.chatwoot.com'];

/** The open conversation's message list (E: MessagesView.vue passes `class="conversation-panel …"` to MessageList.vue's <ul>). */
export const MESSAGE_LIST = ['ul.conversation-panel', '.conversation-panel'];

/**
 * One per message, activity lines included (E: components-next/message/Message.vue root
 * `<div :id="message<id>" class="… message-bubble-container" :data-message-id="id">`; notes). The second alternative
 * covers versions that render the row without the class (E: early-2025 Message.vue copies have only `flex w-full`, one of
 * them without the `id`); it is only looked for inside the message list.
 */
export const MESSAGE_ROW = ['.message-bubble-container[data-message-id]', '[data-message-id]'];

/** Chatwoot message ids are database ids. */
export const MESSAGE_ID_PATTERN = /^\d+$/;

/** The bubble, which names its kind: text, email, activity, audio… (E: bubbles/*.vue set `data-bubble-name`). */
export const BUBBLE = ['[data-bubble-name]'];
export const ACTIVITY_BUBBLE = ['[data-bubble-name="activity"]'];

/**
 * Row alignment (E: Message.vue `flexOrientationClass`): activity lines are centred; since late 2025 agents' and bots'
 * messages are right-aligned and contacts' left-aligned (E: Message.vue `isBotOrAgentMessage` → ORIENTATION.RIGHT).
 * An early-2025 version aligned only the current agent's own messages right (E), so alignment is only the fallback.
 */
export const ROW_CENTRED = ['.justify-center'];
export const ROW_RIGHT = ['.justify-end'];
export const ROW_LEFT = ['.justify-start'];

/**
 * Bubble colour per message variant (E: bubbles/Base.vue `varaintBaseMap`, identical in upstream copies 2025–2026):
 * PRIVATE (internal note) bg-n-solid-amber, BOT and TEMPLATE bg-n-solid-iris, AGENT bg-n-solid-blue (bg-n-blue-6 for
 * another agent's message in a 2026 version, E), USER (the contact) bg-n-slate-4. The email bubble sets bg-n-slate-4
 * (incoming) or bg-n-solid-blue (outgoing) itself (E: bubbles/Email/Index.vue).
 */
export const NOTE_BUBBLE = ['.bg-n-solid-amber'];
export const BOT_BUBBLE = ['.bg-n-solid-iris'];
export const AGENT_BUBBLE = ['.bg-n-solid-blue', '.bg-n-blue-6'];
export const CUSTOMER_BUBBLE = ['.bg-n-slate-4'];

/** The lock icon MessageMeta shows on private notes (E: MessageMeta.vue `<Icon v-if="isPrivate" icon="i-lucide-lock-keyhole">`). */
export const PRIVATE_ICON = ['.i-lucide-lock-keyhole'];

/**
 * The message's own text inside the bubble, best first:
 * - email bodies rendered by vue-letter with `class-name="prose prose-bubble … letter-render"` (E: bubbles/Email/Index.vue);
 * - text bodies, `<span v-dompurify-html class="prose prose-bubble">` (E: bubbles/Text/FormattedContent.vue). It is a span:
 *   the quoted "in reply to" preview above it is a `<div class="prose prose-bubble line-clamp-2">` (E: bubbles/Base.vue).
 */
export const MESSAGE_TEXT = ['.letter-render', 'span.prose-bubble', 'span.prose'];

/** An activity line's text (E: bubbles/Activity.vue `<span v-dompurify-html="content" :title="content">`). */
export const ACTIVITY_TEXT = ['span[title]'];

/** A machine-readable time. Chatwoot's MessageMeta renders `<time>h:mm a</time>` without `datetime` (E), so this rarely matches. */
export const TIMESTAMP = ['time[datetime]'];

/**
 * Not the author's own words: quoted email history (E: Email/Index.vue hides it behind a "show quoted text" button; Gmail
 * and Outlook wrap it in blockquote/.gmail_quote), buttons, icons, images, times (E/G).
 */
export const MESSAGE_NOISE = [
  'blockquote',
  '.gmail_quote',
  '.gmail_extra',
  ...UI_CHROME_NOISE,
];

/** The reply box under the open conversation; `is-private` while writing a private note (E: ReplyBox.vue `replyBoxClass`). */
export const REPLY_BOX = ['.reply-box'];
export const PRIVATE_REPLY_BOX = ['.reply-box.is-private'];

/**
 * The editable inside the reply box, best first:
 * - WootMessageEditor's ProseMirror view; @chatwoot/prosemirror-schema adds `class: 'ProseMirror-woot-style'` to the editable
 *   and ProseMirror adds `ProseMirror` (E: prosemirror-schema setup.js, WootWriter/Editor.vue; notes);
 * - ResizableTextArea for channels without the rich editor (E: ReplyBox.vue `v-else-if="!showRichContentEditor"`).
 */
export const COMPOSER = [
  '.ProseMirror-woot-style[contenteditable="true"]',
  '.ProseMirror[contenteditable="true"]',
  '.reply-box__top textarea',
  'textarea',
];
