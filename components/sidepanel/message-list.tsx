import { i18n } from '@/services/i18n/i18n';
import { languageLabel } from '@/components/shared/language-label';
import type { MessageRecord } from '@/services/storage/database';

const ROLE_LABEL = {
  customer: () => i18n.t('common.role_customer'),
  agent: () => i18n.t('common.role_agent'),
  bot: () => i18n.t('common.role_bot'),
  note: () => i18n.t('common.role_note'),
  system: () => i18n.t('common.role_system'),
} as const;

/** The active conversation, oldest first: each message with its language, original and translation. */
export function MessageList({ messages, onRetry }: { messages: MessageRecord[]; onRetry(messageKey: string): void }) {
  return (
    <ol class="messages" aria-label={i18n.t('panel.conversation_heading')}>
      {messages.map((message) => (
        <li key={message.key} class={`message message--${message.role}`} data-role={message.role} data-message-id={message.messageId}>
          <div class="message__header">
            <span class="message__role">{ROLE_LABEL[message.role]()}</span>
            {message.detection ? <LanguageBadge detection={message.detection} /> : null}
          </div>
          <MessageBody message={message} onRetry={onRetry} />
        </li>
      ))}
    </ol>
  );
}

function LanguageBadge({ detection }: { detection: NonNullable<MessageRecord['detection']> }) {
  const label = detection.language ? languageLabel(detection.language) : i18n.t('common.language_unknown');
  const confidence = detection.confidence === 'low' ? ` · ${i18n.t('common.confidence_low')}` : '';
  return (
    <span class="message__language" data-language={detection.language ?? 'und'} data-confidence={detection.confidence}>
      {label + confidence}
    </span>
  );
}

function MessageBody({ message, onRetry }: { message: MessageRecord; onRetry(messageKey: string): void }) {
  if (message.role !== 'customer') {
    return (
      <p class="message__original" dir="auto">
        {message.text}
      </p>
    );
  }
  const status = message.translationStatus;
  const warnings = [
    ...(message.injection ? [i18n.t('errors.injection_flagged')] : []),
    ...(message.translationWarning ? [message.translationWarning] : []),
  ];
  return (
    <div class="message__body" data-status={status ?? undefined}>
      {warnings.map((warning) => (
        <p class="message__warning" role="alert" key={warning}>
          {warning}
        </p>
      ))}
      {status === 'done' || status === 'streaming' ? (
        <p class="message__translation" dir="auto" aria-label={i18n.t('panel.translation')}>
          {message.translation}
        </p>
      ) : null}
      <p class="message__status">
        {status === 'pending' ? i18n.t('panel.status_pending') : null}
        {status === 'streaming' ? i18n.t('panel.status_streaming') : null}
        {status === 'same-language' ? i18n.t('panel.status_same_language') : null}
        {status === 'failed' ? i18n.t('panel.status_failed', [message.translationError ?? '']) : null}
      </p>
      {status === 'failed' || status === 'done' ? (
        <button type="button" class="button button--small" onClick={() => onRetry(message.key)}>
          {status === 'failed' ? i18n.t('common.retry') : i18n.t('panel.translate_again')}
        </button>
      ) : null}
      <details class="message__original-details" open={status === 'same-language'}>
        <summary>{i18n.t('panel.original')}</summary>
        <p class="message__original" dir="auto" lang={message.detection?.language ?? undefined}>
          {message.text}
        </p>
      </details>
    </div>
  );
}
