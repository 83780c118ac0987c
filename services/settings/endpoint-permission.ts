import { browser } from 'wxt/browser';

/**
 * The host permission pattern for a model endpoint: its scheme and host, any port (match patterns
 * cannot name a port), e.g. `http://127.0.0.1/*` for `http://127.0.0.1:11434/v1`. Null for a URL
 * that is not http(s).
 */
export function originPatternFor(endpoint: string): string | null {
  try {
    const url = new URL(endpoint);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return null;
  }
}

/**
 * Asks the browser for permission to call the endpoint, at the moment the user configures it
 * (never at install). Must be called from a click handler: browsers only show the prompt for a
 * user gesture. Resolves true when the permission is (already) granted.
 */
export async function requestEndpointPermission(endpoint: string): Promise<boolean> {
  return requestEndpointPermissions([endpoint]);
}

/** The same for several endpoints at once (one prompt: a second request would have lost the click's gesture). */
export async function requestEndpointPermissions(endpoints: readonly string[]): Promise<boolean> {
  const patterns = [...new Set(endpoints.map(originPatternFor))];
  if (patterns.length === 0) return true;
  if (patterns.some((pattern) => pattern === null)) return false;
  try {
    return await browser.permissions.request({ origins: patterns as string[] });
  } catch {
    return false;
  }
}
