import { i18n } from '@/services/i18n/i18n';
import type { Suggestion } from '@/services/messaging/protocol';
import type { RewriteStyle } from '@/services/model/prompts';
import type { CheckResult } from '@/services/checks/run-checks';
import { CheckResults } from './check-results';
import { InsertOutcome } from './insert-outcome';
import { OutboundPreview } from './outbound-preview';
import type { InsertState, SuggestionEdit, SuggestionsState } from './panel-state';
import { RewriteButtons } from './rewrite-buttons';

export interface SuggestionActions {
  generate(regenerate: boolean): void;
  insert(index: number): void;
  startEditing(index: number): void;
  changeEdit(index: number, text: string): void;
  finishEditing(index: number): void;
  cancelEditing(index: number): void;
  rewrite(index: number, style: RewriteStyle): void;
  /** The market's checks on what suggestion `index` would insert now. */
  checks(index: number): CheckResult[];
  applyFix(index: number, replacement: string): void;
}

interface Props {
  state: SuggestionsState;
  edits: Record<number, SuggestionEdit>;
  inserts: Partial<Record<string, InsertState>>;
  customerLanguage: string;
  /** The keyboard shortcut of each "insert suggestion N" command, as the browser has it mapped. */
  shortcuts: Record<number, string>;
  actions: SuggestionActions;
}

/**
 * Three replies in the customer's language, each with its meaning in the agent's; each can be
 * edited or rewritten (and is then back-translated) before one click or one shortcut puts it into
 * the helpdesk's composer.
 */
export function SuggestionList({ state, edits, inserts, customerLanguage, shortcuts, actions }: Props) {
  return (
    <section class="suggestions" aria-labelledby="suggestions-heading" aria-busy={state.status === 'loading'}>
      <div class="section-header">
        <h2 id="suggestions-heading">{i18n.t('panel.suggestions_heading')}</h2>
        <button
          type="button"
          class="button button--small"
          disabled={state.status === 'loading'}
          onClick={() => actions.generate(state.status === 'ready')}
        >
          {state.status === 'ready' ? i18n.t('panel.suggestions_regenerate') : i18n.t('panel.suggestions_generate')}
        </button>
      </div>
      {state.status === 'loading' ? <p class="muted">{i18n.t('panel.suggestions_loading')}</p> : null}
      {state.status === 'failed' ? (
        <p class="error" role="alert">
          {i18n.t('panel.suggestions_failed', [state.error])}
        </p>
      ) : null}
      {state.status === 'ready' ? (
        <ol class="suggestion-list">
          {state.suggestions.map((suggestion, index) => (
            <SuggestionItem
              key={`${state.key}:${index}`}
              index={index}
              suggestion={suggestion}
              edit={edits[index]}
              insert={inserts[`suggestion-${index}`]}
              customerLanguage={customerLanguage}
              shortcut={shortcuts[index + 1]}
              actions={actions}
            />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function SuggestionItem(props: {
  index: number;
  suggestion: Suggestion;
  edit?: SuggestionEdit;
  insert?: InsertState;
  customerLanguage: string;
  shortcut?: string;
  actions: SuggestionActions;
}) {
  const { index, suggestion, edit, insert, customerLanguage, shortcut, actions } = props;
  const number = index + 1;
  const working = edit?.status === 'working';
  const editing = edit?.status === 'editing';
  const textId = `suggestion-${number}-text`;
  const checks = editing || working ? [] : actions.checks(index);
  const blocked = checks.some((check) => check.status === 'block');

  return (
    <li class="suggestion" data-index={index} data-edited={edit?.status === 'ready' ? 'true' : undefined} aria-labelledby={`suggestion-${number}-title`}>
      <p class="suggestion__title" id={`suggestion-${number}-title`}>
        {i18n.t('panel.suggestion_number', [String(number)])}
        {edit?.status === 'ready' ? <span class="badge">{i18n.t('panel.suggestion_edited')}</span> : null}
      </p>
      {editing ? (
        <div class="suggestion__editor">
          <textarea
            id={textId}
            class="textarea"
            dir="auto"
            lang={customerLanguage}
            aria-label={i18n.t('panel.suggestion_edit_label', [String(number)])}
            value={edit.text}
            rows={4}
            ref={(element) => element?.focus()}
            onInput={(event) => actions.changeEdit(index, event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Escape') actions.cancelEditing(index);
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) actions.finishEditing(index);
            }}
          />
          <div class="actions">
            <button type="button" class="button" onClick={() => actions.finishEditing(index)}>
              {i18n.t('panel.suggestion_edit_done')}
            </button>
            <button type="button" class="button button--small" onClick={() => actions.cancelEditing(index)}>
              {i18n.t('panel.cancel')}
            </button>
          </div>
        </div>
      ) : edit && edit.status !== 'failed' && edit.status !== 'working' ? (
        <OutboundPreview id={textId} text={edit.text} backTranslation={edit.backTranslation} language={customerLanguage} />
      ) : (
        <div id={textId}>
          <p class="suggestion__reply" dir="auto" lang={customerLanguage}>
            {working ? edit.text : suggestion.reply}
          </p>
          <p class="suggestion__gloss" dir="auto">
            {working ? i18n.t('panel.working') : i18n.t('panel.suggestion_gloss', [suggestion.gloss])}
          </p>
        </div>
      )}
      {edit?.status === 'failed' ? (
        <p class="error" role="alert">
          {edit.error}
        </p>
      ) : null}
      <CheckResults results={checks} onFix={(replacement) => actions.applyFix(index, replacement)} />
      {!editing ? (
        <>
          <div class="actions">
            <button
              type="button"
              class="button suggestion__insert"
              disabled={insert?.status === 'inserting' || working || blocked}
              aria-describedby={textId}
              aria-keyshortcuts={shortcut ? ariaShortcut(shortcut) : undefined}
              onClick={() => actions.insert(index)}
            >
              {i18n.t('panel.suggestion_insert')}
              {shortcut ? <kbd class="shortcut">{shortcut}</kbd> : null}
            </button>
            <button type="button" class="button button--small" disabled={working} onClick={() => actions.startEditing(index)}>
              {i18n.t('panel.suggestion_edit')}
            </button>
            <RewriteButtons
              disabled={working}
              label={i18n.t('panel.rewrite_label', [String(number)])}
              onRewrite={(style) => actions.rewrite(index, style)}
            />
            {edit?.status === 'ready' ? (
              <button type="button" class="button button--small" onClick={() => actions.cancelEditing(index)}>
                {i18n.t('panel.suggestion_undo_edit')}
              </button>
            ) : null}
          </div>
        </>
      ) : null}
      <InsertOutcome insert={insert} />
    </li>
  );
}

/** "Alt+Shift+2" → "Alt+Shift+2" as aria-keyshortcuts wants it ("⌥⇧2" on a Mac becomes "Alt+Shift+2"). */
export function ariaShortcut(shortcut: string): string {
  return shortcut.replace('⌥', 'Alt+').replace('⇧', 'Shift+').replace('⌘', 'Meta+').replace('⌃', 'Control+').replace('Ctrl', 'Control');
}
