import { i18n } from '@/services/i18n/i18n';
import { languageLabel } from '@/components/shared/language-label';
import type { RewriteStyle } from '@/services/model/prompts';
import type { CheckResult } from '@/services/checks/run-checks';
import { CheckResults } from './check-results';
import { InsertOutcome } from './insert-outcome';
import { OutboundPreview } from './outbound-preview';
import type { DraftState, InsertState } from './panel-state';
import { RewriteButtons } from './rewrite-buttons';

interface Props {
  draft: DraftState;
  ready: boolean;
  insert?: InsertState;
  agentLanguage: string;
  customerLanguage: string | null;
  onChange(text: string): void;
  onTranslate(): void;
  onTranslateOrInsert(): void;
  onInsert(): void;
  onRewrite(style: RewriteStyle): void;
  /** The market's checks on the translated draft. */
  checks: CheckResult[];
  onFix(replacement: string): void;
}

/**
 * The agent writes in their own language; Parley shows exactly what the customer will read, and
 * its back-translation, before it goes into the helpdesk's composer. Ctrl+Enter translates, and a
 * second Ctrl+Enter (after reading the result) inserts.
 */
export function ReplyComposer(props: Props) {
  const { draft, ready, insert, agentLanguage, customerLanguage, onChange, onTranslate, onTranslateOrInsert, onInsert, onRewrite, checks, onFix } = props;
  const working = draft.status === 'working';
  const blocked = ready && checks.some((check) => check.status === 'block');
  return (
    <section class="reply" aria-labelledby="reply-heading">
      <h2 id="reply-heading">{i18n.t('panel.reply_heading')}</h2>
      <label class="reply__label" for="draft">
        {i18n.t('panel.reply_label', [languageLabel(agentLanguage)])}
      </label>
      <textarea
        id="draft"
        name="draft"
        class="textarea"
        dir="auto"
        lang={agentLanguage}
        rows={4}
        value={draft.text}
        aria-describedby="draft-hint"
        aria-keyshortcuts="Control+Enter"
        onInput={(event) => onChange(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
            event.preventDefault();
            onTranslateOrInsert();
          }
        }}
      />
      <p class="hint" id="draft-hint">
        {customerLanguage ? i18n.t('panel.reply_hint', [languageLabel(customerLanguage)]) : i18n.t('errors.language_unknown')}
      </p>
      <div class="actions">
        <button type="button" class="button" disabled={working || draft.text.trim() === '' || ready} onClick={onTranslate}>
          {working ? i18n.t('panel.working') : i18n.t('panel.reply_translate')}
        </button>
      </div>
      {draft.status === 'failed' ? (
        <p class="error" role="alert">
          {draft.error}
        </p>
      ) : null}
      {ready && draft.outbound ? (
        <>
          <OutboundPreview text={draft.outbound.text} backTranslation={draft.outbound.backTranslation} language={draft.outbound.variant ?? draft.outbound.language} />
          <CheckResults results={checks} onFix={onFix} />
          <div class="actions">
            <button type="button" class="button" disabled={working || insert?.status === 'inserting' || blocked} aria-keyshortcuts="Control+Enter" onClick={onInsert}>
              {i18n.t('panel.reply_insert')}
              <kbd class="shortcut">Ctrl+Enter</kbd>
            </button>
            <RewriteButtons disabled={working} label={i18n.t('panel.rewrite_draft_label')} onRewrite={onRewrite} />
          </div>
        </>
      ) : null}
      <InsertOutcome insert={insert} />
    </section>
  );
}
