import '@/components/shared/extension-page.css';
import { render } from 'preact';
import { i18n } from '@/services/i18n/i18n';
import { DashboardApp } from '@/components/dashboard/dashboard-app';
import { startInterfaceLanguage } from '@/components/shared/interface-language';

void startInterfaceLanguage(() => i18n.t('dashboard.title')).finally(() => {
  render(<DashboardApp />, document.getElementById('app')!);
});
