import type {
  CkeditorLike,
  CkeditorModelElement,
  CkeditorModelNode,
  CkeditorModelWriter,
} from '@/services/composer/ckeditor-bridge';

/**
 * The smallest stand-in for CKEditor 5 the bridge protocol needs: a model of paragraphs, a writer, and a
 * "renderer" that writes the model to the editable as <p> elements after each change block (as CKEditor does).
 * The real editor is exercised by the end-to-end tests.
 */
class FakeParagraph implements CkeditorModelElement {
  text = '';
  readonly childCount = 0;
  get isEmpty() {
    return this.text.length === 0;
  }
  is(type: string, name?: string) {
    return type === 'element' && (name === undefined || name === 'paragraph');
  }
  getChild(): CkeditorModelNode | null {
    return null;
  }
}

class FakeRoot implements CkeditorModelElement {
  children: FakeParagraph[] = [];
  get childCount() {
    return this.children.length;
  }
  get isEmpty() {
    return this.children.length === 0;
  }
  is(type: string, name?: string) {
    return type === 'rootElement' || (type === 'element' && name === undefined);
  }
  getChild(index: number): CkeditorModelNode | null {
    return this.children[index] ?? null;
  }
}

export interface FakeEditor extends CkeditorLike {
  paragraphs(): string[];
  changeCalls: number;
  selectionAtEndOf: string | null;
  isReadOnly: boolean;
}

export function createFakeCkeditor(
  element: HTMLElement,
  options: { initial?: string[]; render?: boolean; failWith?: string } = {},
): FakeEditor {
  const root = new FakeRoot();
  for (const line of options.initial ?? ['']) {
    const paragraph = new FakeParagraph();
    paragraph.text = line;
    root.children.push(paragraph);
  }
  const render = () => {
    if (options.render === false) return;
    element.innerHTML = '';
    for (const paragraph of root.children) {
      const p = element.ownerDocument.createElement('p');
      if (paragraph.text) p.textContent = paragraph.text;
      else p.innerHTML = '<br data-cke-filler="true">';
      element.append(p);
    }
  };
  render();

  const editor: FakeEditor = {
    isReadOnly: false,
    changeCalls: 0,
    selectionAtEndOf: null,
    paragraphs: () => root.children.map((p) => p.text),
    model: {
      change<T>(callback: (writer: CkeditorModelWriter) => T): T {
        editor.changeCalls += 1;
        if (options.failWith) throw new Error(options.failWith);
        const writer: CkeditorModelWriter = {
          createElement: () => new FakeParagraph(),
          insertText: (text, parent) => {
            (parent as FakeParagraph).text = text + (parent as FakeParagraph).text;
          },
          append: (item, parent) => {
            if (parent !== root) throw new Error('fake supports appending to the root only');
            root.children.push(item as FakeParagraph);
          },
          remove: (item) => {
            root.children = root.children.filter((child) => child !== item);
          },
          setSelection: (element) => {
            editor.selectionAtEndOf = (element as FakeParagraph).text;
          },
        };
        const result = callback(writer);
        render();
        return result;
      },
      document: { getRoot: () => root },
    },
  };
  (element as HTMLElement & { ckeditorInstance?: unknown }).ckeditorInstance = editor;
  return editor;
}

export function createEditable(doc: Document = document): HTMLElement {
  const editable = doc.createElement('div');
  editable.className = 'ck ck-content ck-editor__editable ck-editor__editable_inline';
  editable.setAttribute('contenteditable', 'true');
  editable.setAttribute('role', 'textbox');
  editable.setAttribute('data-test-id', 'omnicomposer-rich-text-ckeditor');
  doc.body.append(editable);
  return editable;
}
