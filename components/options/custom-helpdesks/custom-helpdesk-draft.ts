import type { CustomHelpdesk, CustomHelpdeskInput, CustomHelpdeskIssue } from '@/services/helpdesk/custom/descriptor';
import { validateCustomHelpdesk } from '@/services/helpdesk/custom/descriptor';
import type { AuthorRole } from '@/services/helpdesk/types';
import type { ComposerKindChoice, RoleChoice } from './custom-helpdesk-words';

/**
 * The form's working copy of one descriptor: every field as the admin types it. Lists are kept as text (one
 * entry per line) so that an empty line being typed survives a re-render; `candidateFrom` makes the
 * descriptor the schema validates.
 */
export interface CustomHelpdeskDraft {
  id: string;
  name: string;
  urlPatterns: string;
  idSource: 'url' | 'attribute';
  idRegex: string;
  idSelector: string;
  idAttribute: string;
  messageSelector: string;
  messageIdAttribute: string;
  textSelector: string;
  excludeSelectors: string;
  roleRules: Array<{ selector: string; role: AuthorRole }>;
  defaultRole: RoleChoice;
  composerSelector: string;
  composerKind: ComposerKindChoice;
  timeSelector: string;
  timeAttribute: string;
  titleSelector: string;
}

export type DraftField = Exclude<keyof CustomHelpdeskDraft, 'roleRules'>;

export function emptyDraft(): CustomHelpdeskDraft {
  return {
    id: '',
    name: '',
    urlPatterns: '',
    idSource: 'url',
    idRegex: '',
    idSelector: '',
    idAttribute: '',
    messageSelector: '',
    messageIdAttribute: '',
    textSelector: '',
    excludeSelectors: '',
    roleRules: [{ selector: '', role: 'customer' }],
    defaultRole: 'skip',
    composerSelector: '',
    composerKind: 'auto',
    timeSelector: '',
    timeAttribute: '',
    titleSelector: '',
  };
}

export function draftFrom(helpdesk: CustomHelpdesk): CustomHelpdeskDraft {
  const from = helpdesk.conversationIdFrom;
  return {
    id: helpdesk.id,
    name: helpdesk.name,
    urlPatterns: helpdesk.urlPatterns.join('\n'),
    idSource: from.source,
    idRegex: from.source === 'url' ? from.regex : '',
    idSelector: from.source === 'attribute' ? from.selector : '',
    idAttribute: from.source === 'attribute' ? from.attribute : '',
    messageSelector: helpdesk.messageSelector,
    messageIdAttribute: helpdesk.messageIdAttribute ?? '',
    textSelector: helpdesk.textSelector ?? '',
    excludeSelectors: (helpdesk.excludeSelectors ?? []).join('\n'),
    roleRules: helpdesk.roleRules.map((rule) => ({ ...rule })),
    defaultRole: helpdesk.defaultRole,
    composerSelector: helpdesk.composerSelector,
    composerKind: helpdesk.composerKind,
    timeSelector: helpdesk.timeSelector ?? '',
    timeAttribute: helpdesk.timeAttribute ?? '',
    titleSelector: helpdesk.titleSelector ?? '',
  };
}

/** A name made into an id: "Acme Support (EU)" → "acme-support-eu". */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
}

const lines = (value: string): string[] =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

const optional = (value: string): string | undefined => (value.trim() === '' ? undefined : value.trim());

