/**
 * Bundled by prosemirror-chromium.test.ts into a page for real Chromium: the real ProseMirror editor and Parley's real
 * insertIntoComposer, driven through `window.parleyComposerTest`.
 */
import { DOMParser as ProseMirrorParser } from 'prosemirror-model';
import { schema } from 'prosemirror-schema-basic';
import { EditorState, Selection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { insertIntoComposer, type InsertResult } from '@/services/composer/insert-into-composer';

let view: EditorView | null = null;

const api = {
  /** A fresh editor holding `html`; with `ignorePaste`, ProseMirror leaves paste events alone (no clipboard handling). */
  mount(html: string, options: { ignorePaste?: boolean } = {}): void {
    view?.destroy();
    const host = document.getElementById('editor')!;
    host.replaceChildren();
    const content = document.createElement('div');
    content.innerHTML = html;
    view = new EditorView(host, {
      state: EditorState.create({ doc: ProseMirrorParser.fromSchema(schema).parse(content) }),
      handleDOMEvents: options.ignorePaste ? { paste: () => true } : {},
    });
  },
  /** Leaves ProseMirror's selection at the start and the focus elsewhere, as after the agent clicked into Parley's panel. */
  selectStartAndBlur(): void {
    const editor = view!;
    editor.focus();
    editor.dispatch(editor.state.tr.setSelection(Selection.atStart(editor.state.doc)));
    (document.getElementById('elsewhere') as HTMLButtonElement).focus();
  },
  insert(text: string, mode: 'append' | 'replace' = 'append'): Promise<InsertResult> {
    return insertIntoComposer({ kind: 'prosemirror', element: view!.dom as HTMLElement, isPublicReply: true }, text, mode);
  },
  /** The text of each top-level node of ProseMirror's own document (not the DOM). */
  paragraphs(): string[] {
    const texts: string[] = [];
    view!.state.doc.forEach((node) => texts.push(node.textContent));
    return texts;
  },
};

(window as unknown as { parleyComposerTest: typeof api }).parleyComposerTest = api;
