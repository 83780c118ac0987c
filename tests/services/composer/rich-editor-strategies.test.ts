import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { endOfText, insertIntoComposer, readComposerText } from '@/services/composer/insert-into-composer';
import type { ComposerTarget } from '@/services/helpdesk/types';
import { createFakeDraftEditor, createFakeProseMirror } from './fake-rich-editors';

const REPLY = 'Hallo Lena,\ndas Paket ist beim Zoll in Leipzig.';

const target = (element: HTMLElement, kind: ComposerTarget['kind']): ComposerTarget => ({ kind, element, isPublicReply: true });

function editable(): HTMLElement {
  const element = document.createElement('div');
  document.body.append(element);
  return element;
}

/** Puts the DOM caret at the very start of `element` (where an agent might have left it). */
function caretAtStart(element: HTMLElement) {
  const range = document.createRange();
  range.setStart(element.querySelector('[data-text], p')?.firstChild ?? element, 0);
  range.collapse(true);
  document.getSelection()!.removeAllRanges();
  document.getSelection()!.addRange(range);
}

/**
 * Stands in for the browser's execCommand on this document: like Chrome, it fires a cancellable `beforeinput` at the focused
 * editor and, when nobody cancels it, edits the DOM itself.
 */
function installBrowserExecCommand(): unknown[][] {
  const calls: unknown[][] = [];
  Object.defineProperty(document, 'execCommand', {
    configurable: true,
    value: (command: string, _showUi?: boolean, value?: string) => {
      calls.push(value === undefined ? [command] : [command, value]);
      const focused = document.activeElement as HTMLElement | null;
      if (!focused?.isContentEditable && focused?.getAttribute('contenteditable') !== 'true') return false;
      const event = new InputEvent('beforeinput', { inputType: command, data: value ?? null, bubbles: true, cancelable: true });
      if (focused.dispatchEvent(event)) {
        const node = command === 'insertParagraph' ? document.createElement('p') : document.createTextNode(value ?? '');
        focused.append(node);
      }
      return true;
    },
  });
  return calls;
}

const nextTick = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  Reflect.deleteProperty(document, 'execCommand');
});

describe('the fake editors are faithful where it matters', () => {
  it('undo a direct DOM write, so a naive insertion would read back as not landed', async () => {
    const pm = editable();
    createFakeProseMirror(pm, { initial: ['Hi'] });
    pm.insertAdjacentHTML('beforeend', '<p>written behind its back</p>');
    const draft = editable();
    createFakeDraftEditor(draft, { initial: ['Hi'] });
    draft.textContent = 'written behind its back';
    await nextTick();
    expect(readComposerText(pm)).toBe('Hi');
    expect(readComposerText(draft)).toBe('Hi');
  });
});

