import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '@/services/i18n/i18n';
import { SettingsWarnings } from '@/components/shared/settings-warnings';
import { CustomerLanguage } from './customer-language';
import { MarketSummary } from './market-summary';
import { MessageList } from './message-list';
import type { PanelState } from './panel-state';
import { ReplyTools } from './reply-tools';

/** The browser's current shortcut for each "insert suggestion N" command (the agent may have remapped them). */
function useSuggestionShortcuts(): Record<number, string> {
  const [shortcuts, setShortcuts] = useState<Record<number, string>>({});
  useEffect(() => {
    void browser.commands
      ?.getAll()
      .then((commands) => {
        const found: Record<number, string> = {};
        for (const command of commands) {
          const match = /^insert-suggestion-(\d)$/.exec(command.name ?? '');
          if (match && command.shortcut) found[Number(match[1])] = command.shortcut;
        }
        setShortcuts(found);
      })
      .catch(() => {});
  }, []);
  return shortcuts;
}

export function SidePanelApp({ state }: { state: PanelState }) {
  useEffect(() => state.start(), [state]);
  const shortcuts = useSuggestionShortcuts();
  const conversation = state.conversation.value;
  const language = state.customerLanguage.value;
  const settings = state.settings.value?.settings;

  return (
    <main class="panel">
      <header class="panel__header">
        <h1>{conversation?.title ?? i18n.t('panel.title')}</h1>
        {state.active.value ? <CustomerLanguage state={language} onOverride={(tag) => void state.overrideLanguage(tag)} /> : null}
        {state.active.value ? <MarketSummary choice={state.market.value} /> : null}
        {state.active.value && settings?.inlineTranslations ? (
          <label class="checkbox">
            <input
              type="checkbox"
              name="inline-visible"
              checked={state.inlineVisible.value}
              onChange={(event) => void state.setInlineVisible(event.currentTarget.checked)}
            />
            {i18n.t('panel.inline_visible')}
          </label>
        ) : null}
      </header>
      <p class="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {state.announcement.value}
      </p>
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
          <ConversationRegion messages={state.messages.value}>
            <MessageList messages={state.messages.value} onRetry={(key) => void state.retranslate(key)} />
          </ConversationRegion>
          <ReplyTools panel={state} shortcuts={shortcuts} />
        </>
      ) : (
        <p class="empty">{i18n.t('panel.no_conversation')}</p>
      )}
      <footer class="panel__footer">
        <a href="/dashboard.html" target="_blank" rel="noopener">
          {i18n.t('dashboard.open')}
        </a>
        {' · '}
        <a href="/practice.html" target="_blank" rel="noopener">
          {i18n.t('practice.open')}
        </a>
      </footer>
    </main>
  );
}

/** The conversation scrolls on its own, kept at its newest message while the agent is at the bottom. */
function ConversationRegion({ messages, children }: { messages: unknown[]; children: preact.ComponentChildren }) {
  const region = useRef<HTMLElement>(null);
  const atBottom = useRef(true);
  useEffect(() => {
    const element = region.current;
    if (element && atBottom.current) element.scrollTop = element.scrollHeight;
  }, [messages]);
  return (
    <section
      class="conversation"
      ref={region}
      tabIndex={0}
      aria-labelledby="conversation-heading"
      onScroll={(event) => {
        const element = event.currentTarget;
        atBottom.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
      }}
    >
      <h2 id="conversation-heading" class="visually-hidden">
        {i18n.t('panel.conversation_heading')}
      </h2>
      {children}
    </section>
  );
}
