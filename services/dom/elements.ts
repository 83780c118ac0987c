/**
 * Realm-independent element checks: `instanceof HTMLElement` fails across frames and between the
 * page's world and an extension's isolated world.
 */
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

export function isHtmlElement(element: Element | null | undefined): element is HTMLElement {
  return element?.namespaceURI === HTML_NAMESPACE;
}

/** The document's URL, or null when it is not a parsable URL (about:blank in some test setups). */
export function documentUrl(doc: Document): URL | null {
  try {
    return new URL(doc.URL);
  } catch {
    return null;
  }
}

/**
 * Page chrome inside a message that is never the author's words, in every helpdesk: buttons,
 * icons, images, times and hidden helper text. (Scripts, styles and templates are skipped by
 * `readBlockText` itself.) Adapters add their own quoted-history and status markup.
 */
export const UI_CHROME_NOISE = ['button', '[role="button"]', 'svg', 'img', 'time', '[aria-hidden="true"]'] as const;
