import '@/components/inline/inline-translation.css';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runHelpdeskPage } from '@/components/page/run-helpdesk-page';
import { HELPDESK_PAGE_MATCHES } from '@/services/helpdesk/helpdesk-hosts';

export default defineContentScript({
  matches: HELPDESK_PAGE_MATCHES,
  runAt: 'document_idle',
  // Shopify Inbox runs as an iframe inside admin.shopify.com.
  allFrames: true,
  cssInjectionMode: 'ui',
  main(ctx) {
    runHelpdeskPage(ctx);
  },
});
