import { z } from 'zod';
import { AUTHOR_ROLES, type ComposerKind } from '@/services/helpdesk/types';
import { matchPatternProblem, normaliseMatchPattern } from './match-pattern-check';

/**
 * A helpdesk Parley has no built-in adapter for (or a self-hosted one on its own domain), described by an
 * administrator in the options page: which pages it runs on, and the CSS selectors that find the conversation,
 * its messages, their authors and the reply composer. `createCustomAdapter` turns one into a HelpdeskAdapter.
 *
 * Stored under CUSTOM_HELPDESKS_STORAGE_KEY in `browser.storage.local` as a list; nothing in it is secret,
 * so content scripts may read it.
 */
export const CUSTOM_HELPDESKS_STORAGE_KEY = 'parleyCustomHelpdesks';

export const COMPOSER_KINDS = ['ckeditor5', 'prosemirror', 'draftjs', 'contenteditable', 'textarea'] as const satisfies readonly ComposerKind[];
// Fails to compile when types.ts gains a composer kind this list does not have.
const _everyComposerKind: Exclude<ComposerKind, (typeof COMPOSER_KINDS)[number]> extends never ? true : never = true;
void _everyComposerKind;

/** Why a value was refused: the options page words each reason through i18n; `message` stays English for warnings. */
export type ValidationReason =
  | 'required'
  | 'invalid'
  | 'too-long'
  | 'slug'
  | 'duplicate-id'
  | 'selector'
  | 'attribute-name'
  | 'regex-syntax'
  | 'regex-groups'
  | 'no-patterns'
  | 'pattern-format'
  | 'pattern-scheme'
  | 'pattern-host'
  | 'pattern-port'
  | 'pattern-broad';

type RefineContext = Parameters<Parameters<z.ZodString['superRefine']>[0]>[1];

/** `detail` is what the UI puts into its sentence: the engine's regex error, the number of groups. */
function refuse(ctx: RefineContext, reason: ValidationReason, message: string, detail?: string) {
  ctx.addIssue({ code: 'custom', message, params: detail === undefined ? { reason } : { reason, detail } });
}

/**
 * Whether `selector` is valid CSS, asked of the DOM itself (happy-dom and browsers both throw a SyntaxError on
 * an invalid one). Outside a DOM (the background service worker) it cannot be checked and is let through:
 * the adapter catches an invalid selector at read time and reports it as `unrecognised`.
 */
export function selectorProblem(selector: string): string | null {
  if (typeof document === 'undefined') return null;
  try {
    document.createDocumentFragment().querySelector(selector);
    return null;
  } catch (error) {
    return `"${selector}" is not a valid CSS selector${error instanceof Error && error.message ? ` (${error.message})` : ''}`;
  }
}