/** The descriptor the draft describes, not yet validated. A new helpdesk without an id takes its name's slug. */
export function candidateFrom(draft: CustomHelpdeskDraft): CustomHelpdeskInput {
  const excludeSelectors = lines(draft.excludeSelectors);
  return withoutUndefined({
    id: draft.id.trim() || slugify(draft.name),
    name: draft.name,
    urlPatterns: lines(draft.urlPatterns),
    conversationIdFrom:
      draft.idSource === 'url'
        ? { source: 'url', regex: draft.idRegex }
        : { source: 'attribute', selector: draft.idSelector, attribute: draft.idAttribute },
    messageSelector: draft.messageSelector,
    messageIdAttribute: optional(draft.messageIdAttribute),
    textSelector: optional(draft.textSelector),
    excludeSelectors: excludeSelectors.length > 0 ? excludeSelectors : undefined,
    // A rule row left empty is an unfinished row, not an error.
    roleRules: draft.roleRules.filter((rule) => rule.selector.trim() !== ''),
    defaultRole: draft.defaultRole,
    composerSelector: draft.composerSelector,
    composerKind: draft.composerKind,
    timeSelector: optional(draft.timeSelector),
    timeAttribute: optional(draft.timeAttribute),
    titleSelector: optional(draft.titleSelector),
  });
}

/** Optional fields left empty are absent, not `undefined`: what is saved is what an admin would write by hand. */
function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}

/** Where an error is shown: a draft field, or `roleRules.<row>` for one rule row. */
export type ErrorSlot = DraftField | `roleRules.${number}`;

export interface FieldError {
  reason: CustomHelpdeskIssue['reason'];
  detail?: string;
  /** The refused value, for the sentence (the pattern or selector line at fault). */
  value: string;
}

const ID_SOURCE_FIELDS: Record<string, DraftField> = { regex: 'idRegex', selector: 'idSelector', attribute: 'idAttribute', source: 'idSource' };

/** Maps a schema path (`conversationIdFrom.regex`, `urlPatterns.2`, `roleRules.0.selector`) to where the form shows it. */
function slotOf(path: string, draft: CustomHelpdeskDraft, candidate: CustomHelpdeskInput): { slot: ErrorSlot; value: string } {
  const [head = '', index, tail] = path.split('.');
  if (head === 'conversationIdFrom') {
    const field = ID_SOURCE_FIELDS[index ?? 'source'] ?? 'idSource';
    return { slot: field, value: String(draft[field]) };
  }
  if ((head === 'urlPatterns' || head === 'excludeSelectors') && index !== undefined) {
    return { slot: head, value: candidate[head]?.[Number(index)] ?? '' };
  }
  if (head === 'roleRules' && index !== undefined) {
    // Rows were filtered (empty ones dropped): find the draft row the candidate rule came from.
    const rule = candidate.roleRules[Number(index)];
    const row = rule ? draft.roleRules.indexOf(rule as CustomHelpdeskDraft['roleRules'][number]) : -1;
    return { slot: `roleRules.${row >= 0 ? row : Number(index)}`, value: tail === 'selector' ? (rule?.selector ?? '') : '' };
  }
  const field = (head in draft && head !== 'roleRules' ? head : 'name') as DraftField;
  return { slot: field, value: String(draft[field]) };
}

export type DraftValidation =
  | { ok: true; helpdesk: CustomHelpdesk; errors: Partial<Record<ErrorSlot, FieldError[]>> }
  | { ok: false; errors: Partial<Record<ErrorSlot, FieldError[]>> };

/** Validates the draft with the descriptor schema; errors grouped by where the form shows them. */
export function validateDraft(draft: CustomHelpdeskDraft, otherIds: readonly string[]): DraftValidation {
  const candidate = candidateFrom(draft);
  const result = validateCustomHelpdesk(candidate, otherIds);
  if (result.ok) return { ok: true, helpdesk: result.helpdesk, errors: {} };
  const errors: Partial<Record<ErrorSlot, FieldError[]>> = {};
  for (const issue of result.issues) {
    // An empty id is taken from the name: the name's own error says what is missing.
    if (issue.path === 'id' && issue.reason === 'required' && draft.id.trim() === '') continue;
    const { slot, value } = slotOf(issue.path, draft, candidate);
    const error: FieldError = issue.detail === undefined ? { reason: issue.reason, value } : { reason: issue.reason, detail: issue.detail, value };
    (errors[slot] ??= []).push(error);
  }
  return { ok: false, errors };
}
