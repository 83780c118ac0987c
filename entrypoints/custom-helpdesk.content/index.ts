import inlineCss from '@/components/inline/inline-translation.css?inline';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { runHelpdeskPage } from '@/components/page/run-helpdesk-page';
import { createCustomAdapter } from '@/services/helpdesk/custom/custom-adapter';
import { customHelpdeskSchema } from '@/services/helpdesk/custom/descriptor';
import { sendToBackground } from '@/services/messaging/send';

/**
 * Parley on a helpdesk an admin described (options page). Registered at run time by the background,
 * only on the URL patterns of custom helpdesks whose host permission was granted. The description
 * comes from the background: extension storage is closed to content scripts (it holds the API key).
 */
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  async main(ctx) {
    const parsed = customHelpdeskSchema.safeParse(await sendToBackground({ type: 'content/custom-helpdesk' }).catch(() => null));
    if (!parsed.success) return;
    const adapter = createCustomAdapter(parsed.data);
    if (!adapter.matchesUrl(new URL(location.href))) return;
    runHelpdeskPage(ctx, { adapters: [adapter], inlineCss });
  },
});
