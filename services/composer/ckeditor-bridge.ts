/**
 * A two-event protocol between Parley's isolated-world content script and a MAIN-world script, because
 * CKEditor 5's instance (`editable.ckeditorInstance`) is only visible in the page's own world.
 *
 * 1. Isolated side: dispatches REQUEST on the editable element, detail = JSON string of BridgeRequest
 *    (objects do not cross worlds in Chrome, strings do).
 * 2. MAIN side (listener on `document`): takes `event.target`, finds its CKEditor, inserts the text through the
 *    editor's model, and dispatches RESULT on the same element, detail = JSON string of BridgeResult.
 * Both dispatches are synchronous, so the isolated side has the answer as soon as its dispatchEvent returns.
 *
 * Where the text goes: appended at the END of the current content, one model paragraph per line
 * ("\r\n", "\r" or "\n"; empty lines become empty paragraphs). If the editor holds only its single empty
 * paragraph, that paragraph is replaced, so no blank first line is left. The selection is moved to the end of
 * the inserted text. The agent's current selection is deliberately not used: after a click in Parley's own UI
 * it is stale (often the start of the document, before a macro's text or a signature).
 *
 * The page can see and forge these events. That gives it nothing: it can only put text into its own editor,
 * and the isolated side never trusts a "handled" answer without reading the composer back.
 */

export const CKEDITOR_BRIDGE_REQUEST = 'parley:ckeditor-insert-request';
export const CKEDITOR_BRIDGE_RESULT = 'parley:ckeditor-insert-result';
const PROTOCOL = 'parley-ckeditor/1';

interface BridgeRequest {
  protocol: typeof PROTOCOL;
  requestId: string;
  text: string;
  /** Replace everything in the editor instead of appending ("translate my reply" swaps the agent's text for the translation). */
  replace?: boolean;
}

type BridgeResult =
  | { protocol: typeof PROTOCOL; requestId: string; ok: true }
  | { protocol: typeof PROTOCOL; requestId: string; ok: false; error: string };

/** The slice of CKEditor 5's API the bridge uses (model writer and root), so tests can supply a fake. */
export interface CkeditorModelNode {
  is(type: string, name?: string): boolean;
}
export interface CkeditorModelElement extends CkeditorModelNode {
  readonly childCount: number;
  readonly isEmpty: boolean;
  getChild(index: number): CkeditorModelNode | null;
}
export interface CkeditorModelWriter {
  createElement(name: 'paragraph'): CkeditorModelElement;
  insertText(text: string, parent: CkeditorModelElement): void;
  append(item: CkeditorModelElement, parent: CkeditorModelElement): void;
  remove(item: CkeditorModelNode): void;
  setSelection(element: CkeditorModelElement, place: 'end'): void;
}
export interface CkeditorLike {
  readonly isReadOnly?: boolean;
  model: {
    change<T>(callback: (writer: CkeditorModelWriter) => T): T;
    document: { getRoot(name?: string): CkeditorModelElement | null };
  };
}

type WithCkeditor = Element & { ckeditorInstance?: unknown };

function isCkeditorLike(value: unknown): value is CkeditorLike {
  if (typeof value !== 'object' || value === null) return false;
  const model = (value as { model?: unknown }).model;
  if (typeof model !== 'object' || model === null) return false;
  const { change, document } = model as { change?: unknown; document?: unknown };
  return (
    typeof change === 'function' &&
    typeof document === 'object' &&
    document !== null &&
    typeof (document as { getRoot?: unknown }).getRoot === 'function'
  );
}

/** CKEditor sets `ckeditorInstance` on the editable (and on the source element of classic editors). */
function findEditor(target: Element): CkeditorLike | null {
  const candidates = [
    target,
    target.closest('.ck-editor__editable'),
    // E: a public Zendesk extension falls back to the classic editor's wrapper.
    target.closest('.ck-editor'),
  ];
  for (const candidate of candidates) {
    const instance = (candidate as WithCkeditor | null)?.ckeditorInstance;
    if (isCkeditorLike(instance)) return instance;
  }
  return null;
}

const splitLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

function appendParagraphs(editor: CkeditorLike, text: string, replace = false): void {
  editor.model.change((writer) => {
    const root = editor.model.document.getRoot();
    if (!root) throw new Error('The editor has no main root.');
    if (replace) {
      for (let child = root.getChild(0); child !== null; child = root.getChild(0)) writer.remove(child);
    }
    const first = root.getChild(0);
    const onlyEmptyParagraph =
      root.childCount === 1 && first !== null && first.is('element', 'paragraph') && (first as CkeditorModelElement).isEmpty;
    if (onlyEmptyParagraph) writer.remove(first);

    let last: CkeditorModelElement | null = null;
    for (const line of splitLines(text)) {
      const paragraph = writer.createElement('paragraph');
      if (line) writer.insertText(line, paragraph);
      writer.append(paragraph, root);
      last = paragraph;
    }
    if (last) writer.setSelection(last, 'end');
  });
}