describe('insertIntoComposer: ProseMirror', () => {
  it('lands through a paste event carrying text/plain and escaped text/html, one <p> per line', async () => {
    const element = editable();
    const editor = createFakeProseMirror(element);
    const text = 'Price < 5 € & "free" <b>shipping</b>\n\nThanks';

    expect(await insertIntoComposer(target(element, 'prosemirror'), text)).toEqual({ landed: true, method: 'paste' });
    expect(editor.pastes).toEqual([
      {
        types: ['text/plain', 'text/html'],
        plain: text,
        html: '<p>Price &lt; 5 € &amp; &quot;free&quot; &lt;b&gt;shipping&lt;/b&gt;</p><p></p><p>Thanks</p>',
      },
    ]);
    expect(editor.blocks).toEqual(['Price < 5 € & "free" <b>shipping</b>', '', 'Thanks']);
    expect(element.querySelector('b')).toBeNull();
    expect(document.activeElement).toBe(element);
  });

  it('appends on a new line at the end of the text, wherever the caret was', async () => {
    const element = editable();
    const editor = createFakeProseMirror(element, { initial: ['Hi Lena,', 'thanks for waiting.'] });
    caretAtStart(element);
    expect(editor.caret).toEqual({ block: 0, offset: 0 });

    const result = await insertIntoComposer(target(element, 'prosemirror'), REPLY);
    expect(result).toEqual({ landed: true, method: 'paste' });
    expect(editor.blocks).toEqual(['Hi Lena,', 'thanks for waiting.', 'Hallo Lena,', 'das Paket ist beim Zoll in Leipzig.']);
    expect(editor.pastes[0]!.html.startsWith('<p></p>')).toBe(true);
  });

  it('falls back to execCommand, a paragraph then a line at a time, when no paste handler answers', async () => {
    const element = editable();
    const editor = createFakeProseMirror(element, { initial: ['Hi Lena,'], handlePaste: false, handleCommands: true });
    const calls = installBrowserExecCommand();

    const result = await insertIntoComposer(target(element, 'prosemirror'), 'Das Paket\n\nist da.');
    expect(result).toEqual({ landed: true, method: 'exec-command' });
    expect(calls).toEqual([
      ['insertParagraph'],
      ['insertText', 'Das Paket'],
      ['insertParagraph'],
      ['insertParagraph'],
      ['insertText', 'ist da.'],
    ]);
    expect(editor.commands).toEqual(['insertParagraph', 'insertText:Das Paket', 'insertParagraph', 'insertParagraph', 'insertText:ist da.']);
    expect(editor.blocks).toEqual(['Hi Lena,', 'Das Paket', '', 'ist da.']);
  });

  it('reports not landed, with both attempts explained, when the editor takes neither', async () => {
    const element = editable();
    createFakeProseMirror(element, { initial: ['Hi'], handlePaste: false });
    installBrowserExecCommand();

    const result = await insertIntoComposer(target(element, 'prosemirror'), REPLY);
    expect(result.landed).toBe(false);
    expect(result.method).toBe('exec-command');
    expect(result.reason).toMatch(/a paste event: no script on the page handled the paste event/);
    expect(result.reason).toMatch(/execCommand\("insertText"\): the browser ran it, yet the text is not in the reply box/);
    expect(readComposerText(element)).toBe('Hi');
  });

  it('says so when the browser has no execCommand', async () => {
    const element = editable();
    createFakeProseMirror(element, { handlePaste: false });
    const result = await insertIntoComposer(target(element, 'prosemirror'), REPLY);
    expect(result).toMatchObject({ landed: false, method: 'exec-command' });
    expect(result.reason).toMatch(/this browser has no execCommand/);
  });
});

describe('insertIntoComposer: Draft.js', () => {
  it('lands through a paste event carrying text/plain only', async () => {
    const element = editable();
    const editor = createFakeDraftEditor(element);

    expect(await insertIntoComposer(target(element, 'draftjs'), REPLY)).toEqual({ landed: true, method: 'paste' });
    expect(editor.pastes).toEqual([{ types: ['text/plain'], plain: REPLY, html: '' }]);
    expect(editor.htmlConversions).toBe(0);
    expect(editor.blocks).toEqual(['Hallo Lena,', 'das Paket ist beim Zoll in Leipzig.']);
  });

  it('appends on a new line after the last block, wherever the caret was', async () => {
    const element = editable();
    const editor = createFakeDraftEditor(element, { initial: ['Hi Lena,', ''] });
    caretAtStart(element);

    await insertIntoComposer(target(element, 'draftjs'), 'Bis Freitag.');
    expect(editor.pastes[0]!.plain).toBe('\nBis Freitag.');
    // The caret went into the trailing empty block, and the pasted text starts a new block after it.
    expect(editor.blocks).toEqual(['Hi Lena,', '', 'Bis Freitag.']);
  });

  it('never falls back to execCommand, which would corrupt the editor state', async () => {
    const element = editable();
    createFakeDraftEditor(element, { initial: ['Hi'], handlePaste: false });
    const calls = installBrowserExecCommand();

    const result = await insertIntoComposer(target(element, 'draftjs'), REPLY);
    expect(result.landed).toBe(false);
    expect(result.method).toBe('paste');
    expect(calls).toEqual([]);
    expect(result.reason).not.toMatch(/execCommand/);
  });
});

describe('endOfText', () => {
  it('finds the end of the last text, skipping trailing breaks and layout whitespace', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Hi</p>\n<p>Lena<br class="ProseMirror-trailingBreak"></p>\n';
    const end = endOfText(root);
    expect(end.node.nodeValue).toBe('Lena');
    expect(end.offset).toBe(4);
  });

  it('goes inside a trailing empty block, and beside (not into) a non-editable mention', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>Hi</p><p><br></p>';
    expect(endOfText(root)).toEqual({ node: root.lastChild, offset: 0 });
    root.innerHTML = '<p>Hi <span contenteditable="false">@Sam</span></p>';
    expect(endOfText(root)).toEqual({ node: root.firstChild, offset: 2 });
  });
});