/** The number of capturing groups in a regex source, or a syntax error. */
export function regexGroups(source: string): { groups: number } | { error: string } {
  try {
    new RegExp(source);
    // An alternative that always matches the empty string makes exec return one slot per group.
    const slots = new RegExp(`(?:${source})|`).exec('');
    return { groups: slots ? slots.length - 1 : 0 };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

const cssSelector = z
  .string()
  .trim()
  .min(1, 'is empty')
  .superRefine((value, ctx) => {
    if (value === '') return; // "is empty" already said it
    const problem = selectorProblem(value);
    if (problem) refuse(ctx, 'selector', problem);
  });

/** An HTML attribute name, as written in markup (`data-message-id`). */
const attributeName = z
  .string()
  .trim()
  .min(1, 'is empty')
  .superRefine((value, ctx) => {
    if (value !== '' && !/^[^\s"'<>/=]+$/.test(value)) refuse(ctx, 'attribute-name', `"${value}" is not an attribute name`);
  });

const matchPattern = z
  .string()
  .trim()
  .min(1, 'is empty')
  .transform(normaliseMatchPattern)
  .superRefine((value, ctx) => {
    const problem = value === '' ? null : matchPatternProblem(value);
    if (problem) refuse(ctx, problem.reason, `"${value}" ${problem.message}`);
  });

/** Run against the whole URL (`https://host/path?query#hash`); its one capturing group is the conversation id. */
const conversationIdRegex = z
  .string()
  .min(1, 'is empty')
  .superRefine((value, ctx) => {
    if (value === '') return;
    const result = regexGroups(value);
    if ('error' in result) refuse(ctx, 'regex-syntax', `does not compile: ${result.error}`, result.error);
    else if (result.groups !== 1) {
      refuse(ctx, 'regex-groups', `needs exactly one capturing group for the id, found ${result.groups} (use (?:…) for the others)`, String(result.groups));
    }
  });

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const conversationIdSourceSchema = z.discriminatedUnion('source', [
  z.object({ source: z.literal('url'), regex: conversationIdRegex }),
  z.object({
    source: z.literal('attribute'),
    /** The first element matching it in the page carries the id. */
    selector: cssSelector,
    attribute: attributeName,
  }),
]);

export const ROLE_CHOICES = [...AUTHOR_ROLES, 'skip'] as const;
export const COMPOSER_KIND_CHOICES = [...COMPOSER_KINDS, 'auto'] as const;

/**
 * One rule of "who wrote this message". A rule finds its message when `selector` matches the message element
 * itself, one of its ancestors (`element.closest(selector)`), or an element inside it
 * (`element.querySelector(selector)`). Rules are tried in order and the first that finds the message gives
 * the role; a message no rule finds gets `defaultRole`.
 */
export const roleRuleSchema = z.object({ selector: cssSelector, role: z.enum(AUTHOR_ROLES) });
export type RoleRule = z.output<typeof roleRuleSchema>;

export const customHelpdeskSchema = z.object({
  /** Lower-case slug, unique in the list; prefixes the conversation ids this helpdesk produces. Never changes after creation. */
  id: z
    .string()
    .trim()
    .min(1, 'is empty')
    .max(40, 'is longer than 40 characters')
    .superRefine((value, ctx) => {
      if (value !== '' && !SLUG_PATTERN.test(value)) refuse(ctx, 'slug', `"${value}" must be lower-case letters, digits and single dashes`);
    }),
  name: z.string().trim().min(1, 'is empty').max(80, 'is longer than 80 characters'),
  /** WebExtension match patterns of the agent pages; Parley asks for host permission on their hosts. */
  urlPatterns: z.array(matchPattern).min(1, 'needs at least one URL pattern').max(20, 'has more than 20 URL patterns'),
  conversationIdFrom: conversationIdSourceSchema,
  /** Every element it matches in the page is one message, in document order (oldest first). */
  messageSelector: cssSelector,
  /** Attribute of the message element holding the helpdesk's own message id; without it a content hash stands in. */
  messageIdAttribute: attributeName.optional(),
  /** Inside the message: the element holding its text. Default: the message element itself. */
  textSelector: cssSelector.optional(),
  /** Inside the text: parts that are not the author's own words (quoted history, buttons, timestamps). */
  excludeSelectors: z.array(cssSelector).max(30, 'has more than 30 selectors').optional(),
  roleRules: z.array(roleRuleSchema).max(30, 'has more than 30 rules'),
  /** The role of a message no rule finds; `skip` leaves such messages out. */
  defaultRole: z.enum(ROLE_CHOICES),
  composerSelector: cssSelector,
  /** `auto` detects CKEditor 5, ProseMirror, Draft.js, textarea or plain contenteditable from the element. */
  composerKind: z.enum(COMPOSER_KIND_CHOICES),
  /** Inside the message (or the message itself): the element carrying its time. */
  timeSelector: cssSelector.optional(),
  /** The attribute of that element holding the time (ISO 8601 or Unix seconds/milliseconds). Default `datetime`. */
  timeAttribute: attributeName.optional(),
  /** Anywhere in the page: the conversation's subject, shown in the side panel. */
  titleSelector: cssSelector.optional(),
});

export type CustomHelpdesk = z.output<typeof customHelpdeskSchema>;
export type CustomHelpdeskInput = z.input<typeof customHelpdeskSchema>;

export const customHelpdesksSchema = z.array(customHelpdeskSchema).superRefine((list, ctx) => {
  const seen = new Set<string>();
  list.forEach((helpdesk, index) => {
    if (seen.has(helpdesk.id)) {
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `"${helpdesk.id}" is used twice`, params: { reason: 'duplicate-id' } });
    }
    seen.add(helpdesk.id);
  });
});

/** One refused value: where (`conversationIdFrom.regex`, `urlPatterns.1`), why, and in English. */
export interface CustomHelpdeskIssue {
  path: string;
  reason: ValidationReason;
  message: string;
  detail?: string;
}

function paramsOf(issue: z.core.$ZodIssue): { reason?: ValidationReason; detail?: string } | undefined {
  return 'params' in issue ? (issue.params as { reason?: ValidationReason; detail?: string } | undefined) : undefined;
}

export function issueReason(issue: z.core.$ZodIssue): ValidationReason {
  const params = paramsOf(issue);
  if (params?.reason) return params.reason;
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array' ? 'no-patterns' : 'required';
    case 'too_big':
      return 'too-long';
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'required' : 'invalid';
    default:
      return 'invalid';
  }
}

export function describeIssues(error: z.ZodError): CustomHelpdeskIssue[] {
  return error.issues.map((issue) => {
    const detail = paramsOf(issue)?.detail;
    const described: CustomHelpdeskIssue = { path: issue.path.map(String).join('.'), reason: issueReason(issue), message: issue.message };
    return detail === undefined ? described : { ...described, detail };
  });
}

export type CustomHelpdeskValidation =
  | { ok: true; helpdesk: CustomHelpdesk }
  | { ok: false; issues: CustomHelpdeskIssue[] };

/** Validates one descriptor; `otherIds` are the ids already taken in the list. */
export function validateCustomHelpdesk(candidate: unknown, otherIds: readonly string[] = []): CustomHelpdeskValidation {
  const parsed = customHelpdeskSchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, issues: describeIssues(parsed.error) };
  if (otherIds.includes(parsed.data.id)) {
    return { ok: false, issues: [{ path: 'id', reason: 'duplicate-id', message: `"${parsed.data.id}" is used by another helpdesk` }] };
  }
  return { ok: true, helpdesk: parsed.data };
}

