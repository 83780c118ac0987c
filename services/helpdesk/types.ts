/**
 * The seam every helpdesk adapter implements. Adapters are pure DOM code: no extension APIs,
 * so they run unchanged in happy-dom tests against saved fixture pages.
 */

export const HELPDESK_IDS = ['zendesk'] as const;
export type HelpdeskId = (typeof HELPDESK_IDS)[number];

export const AUTHOR_ROLES = ['customer', 'agent', 'bot', 'internal'] as const;
/** Who wrote a message. `internal` is an internal note between agents, never seen by the customer. */
export type AuthorRole = (typeof AUTHOR_ROLES)[number];

export interface HelpdeskMessage {
  /** Stable across re-renders and reloads (Zendesk: the comment's audit id). */
  id: string;
  role: AuthorRole;
  /** The message's own text, without quoted history, buttons or status icons. */
  text: string;
}

export interface ConversationSnapshot {
  helpdesk: HelpdeskId;
  /** The helpdesk's id for the conversation (Zendesk: the ticket id). */
  conversationId: string;
  title?: string;
  /** In the order the helpdesk shows them, oldest first. */
  messages: HelpdeskMessage[];
}

/** What an adapter reads from the page: the snapshot plus where each message lives in the DOM. */
export interface ActiveConversation {
  snapshot: ConversationSnapshot;
  /**
   * For each message id, the element Parley's inline UI is mounted right after. Re-read on every
   * scan: helpdesks re-render and replace nodes, so these must never be kept between scans.
   */
  anchors: Map<string, Element>;
}

export type ComposerKind = 'ckeditor5' | 'contenteditable' | 'textarea';

export interface ComposerTarget {
  kind: ComposerKind;
  element: HTMLElement;
  /** Whether the composer is in a mode whose text the customer sees (public reply vs internal note); null when unknown. */
  isPublicReply: boolean | null;
}

export interface HelpdeskAdapter {
  id: HelpdeskId;
  /** True when `doc` at `url` is a page of this helpdesk that the adapter can read. */
  detect(doc: Document, url: URL): boolean;
  /** The conversation the agent is looking at, or null when none is open (or the markup is not recognised). */
  readActiveConversation(doc: Document): ActiveConversation | null;
  /** The reply composer of the active conversation, or null. */
  findComposer(doc: Document): ComposerTarget | null;
}
