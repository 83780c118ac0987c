import { signal } from '@preact/signals';
import { useEffect, useMemo } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { i18n } from '@/services/i18n/i18n';
import { hostPermissionOrigins } from '@/services/helpdesk/custom/custom-helpdesk-hosts';
import { loadCustomHelpdesks, saveCustomHelpdesks } from '@/services/helpdesk/custom/custom-helpdesk-store';
import type { CustomHelpdesk } from '@/services/helpdesk/custom/descriptor';
import { sendToBackground } from '@/services/messaging/send';
import { CustomHelpdesksSection } from './custom-helpdesks-section';
import { createCustomHelpdesksState, type CustomHelpdesksState } from './custom-helpdesks-state';

/**
 * The options page's custom-helpdesk settings, wired to the browser: the host permission is asked
 * for in the click itself (browsers only prompt during a user gesture), then the list is saved or
 * the description is tested on the open tab through the background.
 */
export function CustomHelpdesksSettings() {
  const loaded = useMemo(() => signal<CustomHelpdesksState | null>(null), []);
  useEffect(() => {
    void loadCustomHelpdesks().then(({ helpdesks, warnings }) => {
      loaded.value = createCustomHelpdesksState(helpdesks, warnings);
    });
  }, [loaded]);
  const state = loaded.value;
  if (!state) return null;
  return <CustomHelpdesksSection state={state} onSave={saveWithPermission} onTest={testWithPermission} />;
}

function askHostPermission(helpdesks: readonly CustomHelpdesk[]): Promise<boolean> {
  const origins = hostPermissionOrigins(helpdesks);
  if (origins.length === 0) return Promise.resolve(true);
  return browser.permissions.request({ origins }).catch(() => false);
}

async function saveWithPermission(helpdesks: CustomHelpdesk[]) {
  const granted = askHostPermission(helpdesks);
  await saveCustomHelpdesks(helpdesks);
  if (!(await granted)) {
    return { warning: i18n.t('custom_helpdesks.permission_denied', [hostPermissionOrigins(helpdesks).join(', ')]) };
  }
}

async function testWithPermission(helpdesk: CustomHelpdesk) {
  const granted = askHostPermission([helpdesk]);
  if (!(await granted)) return { error: i18n.t('custom_helpdesks.permission_denied', [hostPermissionOrigins([helpdesk]).join(', ')]) };
  return sendToBackground({ type: 'ui/probe-custom-helpdesk', helpdesk });
}
