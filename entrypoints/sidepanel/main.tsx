import '@/components/shared/extension-page.css';
import { render } from 'preact';
import { i18n } from '@/services/i18n/i18n';
import { startInterfaceLanguage } from '@/components/shared/interface-language';
import { createPanelState } from '@/components/sidepanel/panel-state';
import { SidePanelApp } from '@/components/sidepanel/side-panel-app';

void startInterfaceLanguage(() => i18n.t('panel.title')).finally(() => {
  render(<SidePanelApp state={createPanelState()} />, document.getElementById('app')!);
});