export interface ParsedCustomHelpdesks {
  helpdesks: CustomHelpdesk[];
  /** One line per entry left out, e.g. `custom helpdesk 2 ("Acme"): conversationIdFrom.regex: does not compile: …`. */
  warnings: string[];
}

/**
 * Reads a stored list entry by entry: every valid helpdesk is kept, every invalid one is left out and named
 * (a later duplicate id too). A helpdesk is kept or dropped whole: half a descriptor would read the wrong
 * messages. Never throws.
 */
export function parseCustomHelpdesks(stored: unknown): ParsedCustomHelpdesks {
  if (stored === undefined || stored === null) return { helpdesks: [], warnings: [] };
  if (!Array.isArray(stored)) return { helpdesks: [], warnings: ['custom helpdesks: expected a list'] };
  const helpdesks: CustomHelpdesk[] = [];
  const warnings: string[] = [];
  stored.forEach((entry: unknown, index) => {
    const label = `custom helpdesk ${index + 1}${nameOf(entry)}`;
    const result = validateCustomHelpdesk(entry, helpdesks.map((h) => h.id));
    if (result.ok) {
      helpdesks.push(result.helpdesk);
      return;
    }
    const first = result.issues[0];
    const more = result.issues.length > 1 ? ` (and ${result.issues.length - 1} more)` : '';
    warnings.push(first ? `${label}: ${first.path ? `${first.path}: ` : ''}${first.message}${more}` : `${label}: invalid`);
  });
  return { helpdesks, warnings };
}

function nameOf(entry: unknown): string {
  if (typeof entry !== 'object' || entry === null) return '';
  const name = (entry as { name?: unknown }).name;
  return typeof name === 'string' && name.trim() ? ` ("${name.trim().slice(0, 80)}")` : '';
}
