import '@/components/inline/inline-translation.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runHelpdeskPage } from '@/components/page/run-helpdesk-page';
import { HELPDESK_PAGE_MATCHES } from '@/services/helpdesk/helpdesk-hosts';

export default defineContentScript({
  matches: HELPDESK_PAGE_MATCHES,
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  main(ctx) {
    runHelpdeskPage(ctx);
  },
});
