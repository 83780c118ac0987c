/**
 * Small stand-ins for ProseMirror and Draft.js with the behaviour insertion depends on, and nothing else:
 * - the document lives in the editor's own model (paragraphs / blocks), and the DOM is drawn from it;
 * - direct DOM writes are undone on the next redraw (a MutationObserver redraws after any change the editor did not make),
 *   so a naive write reads back as "not landed";
 * - the editor's selection changes only when the document fires 'selectionchange' while the DOM selection is inside it;
 * - a paste event is handled by the editor at its own selection: the ProseMirror fake prefers text/html (one <p> per
 *   paragraph, pasted as an open slice whose first paragraph joins the caret's), the Draft fake reads text/plain and
 *   treats text/html as rich content it would convert;
 * - the ProseMirror fake can also take browser editing commands through `beforeinput` (insertText, insertParagraph).
 * The real ProseMirror is exercised in prosemirror-real-editor.test.ts (happy-dom) and prosemirror-chromium.test.ts.
 */

interface Caret {
  block: number;
  offset: number;
}

interface FakeEditorCore {
  element: HTMLElement;
  blocks: string[];
  caret: Caret;
  render(): void;
  /** Every payload the editor received in a paste event. */
  pastes: { types: string[]; plain: string; html: string }[];
  destroy(): void;
}

function createCore(
  element: HTMLElement,
  initial: string[],
  renderBlock: (doc: Document, text: string) => HTMLElement,
  blockOf: (node: Node) => HTMLElement | null,
): FakeEditorCore {
  const doc = element.ownerDocument;
  let drawing = false;
  const core: FakeEditorCore = {
    element,
    blocks: initial.length > 0 ? [...initial] : [''],
    caret: { block: 0, offset: 0 },
    pastes: [],
    render() {
      drawing = true;
      element.replaceChildren(...core.blocks.map((text) => renderBlock(doc, text)));
      observer.takeRecords();
      drawing = false;
    },
    destroy() {
      observer.disconnect();
      doc.removeEventListener('selectionchange', onSelectionChange);
    },
  };
  // Changes the editor did not draw itself are undone, as a framework's next render would.
  const observer = new MutationObserver(() => {
    if (!drawing) core.render();
  });
  observer.observe(element, { childList: true, subtree: true, characterData: true });

  const onSelectionChange = () => {
    const selection = doc.getSelection();
    const anchor = selection?.anchorNode;
    if (!selection || !anchor || !element.contains(anchor)) return;
    const block = blockOf(anchor);
    const index = block ? Array.prototype.indexOf.call(element.children, block) : -1;
    if (index < 0) return;
    // The offset in characters from the block's start to the caret.
    const range = doc.createRange();
    range.selectNodeContents(block!);
    range.setEnd(anchor, selection.anchorOffset);
    core.caret = { block: index, offset: range.toString().length };
  };
  doc.addEventListener('selectionchange', onSelectionChange);
  core.render();
  return core;
}

/** Inserts `pieces` at the caret the way an open slice pastes: the first piece joins the caret's block, the last takes its tail. */
function insertAtCaret(core: FakeEditorCore, pieces: string[]): void {
  const { block, offset } = core.caret;
  const current = core.blocks[block] ?? '';
  const head = current.slice(0, offset);
  const tail = current.slice(offset);
  const inserted = pieces.length > 0 ? [...pieces] : [''];
  inserted[0] = head + inserted[0];
  const lastIndex = inserted.length - 1;
  const last = inserted[lastIndex]!;
  inserted[lastIndex] = last + tail;
  core.blocks.splice(block, 1, ...inserted);
  core.caret = { block: block + lastIndex, offset: last.length };
  core.render();
}

export interface FakeProseMirror extends FakeEditorCore {
  /** Commands the editor took through `beforeinput`. */
  commands: string[];
}

/**
 * A ProseMirror-like editor on `element` (class ProseMirror, one <p> per paragraph, an empty paragraph drawn as
 * <p><br class="ProseMirror-trailingBreak"></p>).
 */