function parseJson(detail: unknown): unknown {
  if (typeof detail !== 'string') return null;
  try {
    return JSON.parse(detail) as unknown;
  } catch {
    return null;
  }
}

function parseRequest(detail: unknown): BridgeRequest | null {
  const value = parseJson(detail);
  if (typeof value !== 'object' || value === null) return null;
  const { protocol, requestId, text, replace } = value as Partial<Record<keyof BridgeRequest, unknown>>;
  if (protocol !== PROTOCOL || typeof requestId !== 'string' || typeof text !== 'string') return null;
  return { protocol, requestId, text, replace: replace === true };
}

function parseResult(detail: unknown): BridgeResult | null {
  const value = parseJson(detail);
  if (typeof value !== 'object' || value === null) return null;
  const { protocol, requestId, ok, error } = value as Record<string, unknown>;
  if (protocol !== PROTOCOL || typeof requestId !== 'string') return null;
  if (ok === true) return { protocol, requestId, ok };
  if (ok === false) return { protocol, requestId, ok, error: typeof error === 'string' ? error : 'Unknown error.' };
  return null;
}

const INSTALLED = Symbol.for('parley.ckeditorBridge');
type BridgeDocument = Document & { [INSTALLED]?: () => void };

/**
 * MAIN world. Listens for insert requests on `doc` and answers each on the element it came from.
 * Idempotent per document (a second bundle of this script, e.g. after an extension update, does not answer
 * twice). Returns a function that removes the listener.
 */
export function installCkeditorBridge(doc: Document): () => void {
  const bridgeDoc = doc as BridgeDocument;
  const existing = bridgeDoc[INSTALLED];
  if (existing) return existing;

  const onRequest = (event: Event) => {
    const target = event.target;
    if (!target || (target as Node).nodeType !== 1) return;
    const request = parseRequest((event as CustomEvent<unknown>).detail);
    if (!request) return;
    // Another listener (an older copy of this bridge) already answered.
    if (event.defaultPrevented) return;
    event.preventDefault();

    const element = target as Element;
    const reply = (result: { ok: true } | { ok: false; error: string }) => {
      const detail = JSON.stringify({ protocol: PROTOCOL, requestId: request.requestId, ...result });
      element.dispatchEvent(new CustomEvent(CKEDITOR_BRIDGE_RESULT, { detail }));
    };

    const editor = findEditor(element);
    if (!editor) return reply({ ok: false, error: 'The element is not a CKEditor 5 editable (no ckeditorInstance).' });
    if (editor.isReadOnly) return reply({ ok: false, error: 'The CKEditor instance is read-only.' });
    try {
      appendParagraphs(editor, request.text, request.replace);
      reply({ ok: true });
    } catch (error) {
      reply({ ok: false, error: `CKEditor rejected the insertion: ${error instanceof Error ? error.message : String(error)}` });
    }
  };

  doc.addEventListener(CKEDITOR_BRIDGE_REQUEST, onRequest);
  const uninstall = () => {
    doc.removeEventListener(CKEDITOR_BRIDGE_REQUEST, onRequest);
    if (bridgeDoc[INSTALLED] === uninstall) delete bridgeDoc[INSTALLED];
  };
  bridgeDoc[INSTALLED] = uninstall;
  return uninstall;
}

const newRequestId = (): string =>
  typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/**
 * Isolated world. Asks the MAIN-world bridge to insert `text` into the CKEditor owning `element`.
 * `handled: true` means the bridge says the editor accepted it; the caller still reads the composer back.
 */
export function insertThroughCkeditorBridge(element: HTMLElement, text: string, replace = false): { handled: boolean; error?: string } {
  const requestId = newRequestId();
  let result: BridgeResult | null = null;
  const onResult = (event: Event) => {
    const parsed = parseResult((event as CustomEvent<unknown>).detail);
    if (parsed && parsed.requestId === requestId) result = parsed;
  };

  element.addEventListener(CKEDITOR_BRIDGE_RESULT, onResult);
  try {
    const request: BridgeRequest = { protocol: PROTOCOL, requestId, text, replace };
    element.dispatchEvent(
      new CustomEvent(CKEDITOR_BRIDGE_REQUEST, {
        detail: JSON.stringify(request),
        bubbles: true,
        cancelable: true,
        composed: true,
      }),
    );
  } finally {
    element.removeEventListener(CKEDITOR_BRIDGE_RESULT, onResult);
  }

  const answer = result as BridgeResult | null;
  if (!answer) return { handled: false, error: 'No page-side CKEditor bridge answered (is the MAIN-world script installed?).' };
  return answer.ok ? { handled: true } : { handled: false, error: answer.error };
}
