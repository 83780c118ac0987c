import { isHtmlElement } from '@/services/dom/elements';
import { hash53 } from '../stable-hash';
import { readBlockText } from '@/services/dom/block-text';
import type { AuthorRole, ComposerKind, ComposerTarget, HelpdeskMessage, ReadCache } from '@/services/helpdesk/types';
import { readThrough } from '@/services/helpdesk/types';
import type { CustomHelpdesk } from './descriptor';

/**
 * The DOM work shared by the custom adapter (which needs a PageReading) and the live probe (which needs to
 * say what each selector found): every question is answered with enough detail for both.
 */

/** Which descriptor field a selector came from, in the words `unrecognised` and probe problems use. */
export type SelectorField =
  | 'conversation id selector'
  | 'message selector'
  | 'text selector'
  | 'exclude selector'
  | 'role rule selector'
  | 'composer selector'
  | 'time selector'
  | 'title selector';

/** A selector the DOM refused at read time (a descriptor stored without validation, or a browser stricter than the validator). */
export class InvalidSelectorError extends Error {
  constructor(
    readonly field: SelectorField,
    readonly selector: string,
  ) {
    super(`${field} "${selector}" is not a valid CSS selector`);
    this.name = 'InvalidSelectorError';
  }
}

function guard<T>(field: SelectorField, selector: string, query: () => T): T {
  try {
    return query();
  } catch (error) {
    if (error instanceof Error && /selector|syntax/i.test(`${error.name} ${error.message}`)) throw new InvalidSelectorError(field, selector);
    throw error;
  }
}

/** The element itself when it matches, else the first match inside it. */
function selfOrInside(element: Element, selector: string, field: SelectorField): Element | null {
  return guard(field, selector, () => (element.matches(selector) ? element : element.querySelector(selector)));
}

/** Parley's own nodes in the page (inline translations, the highlight): never read as the helpdesk's. */
const isParleyElement = (element: Element): boolean => element.localName.startsWith('parley-');

/**
 * Page chrome that is never the author's words, skipped in every custom helpdesk on top of its own
 * `excludeSelectors`: controls, icons and images.
 */
const ALWAYS_EXCLUDED = ['button', '[role="button"]', 'svg', 'img'];

// ---------------------------------------------------------------------------------------------------------
// Conversation id

export type ConversationIdLookup =
  | { found: true; rawId: string }
  | { found: false; why: 'not-in-url' | 'element-missing' | 'attribute-empty' | 'regex-invalid' };

/** The conversation id as the helpdesk writes it (not yet prefixed). */
export function findConversationId(descriptor: CustomHelpdesk, doc: Document, url: string): ConversationIdLookup {
  const from = descriptor.conversationIdFrom;
  if (from.source === 'url') {
    let regex: RegExp;
    try {
      regex = new RegExp(from.regex);
    } catch {
      return { found: false, why: 'regex-invalid' };
    }
    const rawId = regex.exec(url)?.[1]?.trim();
    return rawId ? { found: true, rawId } : { found: false, why: 'not-in-url' };
  }
  const element = guard('conversation id selector', from.selector, () => doc.querySelector(from.selector));
  if (!element) return { found: false, why: 'element-missing' };
  const rawId = element.getAttribute(from.attribute)?.trim();
  return rawId ? { found: true, rawId } : { found: false, why: 'attribute-empty' };
}

/**
 * The conversation id Parley uses: the descriptor id, a colon, the helpdesk's own id. Every custom helpdesk
 * shares the adapter id `custom`, so without the prefix two descriptors on one host (two apps under
 * different paths, or a descriptor replaced by a new one reading ids differently) would share cached
 * translations and conversation state.
 */
export const customConversationId = (descriptor: Pick<CustomHelpdesk, 'id'>, rawId: string): string => `${descriptor.id}:${rawId}`;

// ---------------------------------------------------------------------------------------------------------
// Messages

export function findMessageElements(descriptor: CustomHelpdesk, doc: Document): Element[] {
  const all = guard('message selector', descriptor.messageSelector, () => doc.querySelectorAll(descriptor.messageSelector));
  return Array.from(all).filter((element) => !isParleyElement(element));
}

/** What one message element gave, before ids are assigned across the page. */
export type MessageOutcome =
  | { kind: 'read'; role: AuthorRole; text: string; time?: string; attributeId: string | null; anchor: Element }
  | { kind: 'skipped'; why: 'no-role' | 'no-text-element' | 'empty-text' | 'no-id-attribute'; role: AuthorRole | 'skip' };

