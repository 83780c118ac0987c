import { defineContentScript } from 'wxt/utils/define-content-script';
import { startCustomHelpdeskProbe } from '@/components/inline/custom-helpdesk-probe';

/** Injected by the background into the tab an admin tests a custom helpdesk description on. */
export default defineContentScript({
  registration: 'runtime',
  cssInjectionMode: 'manual',
  main(ctx) {
    startCustomHelpdeskProbe(ctx);
  },
});
