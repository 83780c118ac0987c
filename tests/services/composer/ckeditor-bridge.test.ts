import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  CKEDITOR_BRIDGE_REQUEST,
  CKEDITOR_BRIDGE_RESULT,
  insertThroughCkeditorBridge,
  installCkeditorBridge,
} from '@/services/composer/ckeditor-bridge';
import { createEditable, createFakeCkeditor } from './fake-ckeditor';

let uninstall: (() => void) | null = null;

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  uninstall?.();
  uninstall = null;
});

describe('CKEditor bridge', () => {
  it('inserts one model paragraph per line, replacing the lone empty paragraph', () => {
    uninstall = installCkeditorBridge(document);
    const editable = createEditable();
    const editor = createFakeCkeditor(editable);

    expect(insertThroughCkeditorBridge(editable, 'Hallo Lena,\n\ndas Paket kommt am Donnerstag.')).toEqual({ handled: true });
    expect(editor.paragraphs()).toEqual(['Hallo Lena,', '', 'das Paket kommt am Donnerstag.']);
    expect(editor.changeCalls).toBe(1);
    expect(editor.selectionAtEndOf).toBe('das Paket kommt am Donnerstag.');
    expect(editable.querySelectorAll('p')).toHaveLength(3);
  });

  it('appends after existing content instead of replacing it', () => {
    uninstall = installCkeditorBridge(document);
    const editable = createEditable();
    const editor = createFakeCkeditor(editable, { initial: ['Hi Lena,'] });

    insertThroughCkeditorBridge(editable, 'Line one\r\nLine two');
    expect(editor.paragraphs()).toEqual(['Hi Lena,', 'Line one', 'Line two']);
  });

  it('carries request and result as JSON strings, on the editable element itself', () => {
    uninstall = installCkeditorBridge(document);
    const editable = createEditable();
    createFakeCkeditor(editable);
    const seen: { type: string; target: EventTarget | null; detail: unknown }[] = [];
    const record = (event: Event) =>
      seen.push({ type: event.type, target: event.target, detail: (event as CustomEvent<unknown>).detail });
    // Capture phase: recorded before the bridge (a bubbling listener on document) answers.
    document.addEventListener(CKEDITOR_BRIDGE_REQUEST, record, { capture: true });
    editable.addEventListener(CKEDITOR_BRIDGE_RESULT, record);

    insertThroughCkeditorBridge(editable, 'Hallo');
    document.removeEventListener(CKEDITOR_BRIDGE_REQUEST, record, { capture: true });

    expect(seen.map((e) => e.type)).toEqual([CKEDITOR_BRIDGE_REQUEST, CKEDITOR_BRIDGE_RESULT]);
    for (const event of seen) {
      expect(event.target).toBe(editable);
      expect(typeof event.detail).toBe('string');
    }
    const request = JSON.parse(seen[0]!.detail as string) as { requestId: string; text: string };
    const result = JSON.parse(seen[1]!.detail as string) as { requestId: string; ok: boolean };
    expect(request.text).toBe('Hallo');
    expect(result).toMatchObject({ requestId: request.requestId, ok: true });
  });

  it('reports not handled when no MAIN-world bridge is installed', () => {
    const editable = createEditable();
    const editor = createFakeCkeditor(editable);
    const answer = insertThroughCkeditorBridge(editable, 'Hallo');
    expect(answer.handled).toBe(false);
    expect(answer.error).toMatch(/bridge/i);
    expect(editor.changeCalls).toBe(0);
  });

  it('reports not handled for an element without a CKEditor instance', () => {
    uninstall = installCkeditorBridge(document);
    const editable = createEditable();
    const answer = insertThroughCkeditorBridge(editable, 'Hallo');
    expect(answer).toEqual({ handled: false, error: expect.stringMatching(/not a CKEditor 5 editable/) });
  });

  it('finds the instance from a node inside the editable', () => {
    uninstall = installCkeditorBridge(document);
    const editable = createEditable();
    const editor = createFakeCkeditor(editable, { initial: ['Hi'] });
    const paragraph = editable.querySelector('p')!;
    expect(insertThroughCkeditorBridge(paragraph, 'there').handled).toBe(true);
    expect(editor.paragraphs()).toEqual(['Hi', 'there']);
  });

  it('refuses a read-only editor and reports an editor that throws', () => {
    uninstall = installCkeditorBridge(document);
    const readOnly = createEditable();
    const readOnlyEditor = createFakeCkeditor(readOnly);
    readOnlyEditor.isReadOnly = true;
    expect(insertThroughCkeditorBridge(readOnly, 'x')).toEqual({ handled: false, error: expect.stringMatching(/read-only/) });
    expect(readOnlyEditor.changeCalls).toBe(0);

    const failing = createEditable();
    createFakeCkeditor(failing, { failWith: 'schema says no' });
    expect(insertThroughCkeditorBridge(failing, 'x')).toEqual({
      handled: false,
      error: expect.stringContaining('schema says no'),
    });
  });

  it('answers once even when installed twice, and stops answering when uninstalled', () => {
    const first = installCkeditorBridge(document);
    const second = installCkeditorBridge(document);
    expect(second).toBe(first);
    const editable = createEditable();
    const editor = createFakeCkeditor(editable);
    insertThroughCkeditorBridge(editable, 'once');
    expect(editor.paragraphs()).toEqual(['once']);
    expect(editor.changeCalls).toBe(1);

    first();
    expect(insertThroughCkeditorBridge(editable, 'again').handled).toBe(false);
    expect(editor.changeCalls).toBe(1);
  });

  it('ignores malformed requests (object details, wrong protocol) without touching the editor', () => {
    uninstall = installCkeditorBridge(document);
    const editable = createEditable();
    const editor = createFakeCkeditor(editable);
    let replies = 0;
    editable.addEventListener(CKEDITOR_BRIDGE_RESULT, () => (replies += 1));
    for (const detail of [{ text: 'x' }, 'not json', JSON.stringify({ protocol: 'other', requestId: '1', text: 'x' })]) {
      editable.dispatchEvent(new CustomEvent(CKEDITOR_BRIDGE_REQUEST, { detail, bubbles: true }));
    }
    expect(replies).toBe(0);
    expect(editor.changeCalls).toBe(0);
  });

  it('ignores a forged answer that does not carry its request id', () => {
    const editable = createEditable();
    // A page script answering every request with a made-up id.
    const forge = () =>
      editable.dispatchEvent(
        new CustomEvent(CKEDITOR_BRIDGE_RESULT, {
          detail: JSON.stringify({ protocol: 'parley-ckeditor/1', requestId: 'forged', ok: true }),
        }),
      );
    document.addEventListener(CKEDITOR_BRIDGE_REQUEST, forge);
    try {
      expect(insertThroughCkeditorBridge(editable, 'x').handled).toBe(false);
    } finally {
      document.removeEventListener(CKEDITOR_BRIDGE_REQUEST, forge);
    }
  });
});