export function createFakeProseMirror(
  element: HTMLElement,
  options: { initial?: string[]; handlePaste?: boolean; handleCommands?: boolean } = {},
): FakeProseMirror {
  element.classList.add('ProseMirror');
  element.setAttribute('contenteditable', 'true');
  const core = createCore(
    element,
    options.initial ?? [''],
    (doc, text) => {
      const p = doc.createElement('p');
      if (text) p.textContent = text;
      else p.innerHTML = '<br class="ProseMirror-trailingBreak">';
      return p;
    },
    (node) => (node.nodeType === 1 ? (node as HTMLElement) : node.parentElement)?.closest('p') ?? null,
  );
  const editor: FakeProseMirror = Object.assign(core, { commands: [] as string[] });

  if (options.handlePaste !== false) {
    element.addEventListener('paste', (event) => {
      const data = (event as ClipboardEvent).clipboardData;
      if (!data) return;
      event.preventDefault();
      const html = data.getData('text/html');
      const plain = data.getData('text/plain');
      editor.pastes.push({ types: [...data.types], plain, html });
      let pieces: string[];
      if (html) {
        const template = element.ownerDocument.createElement('template');
        template.innerHTML = html;
        pieces = [...template.content.querySelectorAll('p')].map((p) => p.textContent ?? '');
      } else {
        pieces = plain.split(/\r\n|\r|\n/);
      }
      insertAtCaret(editor, pieces);
    });
  }
  if (options.handleCommands) {
    element.addEventListener('beforeinput', (event) => {
      const input = event as InputEvent;
      event.preventDefault();
      editor.commands.push(input.inputType + (input.data ? `:${input.data}` : ''));
      if (input.inputType === 'insertText') insertAtCaret(editor, [input.data ?? '']);
      if (input.inputType === 'insertParagraph') insertAtCaret(editor, ['', '']);
    });
  }
  return editor;
}

export interface FakeDraftEditor extends FakeEditorCore {
  /** Rich pastes (with text/html) the editor would have converted with its own HTML rules. */
  htmlConversions: number;
}

/**
 * A Draft.js-like editor: `element` is the contenteditable `.public-DraftEditor-content`, drawing blocks as
 * div[data-block] > div.public-DraftStyleDefault-block > span > span[data-text] (an empty block holds a <br data-text>).
 */
export function createFakeDraftEditor(element: HTMLElement, options: { initial?: string[]; handlePaste?: boolean } = {}): FakeDraftEditor {
  element.classList.add('public-DraftEditor-content');
  element.setAttribute('contenteditable', 'true');
  element.setAttribute('role', 'textbox');
  let key = 0;
  const core = createCore(
    element,
    options.initial ?? [''],
    (doc, text) => {
      const block = doc.createElement('div');
      block.setAttribute('data-block', 'true');
      block.setAttribute('data-offset-key', `b${(key += 1)}-0-0`);
      const inner = doc.createElement('div');
      inner.className = 'public-DraftStyleDefault-block public-DraftStyleDefault-ltr';
      const span = doc.createElement('span');
      const leaf = doc.createElement('span');
      leaf.setAttribute('data-text', 'true');
      if (text) leaf.textContent = text;
      else leaf.innerHTML = '<br data-text="true">';
      span.append(leaf);
      inner.append(span);
      block.append(inner);
      return block;
    },
    (node) => (node.nodeType === 1 ? (node as HTMLElement) : node.parentElement)?.closest('[data-block]') as HTMLElement | null,
  );
  const editor: FakeDraftEditor = Object.assign(core, { htmlConversions: 0 });

  if (options.handlePaste !== false) {
    element.addEventListener('paste', (event) => {
      const data = (event as ClipboardEvent).clipboardData;
      if (!data) return;
      event.preventDefault();
      const plain = data.getData('text/plain');
      const html = data.getData('text/html');
      editor.pastes.push({ types: [...data.types], plain, html });
      if (html) editor.htmlConversions += 1;
      insertAtCaret(editor, plain.split(/\r\n|\r|\n/));
    });
  }
  return editor;
}
