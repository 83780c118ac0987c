import type { PanelState } from './panel-state';
import { ReplyComposer } from './reply-composer';
import { SuggestionList, type SuggestionActions } from './suggestion-list';

/**
 * Everything that helps the agent answer, bound to a panel state: the suggestions (edit, rewrite,
 * checks, insert) and their own reply translated. The side panel and practice mode show the same.
 */
export function ReplyTools({ panel, shortcuts = {} }: { panel: PanelState; shortcuts?: Record<number, string> }) {
  const settings = panel.settings.value?.settings;
  const language = panel.customerLanguage.value;
  const customerLanguage = language?.tag ?? language?.language ?? null;
  const actions: SuggestionActions = {
    generate: (regenerate) => void panel.requestSuggestions(regenerate),
    insert: (index) => void panel.insertSuggestion(index),
    startEditing: (index) => panel.startEditing(index),
    changeEdit: (index, text) => panel.changeEdit(index, text),
    finishEditing: (index) => void panel.finishEditing(index),
    cancelEditing: (index) => panel.cancelEditing(index),
    rewrite: (index, style) => void panel.rewriteSuggestion(index, style),
    checks: (index) => {
      const shown = panel.suggestions.value;
      if (shown.status !== 'ready') return [];
      const edit = panel.edits.value[index];
      return panel.checksFor(edit && edit.status !== 'failed' ? edit.text : (shown.suggestions[index]?.reply ?? ''));
    },
    applyFix: (index, replacement) => void panel.applySuggestionFix(index, replacement),
  };
  const draft = panel.draft.value;
  return (
    <>
      <SuggestionList
        state={panel.suggestions.value}
        edits={panel.edits.value}
        inserts={panel.inserts.value}
        customerLanguage={customerLanguage ?? 'und'}
        shortcuts={shortcuts}
        actions={actions}
      />
      <ReplyComposer
        draft={draft}
        ready={panel.draftReady.value}
        insert={panel.inserts.value.draft}
        agentLanguage={settings?.agentLanguage ?? 'en'}
        customerLanguage={customerLanguage}
        onChange={(text) => panel.setDraftText(text)}
        onTranslate={() => void panel.translateDraft()}
        onTranslateOrInsert={() => void panel.translateOrInsertDraft()}
        onInsert={() => void panel.insertDraft()}
        onRewrite={(style) => void panel.rewriteDraft(style)}
        checks={panel.draftReady.value && draft.outbound ? panel.checksFor(draft.outbound.text, panel.draftSource()) : []}
        onFix={(replacement) => void panel.applyDraftFix(replacement)}
      />
    </>
  );
}
