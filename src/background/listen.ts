import { browser } from 'wxt/browser';
import { handleMessage } from './handle-message';

/**
 * One handler for our own pages (`onMessage`) and for other extensions (`onMessageExternal`). Replies go through
 * `sendResponse` with `return true`, which every supported browser keeps the channel open for.
 */
export function listenForMessages(): void {
  // onMessage only ever hears this extension's own pages; onMessageExternal hears every other extension.
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    void handleMessage(message, { external: false }).then(sendResponse);
    return true;
  });
  browser.runtime.onMessageExternal.addListener((message, _sender, sendResponse) => {
    void handleMessage(message, { external: true }).then(sendResponse);
    return true;
  });
}
