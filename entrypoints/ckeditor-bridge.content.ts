import { defineContentScript } from 'wxt/utils/define-content-script';
import { installCkeditorBridge } from '@/services/composer/ckeditor-bridge';

// MAIN world: CKEditor's `ckeditorInstance` is only visible from the page's own world.
export default defineContentScript({
  matches: ['https://*.zendesk.com/agent/*'],
  world: 'MAIN',
  runAt: 'document_idle',
  main() {
    installCkeditorBridge(document);
  },
});
