import { browser } from 'wxt/browser';

/** Whether the browser has granted every one of these host patterns; false when it cannot say. */
export async function hasHostAccess(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins });
  } catch {
    return false;
  }
}

/**
 * Asks the browser for optional host patterns; it shows its own prompt unless they are granted already. Must be
 * called in the handler of the click that asked, before anything is awaited, or the browser refuses to ask.
 */
export async function requestHostAccess(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.request({ origins });
  } catch {
    return false;
  }
}

/** Gives optional host patterns back; false when the browser kept them. */
export async function releaseHostAccess(origins: string[]): Promise<boolean> {
  try {
    return await browser.permissions.remove({ origins });
  } catch {
    return false;
  }
}

/** Calls `onChange` whenever the extension's granted permissions change; returns the function that stops. */
export function watchHostAccess(onChange: () => void): () => void {
  browser.permissions.onAdded.addListener(onChange);
  browser.permissions.onRemoved.addListener(onChange);
  return () => {
    browser.permissions.onAdded.removeListener(onChange);
    browser.permissions.onRemoved.removeListener(onChange);
  };
}
