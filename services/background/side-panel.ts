import { browser } from 'wxt/browser';

/**
 * The toolbar button opens Parley's panel: Chrome's side panel, or Firefox's sidebar (which has no
 * `sidePanel` API and opens through `sidebarAction` from the click).
 */
export function setUpPanelOpening(): void {
  if (browser.sidePanel?.setPanelBehavior) {
    browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch(() => {});
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { open(): Promise<void> } }).sidebarAction;
  if (sidebar) browser.action.onClicked.addListener(() => void sidebar.open());
}
