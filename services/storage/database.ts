import Dexie, { type EntityTable } from 'dexie';
import type { AuthorRole, HelpdeskId } from '@/services/helpdesk/types';
import type { ConversationLanguageState } from '@/services/language/conversation-state';
import type { LanguageDetection } from '@/services/language/detect-language';
import type { SupportedLanguage } from '@/services/language/supported-languages';
import type { Suggestion, TranslationStatus } from '@/services/messaging/protocol';
import type { WorkEvent } from '@/services/metrics/work-events';
import type { PracticeSession } from '@/services/practice/practice-session';

/**
 * Parley's IndexedDB database, on the extension's origin: the background and extension pages share
 * it (a background write refreshes the side panel through liveQuery). Content scripts never import
 * it: there, IndexedDB would belong to the helpdesk's origin.
 */

export interface ConversationRecord {
  /** `${helpdesk}:${host}:${conversationId}` */
  key: string;
  /** The helpdesk the conversation is in, or `practice` for a simulated customer (services/practice). */
  helpdesk: ConversationSource;
  host: string;
  conversationId: string;
  title?: string;
  /** The customer's language over the whole conversation, with its variant and the agent's override. */
  language?: ConversationLanguageState;
  /** The agent turned the in-page translations off for this conversation only. */
  inlineHidden?: boolean;
  updatedAt: number;
}

export interface MessageRecord {
  /** `${conversationKey}#${messageId}` */
  key: string;
  conversationKey: string;
  messageId: string;
  /** Position in the conversation, oldest first. */
  order: number;
  role: AuthorRole;
  text: string;
  /** ISO 8601, when the helpdesk shows it. */
  time?: string;
  detection: LanguageDetection | null;
  /** Only customer messages are translated; others stay null. */
  translationStatus: TranslationStatus | null;
  translation: string;
  translationError?: string;
  /** Target language of `translation`. */
  translatedInto?: SupportedLanguage;
  /**
   * Model requests that carried this message since it last needed translating. Stored, so a
   * worker restart does not reset the retry bound.
   */
  translationAttempts?: number;
  /** What the agent should know before trusting the translation (personal data placeholders lost). */
  translationWarning?: string;
  /** The message tries to instruct the model (prompt injection): shown to the agent, never obeyed. */
  injection?: { reasons: string[] };
  /** When Parley first read the message (epoch ms): the start of the agent's response time when the page shows no time. */
  seenAt?: number;
}

/** A finished, non-empty translation: the cache that makes a reopened ticket cost no model calls. */
export interface TranslationRecord {
  /** Hash of everything that shaped the answer: text, languages, provider, model, prompt version, masking and rules. */
  key: string;
  text: string;
  createdAt: number;
  /** Last time the entry was served or written: the least recently used entries are evicted first. */
  usedAt: number;
}

/** One model request: what it cost and how long it took (kept locally for the options page). */
export interface UsageRecord {
  id?: number;
  /** Local day, YYYY-MM-DD. */
  day: string;
  at: number;
  providerKey: string;
  providerName: string;
  purpose: 'inbound' | 'outbound' | 'suggestions' | 'test';
  conversationKey: string | null;
  promptTokens: number;
  completionTokens: number;
  estimated: boolean;
  costUsd: number;
  /** From the request's start to its first streamed text (null when it failed before any). */
  firstTextMs: number | null;
  totalMs: number;
  ok: boolean;
}

/**
 * What the agent is writing in one conversation, kept while they work: their own-language draft,
 * its customer-language translation (with the independent back-translation), and suggestions they
 * edited. Written by the side panel as they type, so closing the panel, switching tickets or a
 * worker restart loses nothing.
 */
export interface DraftRecord {
  conversationKey: string;
  /** In the agent's language. */
  text: string;
  /** The text the customer will read, for exactly `forText`. */
  outbound?: OutboundText;
  /** Suggestions the agent edited, by their index in `suggestionsKey`'s list. */
  editedSuggestions?: Record<number, OutboundText>;
  /** The suggestions the edits belong to (the `key` of the SuggestionRecord shown). */
  suggestionsKey?: string;
  updatedAt: number;
}

/** Text in the customer's language, with what it says in the agent's language. */
export interface OutboundText {
  /** What the agent wrote (their language), when this came from a draft. */
  forText?: string;
  /** Exactly what the customer will receive. */
  text: string;
  /** The text translated back into the agent's language, independently of how it was written. */
  backTranslation: string;
  language: SupportedLanguage;
  variant: string | null;
}

export interface SuggestionRecord {
  /** Hash of conversation state, languages, provider, model, prompt version. */
  key: string;
  conversationKey: string;
  suggestions: Suggestion[];
  createdAt: number;
}

export class ParleyDatabase extends Dexie {
  conversations!: EntityTable<ConversationRecord, 'key'>;
  messages!: EntityTable<MessageRecord, 'key'>;
  translations!: EntityTable<TranslationRecord, 'key'>;
  suggestions!: EntityTable<SuggestionRecord, 'key'>;
  usage!: EntityTable<UsageRecord, 'id'>;
  drafts!: EntityTable<DraftRecord, 'conversationKey'>;
  events!: EntityTable<WorkEvent, 'id'>;
  practice!: EntityTable<PracticeSession, 'id'>;

  constructor(name = 'parley') {
    super(name);
    this.version(1).stores({
      conversations: 'key',
      messages: 'key, conversationKey, translationStatus',
      translations: 'key, createdAt',
      suggestions: 'key, conversationKey',
    });
    // v2: cache eviction by last use, and the usage ledger.
    this.version(2)
      .stores({
        translations: 'key, usedAt',
        suggestions: 'key, conversationKey, createdAt',
        usage: '++id, day, conversationKey, providerKey, at',
      })
      .upgrade((tx) =>
        tx
          .table('translations')
          .toCollection()
          .modify((record: TranslationRecord) => {
            record.usedAt = record.createdAt;
          }),
      );
    // v3: the agent's drafts per conversation.
    this.version(3).stores({ drafts: 'conversationKey, updatedAt' });
    // v4: what happens in live work, for the leads' dashboard (services/metrics).
    this.version(4).stores({ events: '++id, day, kind, conversationKey, at' });
    // v5: practice sessions with simulated customers (services/practice).
    this.version(5).stores({ practice: 'id, agentName, marketId, scenarioId, startedAt' });
  }
}

let database: ParleyDatabase | undefined;

/** The shared database, opened on first use (not at import: entry files stay cheap to load). */
export function getDatabase(): ParleyDatabase {
  database ??= new ParleyDatabase();
  return database;
}

/** Where a conversation comes from: a helpdesk page, or practice mode. */
export type ConversationSource = HelpdeskId | 'practice';

export function conversationKeyOf(helpdesk: ConversationSource, host: string, conversationId: string): string {
  return `${helpdesk}:${host}:${conversationId}`;
}

export function messageKeyOf(conversationKey: string, messageId: string): string {
  return `${conversationKey}#${messageId}`;
}
