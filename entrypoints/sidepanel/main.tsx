import '@/components/shared/extension-page.css';
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import { createPanelState } from '@/components/sidepanel/panel-state';
import { SidePanelApp } from '@/components/sidepanel/side-panel-app';

document.documentElement.lang = browser.i18n.getUILanguage();
document.title = i18n.t('panel.title');
render(<SidePanelApp state={createPanelState()} />, document.getElementById('app')!);
