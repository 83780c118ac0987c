import { i18n } from '@/services/i18n/i18n';
import type { InsertState } from './panel-state';

/** Whether the text really landed in the helpdesk's composer (read back from the page), or why not. */
export function InsertOutcome({ insert }: { insert: InsertState | undefined }) {
  if (insert?.status !== 'done') return null;
  if (insert.landed) {
    return (
      <p class="insert-outcome insert-outcome--landed" data-landed="true" data-method={insert.method}>
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
