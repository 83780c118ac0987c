import type { COMPOSER_KIND_CHOICES, CustomHelpdeskIssue, ROLE_CHOICES, ValidationReason } from '@/services/helpdesk/custom/descriptor';
import type { HighlightKind, ProbeProblem, ProbeProblemCode } from '@/services/helpdesk/custom/probe';
import { customHelpdeskText as text, type CustomHelpdeskTextKey } from './custom-helpdesk-text';

/** The words for the codes the descriptor schema and the probe produce (they stay language-free). */

export type RoleChoice = (typeof ROLE_CHOICES)[number];
export type ComposerKindChoice = (typeof COMPOSER_KIND_CHOICES)[number];

const ROLE_KEYS: Record<RoleChoice, CustomHelpdeskTextKey> = {
  customer: 'role_customer',
  agent: 'role_agent',
  bot: 'role_bot',
  note: 'role_note',
  system: 'role_system',
  skip: 'role_skip',
};

export const roleLabel = (role: RoleChoice): string => text(ROLE_KEYS[role]);

const KIND_KEYS: Record<ComposerKindChoice, CustomHelpdeskTextKey> = {
  auto: 'kind_auto',
  ckeditor5: 'kind_ckeditor5',
  prosemirror: 'kind_prosemirror',
  draftjs: 'kind_draftjs',
  contenteditable: 'kind_contenteditable',
  textarea: 'kind_textarea',
};

export const composerKindLabel = (kind: ComposerKindChoice): string => text(KIND_KEYS[kind]);

export const highlightLabel = (kind: HighlightKind): string =>
  kind === 'composer' ? text('highlight_composer') : kind === 'skipped' ? text('highlight_skipped') : roleLabel(kind);

const REASON_KEYS: Record<ValidationReason, CustomHelpdeskTextKey> = {
  required: 'error_required',
  invalid: 'error_invalid',
  'too-long': 'error_too_long',
  slug: 'error_slug',
  'duplicate-id': 'error_duplicate_id',
  selector: 'error_selector',
  'attribute-name': 'error_attribute_name',
  'regex-syntax': 'error_regex_syntax',
  'regex-groups': 'error_regex_groups',
  'no-patterns': 'error_no_patterns',
  'pattern-format': 'error_pattern_format',
  'pattern-scheme': 'error_pattern_scheme',
  'pattern-host': 'error_pattern_host',
  'pattern-port': 'error_pattern_port',
  'pattern-broad': 'error_pattern_broad',
};

/** One validation error in words. `value` is the refused value (a selector, a pattern line). */
export function issueText(issue: Pick<CustomHelpdeskIssue, 'reason' | 'detail'>, value: string): string {
  const detailed = issue.reason === 'regex-syntax' || issue.reason === 'regex-groups';
  return text(REASON_KEYS[issue.reason], [detailed ? (issue.detail ?? '') : value]);
}

const PROBLEM_KEYS: Record<ProbeProblemCode, CustomHelpdeskTextKey> = {
  'url-not-matched': 'problem_url_not_matched',
  'conversation-id-not-in-url': 'problem_conversation_id_not_in_url',
  'conversation-id-regex-invalid': 'problem_conversation_id_regex_invalid',
  'conversation-id-element-missing': 'problem_conversation_id_element_missing',
  'conversation-id-attribute-empty': 'problem_conversation_id_attribute_empty',
  'invalid-selector': 'problem_invalid_selector',
  'no-messages': 'problem_no_messages',
  'no-role': 'problem_no_role',
  'message-id-missing': 'problem_message_id_missing',
  'text-element-missing': 'problem_text_element_missing',
  'empty-text': 'problem_empty_text',
  'time-missing': 'problem_time_missing',
  'title-missing': 'problem_title_missing',
  'no-composer': 'problem_no_composer',
  'composer-not-editable': 'problem_composer_not_editable',
};

/** Substitutions: $1 is the count when there is one (then $2 the subject), else the subject. */
export function problemText(problem: ProbeProblem): string {
  const substitutions = problem.count === undefined ? [problem.subject] : [String(problem.count), problem.subject];
  return text(PROBLEM_KEYS[problem.code], substitutions);
}
