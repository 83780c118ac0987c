import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { HELPDESK_HOST_PERMISSIONS } from './services/helpdesk/helpdesk-hosts';


export default defineConfig({
  // Explicit imports everywhere: a newcomer can follow every name to its module.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: '__MSG_extension_name__',
    description: '__MSG_extension_description__',
    default_locale: 'en',
    // No "tabs" permission: Parley needs tab ids, never their URLs or titles.
    // "scripting": content scripts on helpdesks an admin describes, registered at run time.
    // "offscreen" (Chrome): a hidden page runs Chrome's on-device AI, which the service worker cannot call.
    permissions: ['storage', 'scripting', ...(browser === 'firefox' ? [] : ['sidePanel', 'offscreen'])],
    host_permissions: HELPDESK_HOST_PERMISSIONS,
    // Model endpoints are chosen by the user: the options page asks for the one origin it needs,
    // at the moment it is configured, never at install.
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_action_title__' },
    // Enterprise policy: a team's market rules, pushed to every agent's browser (README: "Market rules by policy").
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    // Keyboard first: Chrome maps at most four suggested keys (remappable at chrome://extensions/shortcuts);
    // "translate my reply" has none by default, and the panel's own keys (Ctrl+Enter) need none.
    commands: {
      // Alt+Shift+P and Alt+Shift+A are taken by Chromium itself: the suggestion is dropped silently.
      _execute_action: { suggested_key: { default: 'Alt+Shift+K' } },
      'insert-suggestion-1': { suggested_key: { default: 'Alt+Shift+1' }, description: '__MSG_commands_insert_suggestion_1__' },
      'insert-suggestion-2': { suggested_key: { default: 'Alt+Shift+2' }, description: '__MSG_commands_insert_suggestion_2__' },
      'insert-suggestion-3': { suggested_key: { default: 'Alt+Shift+3' }, description: '__MSG_commands_insert_suggestion_3__' },
      'translate-reply': { description: '__MSG_commands_translate_reply__' },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'parley@parley.dev',
              // Firefox 128: MV3 `world: "MAIN"` content scripts (the CKEditor bridge).
              strict_min_version: '128.0',
              // Conversation text leaves the browser, to the model provider the shop configures.
              data_collection_permissions: { required: ['websiteContent', 'personalCommunications'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['artifacts/**', 'test-results/**', '**/*.log', '.output/**'],
  },
});
