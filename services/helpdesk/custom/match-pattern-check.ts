import { MatchPattern } from 'wxt/utils/match-patterns';

/** Why a match pattern was refused; `message` is English, for warnings and logs (the options page words it through i18n). */
export interface MatchPatternProblem {
  reason: 'pattern-format' | 'pattern-scheme' | 'pattern-host' | 'pattern-port' | 'pattern-broad';
  message: string;
}

/** `scheme://host/path`, the only shape a custom helpdesk may use (no `<all_urls>`, no file:, no ports). */
const PATTERN_SHAPE = /^([^:/]*):\/\/([^/]*)(\/.*)$/;
const HOST_LABELS = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/;

/**
 * Checks a WebExtension match pattern for a helpdesk's agent pages. Stricter than the browser on purpose:
 * - scheme `http`, `https` or `*` (both): Parley runs in web pages only;
 * - a named host: `*` alone or `*.com` would ask for (nearly) every site;
 * - no port: browsers ignore ports in match patterns, so one in the pattern would only mislead;
 * - a path starting with `/` (write `/*` for every page).
 * Returns null when the pattern is accepted.
 */
export function matchPatternProblem(pattern: string): MatchPatternProblem | null {
  if (pattern === '<all_urls>') {
    return { reason: 'pattern-broad', message: 'matches every site: name the helpdesk host, e.g. https://support.example.com/*' };
  }
  const parts = PATTERN_SHAPE.exec(pattern);
  if (!parts) {
    return /^[^:/]*:\/\/[^/]*$/.test(pattern)
      ? { reason: 'pattern-format', message: `needs a path: write ${pattern}/*` }
      : { reason: 'pattern-format', message: 'must look like https://support.example.com/*' };
  }
  const [, scheme = '', host = ''] = parts;
  if (scheme !== 'http' && scheme !== 'https' && scheme !== '*') {
    return { reason: 'pattern-scheme', message: `scheme "${scheme}" is not allowed: use https, http or *` };
  }
  if (host.includes(':')) {
    return { reason: 'pattern-port', message: 'leave the port out: a match pattern covers every port of the host' };
  }
  if (host === '*') {
    return { reason: 'pattern-broad', message: 'matches every site: name the helpdesk host' };
  }
  const wildcard = host.startsWith('*.');
  const named = wildcard ? host.slice(2) : host;
  if (named === '' || named.includes('*')) {
    return { reason: 'pattern-host', message: 'a * may only start the host, as in *.example.com' };
  }
  if (!HOST_LABELS.test(named)) {
    return { reason: 'pattern-host', message: `"${host}" is not a host name (lower-case letters, digits, dots and dashes)` };
  }
  if (wildcard && !named.includes('.')) {
    return { reason: 'pattern-broad', message: `*.${named} matches a whole top-level domain: name the helpdesk host` };
  }
  try {
    // The same parser `matchesUrl` uses at run time must accept it too.
    new MatchPattern(pattern);
  } catch (error) {
    return { reason: 'pattern-format', message: error instanceof Error ? error.message : String(error) };
  }
  return null;
}

/** Lower-cases the scheme and host (browsers compare them lower-cased); the path keeps its case. */
export function normaliseMatchPattern(pattern: string): string {
  const parts = PATTERN_SHAPE.exec(pattern);
  if (!parts) return pattern;
  const [, scheme = '', host = '', path = ''] = parts;
  return `${scheme.toLowerCase()}://${host.toLowerCase()}${path}`;
}

/**
 * The origin to ask host permission for (`permissions.request({ origins })`, `permissions.contains`):
 * the pattern with its path widened to `/*`, since host permissions are per host.
 */
export function permissionOriginOf(pattern: string): string {
  const parts = PATTERN_SHAPE.exec(pattern);
  if (!parts) return pattern;
  return `${parts[1]}://${parts[2]}/*`;
}