/**
 * The role rules' verdict: the first rule whose selector finds the message (self, ancestor or descendant).
 * Known limit: the read cache forgets a message when its own subtree changes, not when an ancestor does, so a
 * rule on an ancestor that changes class while the message stays is only seen on the message's next change.
 */
export function roleOf(descriptor: CustomHelpdesk, element: Element): AuthorRole | 'skip' {
  for (const rule of descriptor.roleRules) {
    const found = guard('role rule selector', rule.selector, () => element.closest(rule.selector) ?? element.querySelector(rule.selector));
    if (found) return rule.role;
  }
  return descriptor.defaultRole;
}

export function readMessageElement(descriptor: CustomHelpdesk, element: Element): MessageOutcome {
  const role = roleOf(descriptor, element);
  if (role === 'skip') return { kind: 'skipped', why: 'no-role', role };

  let attributeId: string | null = null;
  if (descriptor.messageIdAttribute) {
    attributeId = element.getAttribute(descriptor.messageIdAttribute)?.trim() || null;
    // Without its id (e.g. an optimistic message not yet confirmed by the server) a message would get a
    // different id later: leave it out until the helpdesk gives it one.
    if (!attributeId) return { kind: 'skipped', why: 'no-id-attribute', role };
  }

  const textElement = descriptor.textSelector ? selfOrInside(element, descriptor.textSelector, 'text selector') : element;
  if (!textElement) return { kind: 'skipped', why: 'no-text-element', role };
  const excluded = [...ALWAYS_EXCLUDED, ...(descriptor.excludeSelectors ?? [])];
  const isExcluded = (inner: Element) =>
    isParleyElement(inner) || excluded.some((selector) => guard('exclude selector', selector, () => inner.matches(selector)));
  const text = readBlockText(textElement, isExcluded);
  if (!text) return { kind: 'skipped', why: 'empty-text', role };

  const time = readTime(descriptor, element);
  const read = { kind: 'read', role, text, attributeId, anchor: textElement } as const;
  return time ? { ...read, time } : read;
}

/** Machine-readable times only: ISO 8601 (date first) or Unix seconds/milliseconds. "10:32 AM" is not trusted. */
export function parseMachineTime(value: string | null | undefined): string | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  let date: Date;
  if (/^\d{10}(\.\d+)?$/.test(raw)) date = new Date(Number(raw) * 1000);
  else if (/^\d{13}$/.test(raw)) date = new Date(Number(raw));
  else if (/^\d{4}-\d{2}-\d{2}/.test(raw)) date = new Date(raw);
  else return undefined;
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function readTime(descriptor: CustomHelpdesk, message: Element): string | undefined {
  if (!descriptor.timeSelector) return undefined;
  const element = selfOrInside(message, descriptor.timeSelector, 'time selector');
  return parseMachineTime(element?.getAttribute(descriptor.timeAttribute ?? 'datetime'));
}

export interface InspectedMessage {
  element: Element;
  outcome: MessageOutcome;
}

export function inspectMessages(descriptor: CustomHelpdesk, elements: readonly Element[], cache?: ReadCache): InspectedMessage[] {
  return elements.map((element) => ({ element, outcome: readThrough(cache, element, () => readMessageElement(descriptor, element)) }));
}

export interface ReadMessage {
  message: HelpdeskMessage;
  element: Element;
  anchor: Element;
}

/**
 * Gives every read message its id, in page order, and drops later duplicates (two messages sharing one id
 * would share one translation).
 *
 * Without `messageIdAttribute` the id is `h<hash of time and text>`, plus `-<n>` for the n-th earlier
 * message with the same time and text. The position that counts is the rank among identical messages, not
 * the index in the list: a helpdesk that loads older history above, or a virtualised list that unmounts old
 * rows, shifts every index but leaves these ids alone. Accepted costs: an edited message becomes a new one,
 * and two identical timeless messages ("ok") swap ids if the first is unmounted.
 */
