import { i18n } from '#i18n';
import type { Suggestion } from '@/services/messaging/protocol';
import type { InsertState, SuggestionsState } from './panel-state';

interface Props {
  state: SuggestionsState;
  inserts: Record<number, InsertState>;
  onGenerate(regenerate: boolean): void;
  onInsert(index: number, text: string): void;
}

/** Three replies in the customer's language, each with its meaning in the agent's, one click from the composer. */
export function SuggestionList({ state, inserts, onGenerate, onInsert }: Props) {
  return (
    <section class="suggestions" aria-labelledby="suggestions-heading">
      <div class="section-header">
        <h2 id="suggestions-heading">{i18n.t('panel.suggestions_heading')}</h2>
        <button
          type="button"
          class="button button--small"
          disabled={state.status === 'loading'}
          onClick={() => onGenerate(state.status === 'ready')}
        >
          {state.status === 'ready' ? i18n.t('panel.suggestions_regenerate') : i18n.t('panel.suggestions_generate')}
        </button>
      </div>
      {state.status === 'loading' ? <p role="status">{i18n.t('panel.suggestions_loading')}</p> : null}
      {state.status === 'failed' ? (
        <p class="error" role="alert">
          {i18n.t('panel.suggestions_failed', [state.error])}
        </p>
      ) : null}
      {state.status === 'ready' ? (
        <ol class="suggestion-list">
          {state.suggestions.map((suggestion, index) => (
            <SuggestionItem key={index} suggestion={suggestion} insert={inserts[index]} onInsert={() => onInsert(index, suggestion.reply)} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}

function SuggestionItem({ suggestion, insert, onInsert }: { suggestion: Suggestion; insert?: InsertState; onInsert(): void }) {
  return (
    <li class="suggestion">
      <p class="suggestion__reply" dir="auto">
        {suggestion.reply}
      </p>
      <p class="suggestion__gloss" dir="auto">
        {i18n.t('panel.suggestion_gloss', [suggestion.gloss])}
      </p>
      <button type="button" class="button" disabled={insert?.status === 'inserting'} onClick={onInsert}>
        {i18n.t('panel.suggestion_insert')}
      </button>
      {insert?.status === 'done' ? <InsertOutcome insert={insert} /> : null}
    </li>
  );
}

function InsertOutcome({ insert }: { insert: Extract<InsertState, { status: 'done' }> }) {
  if (insert.landed) {
    return (
      <p class="insert-outcome insert-outcome--landed" role="status" data-landed="true" data-method={insert.method}>
        {i18n.t('panel.insert_landed')}
      </p>
    );
  }
  const reason = insert.reason ?? '';
  return (
    <p class="insert-outcome insert-outcome--failed" role="alert" data-landed="false" data-method={insert.method}>
      {insert.copied ? i18n.t('panel.insert_not_landed', [reason]) : i18n.t('panel.insert_not_landed_no_clipboard', [reason])}
    </p>
  );
}
