import '@/components/shared/extension-page.css';
import { render } from 'preact';
import { i18n } from '@/services/i18n/i18n';
import { PracticeApp } from '@/components/practice/practice-app';
import { startInterfaceLanguage } from '@/components/shared/interface-language';

void startInterfaceLanguage(() => i18n.t('practice.title')).finally(() => {
  render(<PracticeApp />, document.getElementById('app')!);
});
