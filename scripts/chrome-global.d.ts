// Types for `chrome` inside code that Playwright evaluates in the extension's own pages and worker
// (scripts/ and tests/e2e/). Extension code itself uses `browser` from 'wxt/browser'.
import type { browser } from 'wxt/browser';

declare global {
  const chrome: typeof browser;
}
