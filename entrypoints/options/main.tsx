import '@/components/shared/extension-page.css';
import '@/components/options/custom-helpdesks/custom-helpdesks.css';
import { render } from 'preact';
import { i18n } from '@/services/i18n/i18n';
import { startInterfaceLanguage } from '@/components/shared/interface-language';
import { OptionsApp } from '@/components/options/options-app';
import { createOptionsState } from '@/components/options/options-state';

void startInterfaceLanguage(() => i18n.t('options.title')).finally(() => {
  render(<OptionsApp state={createOptionsState()} />, document.getElementById('app')!);
});
