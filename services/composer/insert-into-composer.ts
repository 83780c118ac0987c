import { i18n } from '@/services/i18n/i18n';
import type { ComposerKind, ComposerTarget } from '@/services/helpdesk/types';
import { insertThroughCkeditorBridge } from './ckeditor-bridge';
import { flattenForComparison, readComposerText } from './read-composer-text';

export { readComposerText } from './read-composer-text';

/** Append after the composer's content (suggestions, drafts), or replace it ("translate my reply"). */
export type InsertMode = 'append' | 'replace';

export type InsertMethod = 'ckeditor-model' | 'paste' | 'textarea-setter' | 'exec-command' | 'none';

export type InsertResult = {
  /** True only when the text was read back from the composer after the write. */
  landed: boolean;
  /** The strategy that landed the text, or the last one tried when none did ('none' when none was tried). */
  method: InsertMethod;
  /** Plain-English explanation when `landed` is false, fit to show the agent next to a "copy" fallback. */
  reason?: string;
};

type Strategy = {
  method: Exclude<InsertMethod, 'none'>;
  /** How the attempt is named in the reason shown to the agent when nothing landed. */
  label: () => string;
  /**
   * Performs the write; returns a note explaining a failure, in case the text does not show up.
   * `composerHadText` is false when the text replaces the composer's content (see InsertMode).
   */
  run(element: HTMLElement, text: string, composerHadText: boolean, mode: InsertMode): Promise<string>;
};

/**
 * Strategies per composer kind, best first. Evidence (helpdesk-dom.md): CKEditor 5 only keeps text put in through
 * its model (MAIN-world bridge) or a paste event carrying text/plain AND text/html; React textareas need the native
 * value setter plus a bubbling input event; other rich editors take a paste event or execCommand('insertText').
 */
const STRATEGIES: Record<ComposerKind, Strategy[]> = {
  ckeditor5: [ckeditorModel(), paste({ placeCaret: focusAtEnd, withHtml: true })],
  textarea: [textareaSetter()],
  contenteditable: [paste({ placeCaret: focusAtEnd, withHtml: true }), execCommand()],
  // ProseMirror keeps its own document and selection: a paste event goes through its clipboard parser (one <p> per line),
  // execCommand through its DOM observer; both only after its selection is at the end of the text.
  prosemirror: [paste({ placeCaret: placeCaretAtEnd, withHtml: true }), prosemirrorExecCommand()],
  // Draft.js splits a text/plain paste into blocks itself; with HTML it would apply its own conversion rules, and
  // nothing is tried after it: execCommand corrupts its EditorState (notes).
  draftjs: [paste({ placeCaret: placeCaretAtEnd, withHtml: false })],
};

/**
 * Puts `text` into the composer (appended after any existing content, on a new line; or, with mode `replace`,
 * instead of it) and verifies it by reading the composer back. Never throws.
 */
export async function insertIntoComposer(target: ComposerTarget, text: string, mode: InsertMode = 'append'): Promise<InsertResult> {
  const { element } = target;
  const wanted = flattenForComparison(text);
  if (!wanted) return { landed: false, method: 'none', reason: i18n.t('errors.insert_no_text') };
  if (!element.isConnected) {
    return {
      landed: false,
      method: 'none',
      reason: i18n.t('errors.insert_composer_gone'),
    };
  }

  const before = readComposerText(element);
  const countBefore = occurrences(flattenForComparison(before), wanted);
  const notes: string[] = [];
  let lastMethod: InsertMethod = 'none';

  for (const strategy of STRATEGIES[target.kind]) {
    lastMethod = strategy.method;
    let note: string;
    try {
      if (mode === 'replace') await selectAllOf(element);
      note = await strategy.run(element, text, mode === 'append' && before.length > 0, mode);
    } catch (error) {
      note = i18n.t('errors.insert_attempt_failed', [error instanceof Error ? error.message : String(error)]);
    }
    const isThere = mode === 'replace' ? await replaced(element, wanted) : await landed(element, wanted, countBefore);
    if (isThere) return { landed: true, method: strategy.method };
    notes.push(`${strategy.label()}: ${note}`);
  }

  return {
    landed: false,
    method: lastMethod,
    reason: i18n.t('errors.insert_not_visible', [notes.join('; ')]),
  };
}

function occurrences(haystack: string, needle: string): number {
  let count = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) count += 1;
  return count;
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Reads back now, then after the page had a chance to re-render (frameworks may apply changes a tick later). */
async function landed(element: HTMLElement, wanted: string, countBefore: number): Promise<boolean> {
  const present = () => occurrences(flattenForComparison(readComposerText(element)), wanted) > countBefore;
  if (present()) return true;
  await wait(0);
  if (present()) return true;
  await wait(50);
  return present();
}

