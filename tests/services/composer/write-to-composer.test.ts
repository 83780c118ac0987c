import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installCkeditorBridge } from '@/services/composer/ckeditor-bridge';
import { writeToComposer } from '@/services/composer/write-to-composer';
import { zendeskAdapter } from '@/services/helpdesk/zendesk/zendesk-adapter';
import { activateTicket, layoutOf, loadZendeskFixture } from '../helpdesk/zendesk/load-fixture';
import { createFakeCkeditor } from './fake-ckeditor';

const MESSAGING_URL = new URL('https://acme.zendesk.com/agent/tickets/5001');
const REPLY = 'ご連絡ありがとうございます。\n配送状況を確認いたします。';

describe('writeToComposer on a Zendesk messaging conversation', () => {
  let uninstall: () => void = () => {};
  beforeEach(() => {
    loadZendeskFixture();
    activateTicket(document, '5001');
    uninstall = installCkeditorBridge(document);
  });
  afterEach(() => uninstall());

  it('writes a multi-line reply as paragraphs through the editor, and never sends it (no Enter, no click)', async () => {
    const layout = layoutOf(document, '5001');
    const editable = layout.querySelector<HTMLElement>('[data-test-id="omnicomposer-plain-text-ckeditor"]')!;
    const editor = createFakeCkeditor(editable);
    const keys: string[] = [];
    for (const type of ['keydown', 'keypress', 'keyup'] as const) {
      document.addEventListener(type, (event) => keys.push(`${type}:${event.key}`), true);
    }
    let clicks = 0;
    layout.querySelector('[data-test-id="submit_button-button"]')!.addEventListener('click', () => clicks++);

    const result = await writeToComposer(document, MESSAGING_URL, zendeskAdapter, '5001', REPLY);
    expect(result).toEqual({ landed: true, method: 'ckeditor-model' });
    expect(editor.paragraphs()).toEqual(['ご連絡ありがとうございます。', '配送状況を確認いたします。']);
    expect(keys).toEqual([]);
    expect(clicks).toBe(0);
  });

  it('writes nothing when the agent has moved to another conversation', async () => {
    const before = document.body.innerHTML;
    const result = await writeToComposer(document, MESSAGING_URL, zendeskAdapter, '4821', REPLY);
    expect(result).toMatchObject({ landed: false, method: 'none', reason: 'The helpdesk now shows another conversation.' });
    expect(document.body.innerHTML).toBe(before);
  });
});
