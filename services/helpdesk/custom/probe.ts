import { AUTHOR_ROLES, type AuthorRole, type ComposerKind } from '@/services/helpdesk/types';
import { createCustomAdapter } from './custom-adapter';
import type { CustomHelpdesk } from './descriptor';
import {
  InvalidSelectorError,
  assignMessageIds,
  findComposerElement,
  findConversationId,
  findMessageElements,
  inspectMessages,
  readTitle,
  type ComposerLookup,
  type ConversationIdLookup,
  type InspectedMessage,
} from './read-custom-page';

/**
 * The live test of a descriptor on the page the admin has open: what each selector found, in numbers and
 * samples, and what went wrong. `ProbeReport` is plain data (it travels from the tab to the options page);
 * the elements to highlight stay in the tab.
 */

export const PROBE_SAMPLE_COUNT = 5;
export const PROBE_SAMPLE_LENGTH = 140;

export type ProbeProblemCode =
  | 'url-not-matched'
  | 'conversation-id-not-in-url'
  | 'conversation-id-regex-invalid'
  | 'conversation-id-element-missing'
  | 'conversation-id-attribute-empty'
  | 'invalid-selector'
  | 'no-messages'
  | 'no-role'
  | 'message-id-missing'
  | 'text-element-missing'
  | 'empty-text'
  | 'time-missing'
  | 'title-missing'
  | 'no-composer'
  | 'composer-not-editable';

/**
 * One thing that did not work. `subject` is what it is about (a selector, a pattern, the URL), `count` how
 * many messages it concerns; `message` is the English sentence for logs (the options page words `code`
 * through i18n).
 */
export interface ProbeProblem {
  code: ProbeProblemCode;
  subject: string;
  count?: number;
  message: string;
}

export interface ProbeSample {
  role: AuthorRole;
  /** The message text, on one line, cut to PROBE_SAMPLE_LENGTH characters. */
  text: string;
}

export interface ProbeReport {
  helpdeskId: string;
  helpdeskName: string;
  url: string;
  /** Whether the URL patterns cover this page (if not, Parley would never run here). */
  urlMatches: boolean;
  /** The conversation id as the page shows it, unprefixed; null when not found. */
  conversationId: string | null;
  title: string | null;
  /** What the adapter itself makes of the page, as the side panel would show it. */
  reading: 'conversation' | 'no-conversation' | 'unrecognised';
  /** Elements the message selector matched. */
  messagesMatched: number;
  /** Messages read with a role, an id and text. */
  messagesRead: number;
  roleCounts: Record<AuthorRole, number>;
  /** Matched elements left out (no role, no id, no text). */
  messagesSkipped: number;
  samples: ProbeSample[];
  composer: { found: boolean; kind: ComposerKind | null };
  problems: ProbeProblem[];
}

export type HighlightKind = AuthorRole | 'skipped' | 'composer';

/** An element of the page to outline in the live test, and what it was taken for. */
export interface ProbeHighlight {
  element: Element;
  kind: HighlightKind;
}

export interface ProbeResult {
  report: ProbeReport;
  highlights: ProbeHighlight[];
}

const emptyRoleCounts = (): Record<AuthorRole, number> =>
  Object.fromEntries(AUTHOR_ROLES.map((role) => [role, 0])) as Record<AuthorRole, number>;

const oneLine = (text: string): string => {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > PROBE_SAMPLE_LENGTH ? `${line.slice(0, PROBE_SAMPLE_LENGTH - 1)}…` : line;
};

/** Runs one step; a selector the DOM refuses becomes a problem and the step's fallback value. */
function attempt<T>(problems: ProbeProblem[], fallback: T, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (!(error instanceof InvalidSelectorError)) throw error;
    if (!problems.some((p) => p.code === 'invalid-selector' && p.subject === error.selector)) {
      problems.push({ code: 'invalid-selector', subject: error.selector, message: error.message });
    }
    return fallback;
  }
}

function conversationIdProblem(descriptor: CustomHelpdesk, lookup: ConversationIdLookup, url: string): ProbeProblem | null {
  if (lookup.found) return null;
  const from = descriptor.conversationIdFrom;
  switch (lookup.why) {
    case 'not-in-url':
      return { code: 'conversation-id-not-in-url', subject: from.source === 'url' ? from.regex : '', message: `the conversation id pattern found no id in ${url}` };
    case 'regex-invalid':
      return { code: 'conversation-id-regex-invalid', subject: from.source === 'url' ? from.regex : '', message: 'the conversation id pattern does not compile' };
    case 'element-missing':
      return { code: 'conversation-id-element-missing', subject: from.source === 'attribute' ? from.selector : '', message: 'the conversation id selector matched nothing' };
    case 'attribute-empty':
      return {
        code: 'conversation-id-attribute-empty',
        subject: from.source === 'attribute' ? from.attribute : '',
        message: 'the conversation id element has no value in its attribute',
      };
  }
}

