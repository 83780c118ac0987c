import '@/components/shared/extension-page.css';
import '@/components/options/custom-helpdesks/custom-helpdesks.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { OptionsApp } from '@/components/options/options-app';
import { createOptionsState } from '@/components/options/options-state';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = i18n.t('options.title');
render(<OptionsApp state={createOptionsState()} />, document.getElementById('app')!);