/** After a replacement the composer holds exactly the text (whatever the line breaks). */
async function replaced(element: HTMLElement, wanted: string): Promise<boolean> {
  const exact = () => flattenForComparison(readComposerText(element)) === wanted;
  if (exact()) return true;
  await wait(0);
  if (exact()) return true;
  await wait(50);
  return exact();
}

/**
 * Selects the composer's whole content, so a paste or typed text replaces it, and tells editors that
 * follow the DOM selection (ProseMirror, Draft.js, CKEditor) at once.
 */
async function selectAllOf(element: HTMLElement): Promise<void> {
  if (element.tagName === 'TEXTAREA' || element.tagName === 'INPUT') return;
  element.focus({ preventScroll: true });
  const doc = element.ownerDocument;
  const selection = doc.getSelection?.();
  if (!selection) return;
  const range = doc.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
  doc.dispatchEvent(new Event('selectionchange'));
  await wait(0);
}

const splitLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * One <p> per line, every line HTML-escaped: the text is never interpreted as markup. Empty lines become empty
 * paragraphs, not <br> (a <br> was seen turning into "@" in Zendesk). When the composer already has text, a leading
 * empty paragraph makes editors that merge the first pasted block into the caret's block start a new line instead.
 */
export function linesToHtml(text: string, startOnNewLine = false): string {
  const paragraphs = splitLines(text).map((line) => `<p>${escapeHtml(line)}</p>`);
  return (startOnNewLine ? '<p></p>' : '') + paragraphs.join('');
}

const BLOCKISH = new Set(['P', 'DIV', 'LI', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'PRE', 'BLOCKQUOTE']);

/** Focuses the editor and puts the caret at the end of its last block, so insertions append. */
function focusAtEnd(element: HTMLElement): void {
  element.focus({ preventScroll: true });
  const doc = element.ownerDocument;
  const selection = doc.getSelection?.();
  if (!selection) return;
  let container: Element = element;
  while (container.lastElementChild && BLOCKISH.has(container.lastElementChild.tagName)) {
    container = container.lastElementChild;
  }
  const range = doc.createRange();
  range.selectNodeContents(container);
  range.collapse(false);
  selection.removeAllRanges();
  selection.addRange(range);
}

function ckeditorModel(): Strategy {
  return {
    method: 'ckeditor-model',
    label: () => i18n.t('errors.insert_via_ckeditor'),
    async run(element, text, _composerHadText, mode) {
      const answer = insertThroughCkeditorBridge(element, text, mode === 'replace');
      return answer.handled ? i18n.t('errors.insert_ckeditor_accepted') : (answer.error ?? i18n.t('errors.insert_no_answer'));
    },
  };
}

function createPasteEvent(data: DataTransfer): Event {
  const init = { bubbles: true, cancelable: true, composed: true };
  let event: Event;
  try {
    event = new ClipboardEvent('paste', { ...init, clipboardData: data });
  } catch {
    event = new Event('paste', init);
  }
  // Some engines ignore clipboardData in the constructor.
  if (!(event as ClipboardEvent).clipboardData) {
    Object.defineProperty(event, 'clipboardData', { value: data });
  }
  return event;
}

/**
 * A synthetic paste carrying the text as text/plain and, unless `withHtml` is false, as escaped HTML
 * with one <p> per line. `placeCaret` puts the editor's selection at the end of its text first.
 */
function paste(options: { placeCaret(element: HTMLElement): void; withHtml: boolean }): Strategy {
  return {
    method: 'paste',
    label: () => i18n.t('errors.insert_via_paste'),
    async run(element, text, composerHadText, mode) {
      // Replacing: the whole content is already selected, and the paste goes over it.
      if (mode === 'append') options.placeCaret(element);
      // Let the editor pick up the new selection (CKEditor and ProseMirror sync it on 'selectionchange').
      await wait(0);
      const data = new DataTransfer();
      data.setData('text/plain', composerHadText ? `\n${text}` : text);
      if (options.withHtml) data.setData('text/html', linesToHtml(text, composerHadText));
      return dispatchPaste(element, data);
    },
  };
}

function execCommand(): Strategy {
  return {
    method: 'exec-command',
    label: () => i18n.t('errors.insert_via_exec_command'),
    async run(element, text, composerHadText, mode) {
      if (mode === 'append') focusAtEnd(element);
      const doc = element.ownerDocument as Document & { execCommand?: Document['execCommand'] };
      if (typeof doc.execCommand !== 'function') return i18n.t('errors.insert_no_exec_command');
      const accepted = doc.execCommand('insertText', false, composerHadText ? `\n${text}` : text);
      return accepted ? i18n.t('errors.insert_exec_ran') : i18n.t('errors.insert_exec_refused');
    },
  };
}

