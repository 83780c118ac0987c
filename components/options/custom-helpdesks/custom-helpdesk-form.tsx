import type { ComponentChildren } from 'preact';
import { AUTHOR_ROLES, type AuthorRole } from '@/services/helpdesk/types';
import { COMPOSER_KIND_CHOICES, ROLE_CHOICES } from '@/services/helpdesk/custom/descriptor';
import type { CustomHelpdeskDraft, DraftField, ErrorSlot, FieldError } from './custom-helpdesk-draft';
import { slugify } from './custom-helpdesk-draft';
import { customHelpdeskText as text } from './custom-helpdesk-text';
import { composerKindLabel, issueText, roleLabel, type ComposerKindChoice, type RoleChoice } from './custom-helpdesk-words';
import type { CustomHelpdesksState, SaveCustomHelpdesks, TestCustomHelpdesk } from './custom-helpdesks-state';
import { ProbeReportView } from './probe-report-view';

const errorsId = (slot: ErrorSlot) => `custom-helpdesk-errors-${slot.replace('.', '-')}`;

function FieldErrors({ slot, errors }: { slot: ErrorSlot; errors: FieldError[] | undefined }) {
  if (!errors || errors.length === 0) return null;
  return (
    <ul class="field-errors error" id={errorsId(slot)} data-testid={`errors-${slot}`}>
      {errors.map((error, index) => (
        <li key={index} data-reason={error.reason}>
          {issueText(error, error.value)}
        </li>
      ))}
    </ul>
  );
}

interface FieldProps {
  field: DraftField;
  label: string;
  hint?: string;
  multiline?: boolean;
  disabled?: boolean;
  placeholder?: string;
  state: CustomHelpdesksState;
}

