import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { installCkeditorBridge } from '@/services/composer/ckeditor-bridge';
import { insertIntoComposer, linesToHtml, readComposerText } from '@/services/composer/insert-into-composer';
import type { ComposerTarget } from '@/services/helpdesk/types';
import { createEditable, createFakeCkeditor } from './fake-ckeditor';

const REPLY = 'Hallo Lena,\ndas Paket ist beim Zoll in Leipzig.';

const target = (element: HTMLElement, kind: ComposerTarget['kind']): ComposerTarget => ({
  kind,
  element,
  isPublicReply: true,
});

/** What an editor with a clipboard pipeline does on paste (CKEditor, ProseMirror): it reads text/html itself. */
function handlePasteLikeAnEditor(element: HTMLElement, received: { html: string[]; plain: string[] }) {
  element.addEventListener('paste', (event) => {
    const data = (event as ClipboardEvent).clipboardData;
    if (!data) return;
    event.preventDefault();
    received.html.push(data.getData('text/html'));
    received.plain.push(data.getData('text/plain'));
    const template = element.ownerDocument.createElement('template');
    template.innerHTML = data.getData('text/html');
    element.append(template.content);
  });
}

let uninstall: (() => void) | null = null;

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  uninstall?.();
  uninstall = null;
});

describe('insertIntoComposer: CKEditor 5', () => {
  it('lands through the MAIN-world bridge into the editor model', async () => {
    uninstall = installCkeditorBridge(document);
    const editable = createEditable();
    const editor = createFakeCkeditor(editable);

    const result = await insertIntoComposer(target(editable, 'ckeditor5'), REPLY);
    expect(result).toEqual({ landed: true, method: 'ckeditor-model' });
    expect(editor.paragraphs()).toEqual(['Hallo Lena,', 'das Paket ist beim Zoll in Leipzig.']);
    expect(readComposerText(editable)).toBe(REPLY);
  });

  it("replaces the editor's content through the bridge when asked to (translate my reply)", async () => {
    uninstall = installCkeditorBridge(document);
    const editable = createEditable();
    const editor = createFakeCkeditor(editable);
    await insertIntoComposer(target(editable, 'ckeditor5'), 'Thanks for waiting,\nthe parcel is at customs.');

    const result = await insertIntoComposer(target(editable, 'ckeditor5'), REPLY, 'replace');
    expect(result).toEqual({ landed: true, method: 'ckeditor-model' });
    expect(editor.paragraphs()).toEqual(['Hallo Lena,', 'das Paket ist beim Zoll in Leipzig.']);
  });

  it('falls back to a paste event carrying text/plain and escaped text/html when there is no bridge', async () => {
    const editable = createEditable();
    editable.innerHTML = '<p><br data-cke-filler="true"></p>';
    const received = { html: [] as string[], plain: [] as string[] };
    handlePasteLikeAnEditor(editable, received);

    const result = await insertIntoComposer(target(editable, 'ckeditor5'), 'Price < 5 € & "free" <b>shipping</b>\nThanks');
    expect(result).toEqual({ landed: true, method: 'paste' });
    expect(received.plain).toEqual(['Price < 5 € & "free" <b>shipping</b>\nThanks']);
    expect(received.html).toEqual([
      '<p>Price &lt; 5 € &amp; &quot;free&quot; &lt;b&gt;shipping&lt;/b&gt;</p><p>Thanks</p>',
    ]);
    // Markup in the text stays text.
    expect(editable.querySelector('b')).toBeNull();
  });

  it('does not trust the bridge: an editor that accepts but never shows the text is reported as not landed', async () => {
    uninstall = installCkeditorBridge(document);
    const editable = createEditable();
    createFakeCkeditor(editable, { render: false });

    const result = await insertIntoComposer(target(editable, 'ckeditor5'), REPLY);
    expect(result.landed).toBe(false);
    expect(result.method).toBe('paste');
    expect(result.reason).toMatch(/did not appear in the reply box/);
    expect(result.reason).toMatch(/accepted the text, yet it is not in the reply box/);
  });

  it('reports landed=false with a reason when neither the bridge nor paste is answered', async () => {
    const editable = createEditable();
    const result = await insertIntoComposer(target(editable, 'ckeditor5'), REPLY);
    expect(result.landed).toBe(false);
    expect(result.method).toBe('paste');
    expect(result.reason).toMatch(/CKEditor bridge: No page-side CKEditor bridge answered/);
    expect(result.reason).toMatch(/no script on the page handled the paste event/);
    expect(result.reason).toMatch(/Copy the text/);
    expect(readComposerText(editable)).toBe('');
  });
});