function textareaSetter(): Strategy {
  return {
    method: 'textarea-setter',
    label: () => i18n.t('errors.insert_via_textarea'),
    async run(element, text, _composerHadText, mode) {
      if (element.tagName !== 'TEXTAREA') return i18n.t('errors.insert_not_textarea');
      const textarea = element as HTMLTextAreaElement;
      // The prototype's setter, not `.value =`: React tracks the instance property and would drop the change.
      const realm = (textarea.ownerDocument.defaultView ?? globalThis) as typeof globalThis;
      const setter = Object.getOwnPropertyDescriptor(realm.HTMLTextAreaElement.prototype, 'value')?.set;
      if (!setter) return i18n.t('errors.insert_no_setter');
      const existing = mode === 'append' ? textarea.value.replace(/\s+$/, '') : '';
      setter.call(textarea, existing ? `${existing}\n${text}` : text);
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      return i18n.t('errors.insert_textarea_reset');
    },
  };
}

/*
 * ProseMirror and Draft.js. Both editors keep their own model and selection and redraw the DOM from them, so a direct DOM
 * write is undone or ignored. They read the DOM selection when the document fires 'selectionchange' and insert a paste at
 * their own selection: the caret is put at the end of the text, and announced, before anything is sent.
 */

/** Text nodes holding only layout whitespace, and <br>s (ProseMirror's trailing break, Draft's empty-block break). */
function isCaretFiller(node: Node): boolean {
  if (node.nodeType === 3 /* TEXT_NODE */) return /^[ \t\n\r]*$/.test(node.nodeValue ?? '');
  return node.nodeType === 1 && (node as Element).tagName === 'BR';
}

/** Leaves the caret beside, never inside: pictures, mentions and other non-editable islands. */
function isCaretBarrier(node: Node): boolean {
  if (node.nodeType !== 1) return false;
  const element = node as Element;
  return element.getAttribute('contenteditable') === 'false' || ['IMG', 'HR', 'INPUT', 'VIDEO', 'IFRAME'].includes(element.tagName);
}

/** Where typing would continue the text: after the last character, or inside the last (empty) block. */
export function endOfText(root: Node): { node: Node; offset: number } {
  let node = root;
  for (;;) {
    let child = node.lastChild;
    while (child && isCaretFiller(child)) child = child.previousSibling;
    if (!child) return { node, offset: 0 };
    if (child.nodeType === 3) return { node: child, offset: child.nodeValue?.length ?? 0 };
    if (isCaretBarrier(child)) return { node, offset: Array.prototype.indexOf.call(node.childNodes, child) + 1 };
    node = child;
  }
}

/** Focuses the editor, puts the caret at the end of its text and tells the editor at once (browsers fire the event later). */
function placeCaretAtEnd(element: HTMLElement): void {
  element.focus({ preventScroll: true });
  const doc = element.ownerDocument;
  const selection = doc.getSelection?.();
  if (!selection) return;
  const { node, offset } = endOfText(element);
  const range = doc.createRange();
  range.setStart(node, offset);
  range.collapse(true);
  selection.removeAllRanges();
  selection.addRange(range);
  doc.dispatchEvent(new Event('selectionchange'));
}

function dispatchPaste(element: HTMLElement, data: DataTransfer): string {
  const notCancelled = element.dispatchEvent(createPasteEvent(data));
  return notCancelled ? i18n.t('errors.insert_paste_unhandled') : i18n.t('errors.insert_paste_handled');
}

/**
 * The fallback when no paste handler answers: line by line, a new paragraph then the line's text, letting ProseMirror read
 * each change back into its document (its DOM observer runs between commands) before the next one.
 */
function prosemirrorExecCommand(): Strategy {
  return {
    method: 'exec-command',
    label: () => i18n.t('errors.insert_via_exec_command'),
    async run(element, text, composerHadText, mode) {
      if (mode === 'append') placeCaretAtEnd(element);
      await wait(0);
      const doc = element.ownerDocument as Document & { execCommand?: Document['execCommand'] };
      if (typeof doc.execCommand !== 'function') return i18n.t('errors.insert_no_exec_command');
      let accepted = true;
      const lines = splitLines(text);
      for (const [index, line] of lines.entries()) {
        if (index > 0 || composerHadText) {
          accepted = doc.execCommand('insertParagraph', false) && accepted;
          await wait(0);
        }
        if (line) {
          accepted = doc.execCommand('insertText', false, line) && accepted;
          await wait(0);
        }
      }
      return accepted ? i18n.t('errors.insert_exec_ran') : i18n.t('errors.insert_exec_refused');
    },
  };
}
