import '@/components/inline/inline-translation.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runHelpdeskPage } from '@/components/page/run-helpdesk-page';
import { zendeskAdapter } from '@/services/helpdesk/zendesk/zendesk-adapter';

export default defineContentScript({
  matches: ['https://*.zendesk.com/agent/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    runHelpdeskPage(ctx, zendeskAdapter);
  },
});
