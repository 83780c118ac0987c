import { useEffect } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { SettingsWarnings } from '@/components/shared/settings-warnings';
import { CustomerLanguage } from './customer-language';
import { MessageList } from './message-list';
import type { PanelState } from './panel-state';
import { SuggestionList } from './suggestion-list';

export function SidePanelApp({ state }: { state: PanelState }) {
  useEffect(() => state.start(), [state]);
  const conversation = state.conversation.value;
  const language = state.customerLanguage.value;

  return (
    <main class="panel">
      <header class="panel__header">
        <h1>{conversation?.title ?? i18n.t('panel.title')}</h1>
        {state.active.value ? <CustomerLanguage state={language} onOverride={(tag) => void state.overrideLanguage(tag)} /> : null}
      </header>
      <SettingsWarnings warnings={state.settings.value?.warnings ?? []} />
      {state.pageStatus.value?.status === 'unrecognised' ? (
        <p class="warning" role="alert" data-testid="page-unrecognised">
          {i18n.t('panel.page_unrecognised', [state.pageStatus.value.helpdesk, state.pageStatus.value.missing.join(', ')])}
        </p>
      ) : null}
      {!state.configured.value ? (
        <p class="notice" role="alert">
          {i18n.t('panel.not_configured')}{' '}
          <button type="button" class="button button--small" onClick={() => void browser.runtime.openOptionsPage()}>
            {i18n.t('panel.open_options')}
          </button>
        </p>
      ) : null}
      {state.active.value ? (
        <>
          <MessageList messages={state.messages.value} onRetry={(key) => void state.retranslate(key)} />
          <SuggestionList
            state={state.suggestions.value}
            inserts={state.inserts.value}
            onGenerate={(regenerate) => void state.requestSuggestions(regenerate)}
            onInsert={(index, text) => void state.insertSuggestion(index, text)}
          />
        </>
      ) : (
        <p class="empty">{i18n.t('panel.no_conversation')}</p>
      )}
    </main>
  );
}
