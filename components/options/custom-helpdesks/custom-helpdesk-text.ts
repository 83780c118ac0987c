import { i18n } from '@/services/i18n/i18n';

/**
 * Every text of the custom-helpdesk options and of the live-test highlight, under `custom_helpdesks.*` in
 * locales/en.json.
 *
 * Why a wrapper instead of `i18n.t` directly: these keys were written while locales/en.json was being edited
 * elsewhere, so the generated key type may not know them yet. `CUSTOM_HELPDESK_TEXT_KEYS` keeps the keys
 * typed here; once they are in en.json (and `wxt prepare` has run) `customHelpdeskText` can become a plain
 * `i18n.t` call with no other change.
 */
export const CUSTOM_HELPDESK_TEXT_KEYS = [
  'heading', 'intro', 'stored_warning', 'empty', 'runs_on', 'add', 'edit', 'delete', 'form_heading_new',
  'form_heading_edit', 'section_pages', 'field_name', 'field_id', 'field_id_hint', 'field_url_patterns',
  'field_url_patterns_hint', 'field_id_source', 'id_source_url', 'id_source_attribute', 'field_id_regex',
  'field_id_regex_hint', 'field_id_selector', 'field_id_attribute', 'section_messages', 'field_message_selector',
  'field_message_id_attribute', 'field_message_id_attribute_hint', 'field_text_selector',
  'field_exclude_selectors', 'field_time_selector', 'field_time_attribute', 'field_title_selector',
  'section_roles', 'roles_hint', 'rule_selector', 'rule_role', 'rule_add', 'rule_remove', 'field_default_role',
  'role_customer', 'role_agent', 'role_bot', 'role_note', 'role_system', 'role_skip', 'section_composer',
  'field_composer_selector', 'field_composer_kind', 'kind_auto', 'kind_ckeditor5', 'kind_prosemirror',
  'kind_draftjs', 'kind_contenteditable', 'kind_textarea', 'save', 'cancel', 'saved', 'save_failed', 'fix_errors',
  'test', 'testing', 'test_failed', 'test_no_tab', 'permission_denied', 'error_required', 'error_invalid',
  'error_too_long', 'error_slug', 'error_duplicate_id', 'error_selector', 'error_attribute_name',
  'error_regex_syntax', 'error_regex_groups', 'error_no_patterns', 'error_pattern_format', 'error_pattern_scheme',
  'error_pattern_host', 'error_pattern_port', 'error_pattern_broad', 'report_heading',
  'report_reading_conversation', 'report_reading_no_conversation', 'report_reading_unrecognised',
  'report_conversation', 'report_title', 'report_messages', 'report_role_count', 'report_samples',
  'report_composer_found', 'report_problems', 'report_no_problems', 'report_highlight_hint',
  'problem_url_not_matched', 'problem_conversation_id_not_in_url', 'problem_conversation_id_regex_invalid',
  'problem_conversation_id_element_missing', 'problem_conversation_id_attribute_empty', 'problem_invalid_selector',
  'problem_no_messages', 'problem_no_role', 'problem_message_id_missing', 'problem_text_element_missing',
  'problem_empty_text', 'problem_time_missing', 'problem_title_missing', 'problem_no_composer',
  'problem_composer_not_editable', 'highlight_label', 'highlight_composer', 'highlight_skipped',
] as const;

export type CustomHelpdeskTextKey = (typeof CUSTOM_HELPDESK_TEXT_KEYS)[number];

const translate = i18n.t as unknown as (key: string, substitutions?: string[]) => string;

export function customHelpdeskText(key: CustomHelpdeskTextKey, substitutions?: Array<string | number>): string {
  return translate(`custom_helpdesks.${key}`, substitutions?.map(String));
}
