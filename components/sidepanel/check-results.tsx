import { i18n } from '@/services/i18n/i18n';
import type { CheckResult } from '@/services/checks/run-checks';

/**
 * What the market's checks found in a reply about to be inserted: each failed rule, whether it
 * blocks or only warns, and its fix, one click away when it can be applied mechanically.
 */
export function CheckResults({ results, onFix }: { results: readonly CheckResult[]; onFix(replacement: string): void }) {
  const failed = results.filter((result) => result.status !== 'pass');
  if (failed.length === 0) return null;
  return (
    <ul class="checks" aria-label={i18n.t('panel.checks_label')}>
      {failed.map((result, index) => (
        <li key={`${result.ruleId}:${index}`} class={`check check--${result.status}`} data-rule={result.ruleId} data-status={result.status}>
          <span class="check__status">{result.status === 'block' ? i18n.t('panel.check_blocks') : i18n.t('panel.check_warns')}</span>{' '}
          <span class="check__message">{result.message}</span>
          {result.fix ? (
            <span class="check__fix">
              {' '}
              {result.fix.description}
              {result.fix.replacement !== undefined ? (
                <button type="button" class="button button--small" onClick={() => onFix(result.fix!.replacement!)}>
                  {i18n.t('panel.check_apply_fix')}
                </button>
              ) : null}
            </span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