/** One text field of the draft with its label, hint and errors; `aria-invalid` ties the errors to the input. */
function TextField({ field, label, hint, multiline, disabled, placeholder, state }: FieldProps) {
  const draft = state.editing.value?.draft;
  if (!draft) return null;
  const errors = state.visibleErrors.value[field];
  const invalid = Boolean(errors && errors.length > 0);
  const common = {
    name: field,
    value: String(draft[field]),
    disabled,
    placeholder,
    spellcheck: false,
    autocomplete: 'off',
    'aria-invalid': invalid ? ('true' as const) : undefined,
    'aria-describedby': invalid ? errorsId(field) : undefined,
    onInput: (event: Event) => state.updateDraft({ [field]: (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value }),
  };
  return (
    <label>
      {label}
      {multiline ? <textarea rows={3} {...common} /> : <input type="text" {...common} />}
      {hint ? <span class="hint">{hint}</span> : null}
      <FieldErrors slot={field} errors={errors} />
    </label>
  );
}

function Select<T extends string>({
  name,
  label,
  value,
  choices,
  labelOf,
  onChange,
}: {
  name: string;
  label: string;
  value: T;
  choices: readonly T[];
  labelOf: (choice: T) => string;
  onChange: (value: T) => void;
}) {
  return (
    <label>
      {label}
      <select name={name} value={value} onChange={(event) => onChange(event.currentTarget.value as T)}>
        {choices.map((choice) => (
          <option key={choice} value={choice}>
            {labelOf(choice)}
          </option>
        ))}
      </select>
    </label>
  );
}

function Section({ legend, children }: { legend: string; children: ComponentChildren }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}

function RoleRules({ state }: { state: CustomHelpdesksState }) {
  const draft = state.editing.value?.draft;
  if (!draft) return null;
  const setRules = (change: (rules: CustomHelpdeskDraft['roleRules']) => CustomHelpdeskDraft['roleRules']) =>
    state.updateDraft((d) => ({ ...d, roleRules: change(d.roleRules) }));
  return (
    <div class="role-rules">
      <p class="hint">{text('roles_hint')}</p>
      <ol class="role-rules__list">
        {draft.roleRules.map((rule, row) => {
          const slot: ErrorSlot = `roleRules.${row}`;
          const errors = state.visibleErrors.value[slot];
          const number = String(row + 1);
          return (
            <li key={row} class="role-rules__row" data-testid={`role-rule-${row}`}>
              <input
                type="text"
                name={`role-rule-selector-${row}`}
                aria-label={text('rule_selector', [number])}
                aria-invalid={errors ? 'true' : undefined}
                aria-describedby={errors ? errorsId(slot) : undefined}
                spellcheck={false}
                autocomplete="off"
                value={rule.selector}
                onInput={(event) => {
                  const selector = event.currentTarget.value;
                  setRules((rules) => rules.map((r, i) => (i === row ? { ...r, selector } : r)));
                }}
              />
              <select
                name={`role-rule-role-${row}`}
                aria-label={text('rule_role', [number])}
                value={rule.role}
                onChange={(event) => {
                  const role = event.currentTarget.value as AuthorRole;
                  setRules((rules) => rules.map((r, i) => (i === row ? { ...r, role } : r)));
                }}
              >
                {AUTHOR_ROLES.map((role) => (
                  <option key={role} value={role}>
                    {roleLabel(role)}
                  </option>
                ))}
              </select>
              <button
                type="button"
                class="button button--small"
                aria-label={text('rule_remove', [number])}
                onClick={() => setRules((rules) => rules.filter((_, i) => i !== row))}
              >
                ×
              </button>
              <FieldErrors slot={slot} errors={errors} />
            </li>
          );
        })}
      </ol>
      <button type="button" class="button button--small" onClick={() => setRules((rules) => [...rules, { selector: '', role: 'customer' }])}>
        {text('rule_add')}
      </button>
    </div>
  );
}

export interface CustomHelpdeskFormProps {
  state: CustomHelpdesksState;
  onSave: SaveCustomHelpdesks;
  onTest: TestCustomHelpdesk;
}

/** The form for the descriptor being edited: every field, its inline errors, Test and Save. */
export function CustomHelpdeskForm({ state, onSave, onTest }: CustomHelpdeskFormProps) {
  const session = state.editing.value;
  if (!session) return null;
  const { draft } = session;
  const isNew = session.originalId === null;
  const testResult = state.testResult.value;
  const saveResult = state.saveResult.value;
  const fieldProps = { state };

  return (
    <form
      class="custom-helpdesk-form"
      data-testid="custom-helpdesk-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        // No await before onSave: the permission prompt needs the click's user gesture.
        void state.save(onSave);
      }}
    >
      <h3>{isNew ? text('form_heading_new') : text('form_heading_edit', [draft.name])}</h3>
      <Section legend={text('section_pages')}>
        <TextField field="name" label={text('field_name')} {...fieldProps} />
        <TextField
          field="id"
          label={text('field_id')}
          hint={text('field_id_hint')}
          disabled={!isNew}
          placeholder={isNew ? slugify(draft.name) : undefined}
          {...fieldProps}
        />
        <TextField field="urlPatterns" label={text('field_url_patterns')} hint={text('field_url_patterns_hint')} multiline {...fieldProps} />
        <Select
          name="idSource"
          label={text('field_id_source')}
          value={draft.idSource}
          choices={['url', 'attribute'] as const}
          labelOf={(source) => (source === 'url' ? text('id_source_url') : text('id_source_attribute'))}
          onChange={(idSource) => state.updateDraft({ idSource })}
        />
        {draft.idSource === 'url' ? (
          <TextField field="idRegex" label={text('field_id_regex')} hint={text('field_id_regex_hint')} {...fieldProps} />
        ) : (
          <>
            <TextField field="idSelector" label={text('field_id_selector')} {...fieldProps} />
            <TextField field="idAttribute" label={text('field_id_attribute')} {...fieldProps} />
          </>
        )}
      </Section>
      <Section legend={text('section_messages')}>
        <TextField field="messageSelector" label={text('field_message_selector')} {...fieldProps} />
        <TextField field="messageIdAttribute" label={text('field_message_id_attribute')} hint={text('field_message_id_attribute_hint')} {...fieldProps} />
        <TextField field="textSelector" label={text('field_text_selector')} {...fieldProps} />
        <TextField field="excludeSelectors" label={text('field_exclude_selectors')} multiline {...fieldProps} />
        <TextField field="timeSelector" label={text('field_time_selector')} {...fieldProps} />
        <TextField field="timeAttribute" label={text('field_time_attribute')} {...fieldProps} />
        <TextField field="titleSelector" label={text('field_title_selector')} {...fieldProps} />
      </Section>
      <Section legend={text('section_roles')}>
        <RoleRules state={state} />
        <Select<RoleChoice>
          name="defaultRole"
          label={text('field_default_role')}
          value={draft.defaultRole}
          choices={ROLE_CHOICES}
          labelOf={roleLabel}
          onChange={(defaultRole) => state.updateDraft({ defaultRole })}
        />
      </Section>
      <Section legend={text('section_composer')}>
        <TextField field="composerSelector" label={text('field_composer_selector')} {...fieldProps} />
        <Select<ComposerKindChoice>
          name="composerKind"
          label={text('field_composer_kind')}
          value={draft.composerKind}
          choices={COMPOSER_KIND_CHOICES}
          labelOf={composerKindLabel}
          onChange={(composerKind) => state.updateDraft({ composerKind })}
        />
      </Section>
      <div class="actions">
        <button
          type="button"
          class="button button--small"
          data-testid="custom-helpdesk-test"
          disabled={testResult.status === 'busy'}
          // Synchronous up to onTest: the caller may need the gesture to ask for host permission.
          onClick={() => void state.test(onTest)}
        >
          {testResult.status === 'busy' ? text('testing') : text('test')}
        </button>
        <button type="submit" class="button" disabled={saveResult.status === 'busy'}>
          {text('save')}
        </button>
        <button type="button" class="button button--small" onClick={() => state.cancel()}>
          {text('cancel')}
        </button>
      </div>
      <ActionMessage result={saveResult} testId="custom-helpdesk-save-result" />
      {testResult.status === 'failed' ? (
        <p class="result result--failed" role="alert" data-testid="custom-helpdesk-test-result">
          {testResult.message}
        </p>
      ) : null}
      {testResult.status === 'done' ? <ProbeReportView report={testResult.report} /> : null}
    </form>
  );
}

export function ActionMessage({ result, testId }: { result: { status: string; message?: string }; testId: string }) {
  if ((result.status !== 'ok' && result.status !== 'failed') || !result.message) return null;
  return (
    <p class={`result result--${result.status}`} role={result.status === 'failed' ? 'alert' : 'status'} data-testid={testId}>
      {result.message}
    </p>
  );
}
