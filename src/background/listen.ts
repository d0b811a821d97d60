import { browser } from 'wxt/browser';
import { isCommandMessage } from '@src/commands/protocol';
import { handleCommand } from './commands';
import { handleMessage } from './contract/handle-message';

/**
 * Our own pages (`onMessage`) send internal commands, or a contract message as any extension may; other extensions
 * (`onMessageExternal`) only the contract. Replies go through `sendResponse` with `return true`, which every supported
 * browser keeps the channel open for.
 */
export function listenForMessages(): void {
  // onMessage only ever hears this extension's own pages; onMessageExternal hears every other extension.
  browser.runtime.onMessage.addListener((message, _sender, sendResponse) => {
    void (isCommandMessage(message) ? handleCommand(message) : handleMessage(message, { external: false })).then(sendResponse);
    return true;
  });
  browser.runtime.onMessageExternal.addListener((message, _sender, sendResponse) => {
    void handleMessage(message, { external: true }).then(sendResponse);
    return true;
  });
}