export function assignMessageIds(inspected: readonly InspectedMessage[]): ReadMessage[] {
  const seenIds = new Set<string>();
  const sameContent = new Map<string, number>();
  const read: ReadMessage[] = [];
  for (const { element, outcome } of inspected) {
    if (outcome.kind !== 'read') continue;
    let id = outcome.attributeId;
    if (!id) {
      const key = hash53(`${outcome.time ?? ''}\u0000${outcome.text}`);
      const rank = sameContent.get(key) ?? 0;
      sameContent.set(key, rank + 1);
      id = rank === 0 ? `h${key}` : `h${key}-${rank}`;
    }
    if (seenIds.has(id)) continue;
    seenIds.add(id);
    const message: HelpdeskMessage = outcome.time
      ? { id, role: outcome.role, text: outcome.text, time: outcome.time }
      : { id, role: outcome.role, text: outcome.text };
    read.push({ message, element, anchor: outcome.anchor });
  }
  return read;
}

/**
 * Why nothing could be read although the message selector matched: one line per reason, naming the
 * descriptor field, in the style of `unrecognised.missing`.
 */
export function whyNothingRead(descriptor: CustomHelpdesk, inspected: readonly InspectedMessage[]): string[] {
  const total = inspected.length;
  const count = (why: string) => inspected.filter(({ outcome }) => outcome.kind === 'skipped' && outcome.why === why).length;
  const lines: string[] = [];
  const noRole = count('no-role');
  const noId = count('no-id-attribute');
  const noText = count('no-text-element');
  const empty = count('empty-text');
  if (noRole > 0) lines.push(`${noRole} of ${total} messages matched no role rule (default role: skip)`);
  if (noId > 0) lines.push(`${noId} of ${total} messages have no message id attribute "${descriptor.messageIdAttribute}"`);
  if (noText > 0) lines.push(`text selector "${descriptor.textSelector}" matched nothing inside ${noText} of ${total} messages`);
  if (empty > 0) lines.push(`${empty} of ${total} messages matched by "${descriptor.messageSelector}" have no text`);
  return lines.length > 0 ? lines : ['readable messages'];
}

export function readTitle(descriptor: CustomHelpdesk, doc: Document): string | undefined {
  if (!descriptor.titleSelector) return undefined;
  const selector = descriptor.titleSelector;
  const element = guard('title selector', selector, () => doc.querySelector(selector));
  const title = element ? readBlockText(element).replace(/\n/g, ' ') : '';
  return title || undefined;
}

// ---------------------------------------------------------------------------------------------------------
// Composer


const EDITABLE = '[contenteditable]:not([contenteditable="false"])';

/** Editors recognised by `auto`, best first: each finds the element text must be written into. */
const EDITOR_SIGNATURES: Array<{ kind: ComposerKind; selector: string }> = [
  { kind: 'ckeditor5', selector: `.ck-editor__editable${EDITABLE}` },
  { kind: 'prosemirror', selector: `.ProseMirror${EDITABLE}` },
  { kind: 'draftjs', selector: `.public-DraftEditor-content${EDITABLE}` },
  { kind: 'textarea', selector: 'textarea' },
  { kind: 'contenteditable', selector: EDITABLE },
];

export type ComposerLookup =
  | { found: true; kind: ComposerKind; element: HTMLElement }
  | { found: false; why: 'no-element' | 'not-editable' };

/**
 * The composer named by the descriptor. The selector may point at the editable element itself or at a
 * wrapper around it: the editable element inside is what is returned. `auto` tells the editor apart by its
 * markup; an explicit kind is trusted.
 */
export function findComposerElement(descriptor: CustomHelpdesk, doc: Document): ComposerLookup {
  const selector = descriptor.composerSelector;
  const found = guard('composer selector', selector, () => doc.querySelector(selector));
  if (!found) return { found: false, why: 'no-element' };
  const signatures =
    descriptor.composerKind === 'auto'
      ? EDITOR_SIGNATURES
      : EDITOR_SIGNATURES.filter(
          (signature) =>
            signature.kind === descriptor.composerKind ||
            // A named rich editor whose class name differs from the usual one: any editable element will do.
            (signature.kind === 'contenteditable' && descriptor.composerKind !== 'textarea'),
        ).map((signature) => ({ ...signature, kind: descriptor.composerKind as ComposerKind }));
  for (const signature of signatures) {
    const element = found.matches(signature.selector) ? found : found.querySelector(signature.selector);
    if (isHtmlElement(element)) return { found: true, kind: signature.kind, element };
  }
  return { found: false, why: 'not-editable' };
}

export function composerTarget(lookup: ComposerLookup): ComposerTarget | null {
  // No descriptor field says public reply vs internal note: unknown.
  return lookup.found ? { kind: lookup.kind, element: lookup.element, isPublicReply: null } : null;
}