describe('insertIntoComposer: textarea', () => {
  /** A textarea whose own `value` property swallows writes, as a framework's value tracker can. */
  function frameworkTextarea(): HTMLTextAreaElement {
    const textarea = document.createElement('textarea');
    const native = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
    Object.defineProperty(textarea, 'value', {
      configurable: true,
      get() {
        return native.get!.call(this);
      },
      set() {
        /* a plain `.value =` is ignored */
      },
    });
    document.body.append(textarea);
    return textarea;
  }

  it('uses the native value setter and fires a bubbling input event', async () => {
    const textarea = frameworkTextarea();
    const inputs: Event[] = [];
    document.body.addEventListener('input', (event) => inputs.push(event));

    const result = await insertIntoComposer(target(textarea, 'textarea'), REPLY);
    expect(result).toEqual({ landed: true, method: 'textarea-setter' });
    expect(textarea.value).toBe(REPLY);
    expect(inputs).toHaveLength(1);
    expect(inputs[0]!.target).toBe(textarea);
  });

  it('appends to a draft already in the textarea', async () => {
    const textarea = document.createElement('textarea');
    textarea.value = 'Draft line  \n';
    document.body.append(textarea);
    await insertIntoComposer(target(textarea, 'textarea'), REPLY);
    expect(textarea.value).toBe(`Draft line\n${REPLY}`);
  });

  it("replaces the agent's own-language text when asked to", async () => {
    const textarea = frameworkTextarea();
    const native = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
    native.set!.call(textarea, 'The parcel is at customs.');
    const result = await insertIntoComposer(target(textarea, 'textarea'), REPLY, 'replace');
    expect(result).toEqual({ landed: true, method: 'textarea-setter' });
    expect(textarea.value).toBe(REPLY);
  });

  it('does not call a replacement landed when the old text is still there', async () => {
    const textarea = document.createElement('textarea');
    textarea.value = 'The parcel is at customs.';
    document.body.append(textarea);
    // A page that re-appends what it had (e.g. a framework restoring its own state).
    textarea.addEventListener('input', () => {
      const native = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
      native.set!.call(textarea, `The parcel is at customs.\n${textarea.value}`);
    });
    const result = await insertIntoComposer(target(textarea, 'textarea'), REPLY, 'replace');
    expect(result.landed).toBe(false);
  });

  it('reports landed=false when the page resets the textarea after the input event', async () => {
    const textarea = document.createElement('textarea');
    document.body.append(textarea);
    textarea.addEventListener('input', () => {
      const native = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!;
      native.set!.call(textarea, '');
    });
    const result = await insertIntoComposer(target(textarea, 'textarea'), REPLY);
    expect(result.landed).toBe(false);
    expect(result.method).toBe('textarea-setter');
    expect(result.reason).toMatch(/reset the text box/);
  });
});

describe('insertIntoComposer: other rich editors', () => {
  const contentEditable = () => {
    const element = document.createElement('div');
    element.setAttribute('contenteditable', 'true');
    document.body.append(element);
    return element;
  };

  it('lands through a paste event the editor handles', async () => {
    const element = contentEditable();
    const received = { html: [] as string[], plain: [] as string[] };
    handlePasteLikeAnEditor(element, received);
    expect(await insertIntoComposer(target(element, 'contenteditable'), REPLY)).toEqual({ landed: true, method: 'paste' });
    expect(readComposerText(element)).toBe(REPLY);
  });

  it("falls back to execCommand('insertText')", async () => {
    const element = contentEditable();
    const calls: unknown[][] = [];
    // happy-dom has no execCommand: stand in for the browser's, on this document only.
    Object.defineProperty(document, 'execCommand', {
      configurable: true,
      value: (...args: unknown[]) => {
        calls.push(args);
        element.append(String(args[2]));
        return true;
      },
    });
    try {
      const result = await insertIntoComposer(target(element, 'contenteditable'), REPLY);
      expect(result).toEqual({ landed: true, method: 'exec-command' });
      expect(calls).toEqual([['insertText', false, REPLY]]);
    } finally {
      Reflect.deleteProperty(document, 'execCommand');
    }
  });

  it('reports landed=false, with every attempt explained, when the element ignores the write', async () => {
    const element = contentEditable();
    const result = await insertIntoComposer(target(element, 'contenteditable'), REPLY);
    expect(result.landed).toBe(false);
    expect(result.method).toBe('exec-command');
    expect(result.reason).toMatch(/a paste event: no script on the page handled the paste event/);
    expect(result.reason).toMatch(/execCommand\("insertText"\)/);
  });

  it('does not count text that was already in the composer as landed', async () => {
    const element = contentEditable();
    element.innerHTML = '<p>Hallo Lena,</p><p>das Paket ist beim Zoll in Leipzig.</p>';
    const result = await insertIntoComposer(target(element, 'contenteditable'), REPLY);
    expect(result.landed).toBe(false);
  });
});

describe('insertIntoComposer: nothing to do', () => {
  it('refuses empty text and a composer that left the page', async () => {
    const editable = createEditable();
    expect(await insertIntoComposer(target(editable, 'ckeditor5'), '  \n ')).toMatchObject({ landed: false, method: 'none' });
    editable.remove();
    const result = await insertIntoComposer(target(editable, 'ckeditor5'), REPLY);
    expect(result).toMatchObject({ landed: false, method: 'none' });
    expect(result.reason).toMatch(/no longer on the page/);
  });
});

describe('readComposerText and linesToHtml', () => {
  it('reads paragraphs as lines with whitespace collapsed, ignoring fillers', () => {
    const element = createEditable();
    element.innerHTML = '<p>  Hallo \n  Lena, </p><p><br data-cke-filler="true"></p><p>bis\u00a0Freitag<br>Sam\u2060</p>';
    expect(readComposerText(element)).toBe('Hallo Lena,\nbis Freitag\nSam');
  });

  it('escapes every line and never emits <br>', () => {
    expect(linesToHtml('a<b\n\n"c"')).toBe('<p>a&lt;b</p><p></p><p>&quot;c&quot;</p>');
    expect(linesToHtml('x', true)).toBe('<p></p><p>x</p>');
  });
});
