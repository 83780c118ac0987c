import { i18n } from '@/services/i18n/i18n';

/** Shown wherever settings are used when the stored value was partly invalid and defaults stand in. */
export function SettingsWarnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <p class="warning" role="alert" data-testid="settings-warning">
      {i18n.t('common.settings_warning', [warnings.join('; ')])}
    </p>
  );
}