function messageProblems(descriptor: CustomHelpdesk, inspected: readonly InspectedMessage[]): ProbeProblem[] {
  const skipped = (why: string) => inspected.filter(({ outcome }) => outcome.kind === 'skipped' && outcome.why === why).length;
  const problems: ProbeProblem[] = [];
  const noRole = skipped('no-role');
  if (noRole > 0) problems.push({ code: 'no-role', subject: '', count: noRole, message: `${noRole} messages matched no role rule and were skipped` });
  const noId = skipped('no-id-attribute');
  if (noId > 0) {
    problems.push({
      code: 'message-id-missing',
      subject: descriptor.messageIdAttribute ?? '',
      count: noId,
      message: `${noId} messages have no "${descriptor.messageIdAttribute}" attribute`,
    });
  }
  const noText = skipped('no-text-element');
  if (noText > 0) {
    problems.push({
      code: 'text-element-missing',
      subject: descriptor.textSelector ?? '',
      count: noText,
      message: `the text selector matched nothing in ${noText} messages`,
    });
  }
  const empty = skipped('empty-text');
  if (empty > 0) problems.push({ code: 'empty-text', subject: '', count: empty, message: `${empty} messages have no text` });
  const read = inspected.filter(({ outcome }) => outcome.kind === 'read');
  if (descriptor.timeSelector && read.length > 0 && read.every(({ outcome }) => outcome.kind === 'read' && !outcome.time)) {
    problems.push({
      code: 'time-missing',
      subject: descriptor.timeSelector,
      message: `no message has a machine-readable time in "${descriptor.timeSelector}" (${descriptor.timeAttribute ?? 'datetime'})`,
    });
  }
  return problems;
}

function composerProblem(descriptor: CustomHelpdesk, lookup: ComposerLookup): ProbeProblem | null {
  if (lookup.found) return null;
  return lookup.why === 'no-element'
    ? { code: 'no-composer', subject: descriptor.composerSelector, message: 'the composer selector matched nothing' }
    : { code: 'composer-not-editable', subject: descriptor.composerSelector, message: 'the composer selector matched an element with nothing editable in it' };
}

/**
 * Tests `descriptor` against `doc` at `url`. Messages are read even when no conversation id was found, so
 * that one wrong rule does not hide what the others found. Pure DOM; never throws on page content.
 */
export function probeCustomHelpdesk(descriptor: CustomHelpdesk, doc: Document, url: string): ProbeResult {
  const problems: ProbeProblem[] = [];
  const adapter = createCustomAdapter(descriptor);

  let parsedUrl: URL | null = null;
  try {
    parsedUrl = new URL(url);
  } catch {
    parsedUrl = null;
  }
  const urlMatches = parsedUrl ? adapter.matchesUrl(parsedUrl) : false;
  if (!urlMatches) problems.push({ code: 'url-not-matched', subject: url, message: `no URL pattern matches ${url}` });

  // Each step gives null when its selector was refused (already reported as `invalid-selector`).
  const idLookup = attempt<ConversationIdLookup | null>(problems, null, () => findConversationId(descriptor, doc, url));
  const idProblem = idLookup ? conversationIdProblem(descriptor, idLookup, url) : null;
  if (idProblem) problems.push(idProblem);

  const elements = attempt<Element[] | null>(problems, null, () => findMessageElements(descriptor, doc));
  if (elements?.length === 0) {
    problems.push({ code: 'no-messages', subject: descriptor.messageSelector, message: `message selector "${descriptor.messageSelector}" matched nothing` });
  }
  const inspected = attempt<InspectedMessage[]>(problems, [], () => inspectMessages(descriptor, elements ?? []));
  problems.push(...messageProblems(descriptor, inspected));
  const read = assignMessageIds(inspected);

  const title = attempt<string | undefined | null>(problems, null, () => readTitle(descriptor, doc));
  if (descriptor.titleSelector && title === undefined) {
    problems.push({ code: 'title-missing', subject: descriptor.titleSelector, message: `title selector "${descriptor.titleSelector}" found no text` });
  }

  const composer = attempt<ComposerLookup | null>(problems, null, () => findComposerElement(descriptor, doc));
  const composerIssue = composer ? composerProblem(descriptor, composer) : null;
  if (composerIssue) problems.push(composerIssue);

  const roleCounts = emptyRoleCounts();
  for (const { message } of read) roleCounts[message.role] += 1;

  const readElements = new Map(read.map((r) => [r.element, r.message.role]));
  const highlights: ProbeHighlight[] = inspected.map(({ element }) => ({ element, kind: readElements.get(element) ?? 'skipped' }));
  if (composer?.found) highlights.push({ element: composer.element, kind: 'composer' });

  const reading = parsedUrl ? adapter.read(doc, parsedUrl).kind : 'unrecognised';

  return {
    report: {
      helpdeskId: descriptor.id,
      helpdeskName: descriptor.name,
      url,
      urlMatches,
      conversationId: idLookup?.found ? idLookup.rawId : null,
      title: title ?? null,
      reading,
      messagesMatched: elements?.length ?? 0,
      messagesRead: read.length,
      roleCounts,
      messagesSkipped: (elements?.length ?? 0) - read.length,
      samples: read.slice(0, PROBE_SAMPLE_COUNT).map(({ message }) => ({ role: message.role, text: oneLine(message.text) })),
      composer: composer?.found ? { found: true, kind: composer.kind } : { found: false, kind: null },
      problems,
    },
    highlights,
  };
}
