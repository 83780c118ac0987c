import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadCustomHelpdesks, saveCustomHelpdesks } from '@/services/helpdesk/custom/custom-helpdesk-store';
import { CUSTOM_HELPDESKS_STORAGE_KEY, type CustomHelpdesk } from '@/services/helpdesk/custom/descriptor';
import { CHATWOOT_INPUT, TIDY_INPUT, descriptor } from './custom-fixtures';

describe('custom helpdesk store', () => {
  it('round-trips the list under its documented key', async () => {
    const list = [descriptor(CHATWOOT_INPUT), descriptor(TIDY_INPUT)];
    await saveCustomHelpdesks(list);
    expect((await fakeBrowser.storage.local.get(CUSTOM_HELPDESKS_STORAGE_KEY))[CUSTOM_HELPDESKS_STORAGE_KEY]).toEqual(list);
    expect(await loadCustomHelpdesks()).toEqual({ helpdesks: list, warnings: [] });
  });

  it('refuses to store an invalid list, and salvages what an older version or an admin stored by hand', async () => {
    const broken = { ...descriptor(TIDY_INPUT), urlPatterns: ['<all_urls>'] } as CustomHelpdesk;
    await expect(saveCustomHelpdesks([broken])).rejects.toThrow();
    await fakeBrowser.storage.local.set({ [CUSTOM_HELPDESKS_STORAGE_KEY]: [broken, CHATWOOT_INPUT] });
    const { helpdesks, warnings } = await loadCustomHelpdesks();
    expect(helpdesks.map((h) => h.id)).toEqual(['acme-chatwoot']);
    expect(warnings).toEqual([expect.stringMatching(/^custom helpdesk 1 \("Tidy Tickets"\): urlPatterns\.0: "<all_urls>" matches every site/)]);
  });
});
