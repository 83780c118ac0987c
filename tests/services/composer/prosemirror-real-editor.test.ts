import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DOMParser as ProseMirrorParser } from 'prosemirror-model';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { insertIntoComposer, readComposerText } from '@/services/composer/insert-into-composer';

/**
 * The real prosemirror-view in happy-dom: the paste path against ProseMirror's own clipboard parser and transactions.
 * (happy-dom has no execCommand; the fallback is proven in real Chromium in prosemirror-chromium.test.ts.)
 */

let view: EditorView | null = null;

function mountEditor(html = '<p></p>'): EditorView {
  const host = document.createElement('div');
  document.body.append(host);
  const content = document.createElement('div');
  content.innerHTML = html;
  view = new EditorView(host, {
    state: EditorState.create({ doc: ProseMirrorParser.fromSchema(schema).parse(content) }),
  });
  return view;
}

const paragraphs = (editor: EditorView) => {
  const texts: string[] = [];
  editor.state.doc.forEach((node) => texts.push(node.textContent));
  return texts;
};

const composer = (editor: EditorView) => ({ kind: 'prosemirror' as const, element: editor.dom, isPublicReply: true });

beforeEach(() => {
  document.body.innerHTML = '';
});

afterEach(() => {
  view?.destroy();
  view = null;
});

describe('insertIntoComposer: the real ProseMirror (prosemirror-view, in happy-dom)', () => {
  it("puts one paragraph per line into ProseMirror's document", async () => {
    const editor = mountEditor();
    const result = await insertIntoComposer(composer(editor), 'Hola Lucía,\n\nel pedido ya salió.');
    expect(result).toEqual({ landed: true, method: 'paste' });
    expect(paragraphs(editor)).toEqual(['Hola Lucía,', '', 'el pedido ya salió.']);
    expect(readComposerText(editor.dom)).toBe('Hola Lucía,\nel pedido ya salió.');
  });

  it('appends after the existing text on a new paragraph, although the selection starts at the top', async () => {
    const editor = mountEditor('<p>Hi Lucía,</p><p>thanks for waiting.</p>');
    expect(editor.state.selection.from).toBe(1);
    await insertIntoComposer(composer(editor), 'Your order left the warehouse.\nBest, Sam');
    expect(paragraphs(editor)).toEqual(['Hi Lucía,', 'thanks for waiting.', 'Your order left the warehouse.', 'Best, Sam']);
  });

  it('keeps markup in the text as text', async () => {
    const editor = mountEditor();
    await insertIntoComposer(composer(editor), 'Use <b>code</b> 5 & "x"');
    expect(paragraphs(editor)).toEqual(['Use <b>code</b> 5 & "x"']);
    let marks = 0;
    editor.state.doc.descendants((node) => {
      marks += node.marks.length;
    });
    expect(marks).toBe(0);
  });
});
