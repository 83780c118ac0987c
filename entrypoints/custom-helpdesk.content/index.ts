import inlineCss from '@/components/inline/inline-translation.css?inline';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runHelpdeskPage } from '@/components/page/run-helpdesk-page';
import { customAdapterFor } from '@/services/helpdesk/custom/custom-helpdesk-hosts';
import { loadCustomHelpdesks } from '@/services/helpdesk/custom/custom-helpdesk-store';

/**
 * Parley on a helpdesk an admin described (options page). Registered at run time by the background,
 * only on the URL patterns of custom helpdesks whose host permission was granted.
 */
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const { helpdesks } = await loadCustomHelpdesks();
    const adapter = customAdapterFor(helpdesks, new URL(location.href));
    if (!adapter) return;
    runHelpdeskPage(ctx, { adapters: [adapter], inlineCss });
  },
});
