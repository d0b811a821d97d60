// A headed Chromium on a virtual X display, for the one thing no automation API reaches: the browser's own
// permission prompt (chrome.permissions.request). The test answers it as a person would, with the keyboard.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';

export interface VirtualDisplay {
  /** The DISPLAY value, e.g. ":93". */
  display: string;
  close(): void;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts Xvfb on a free display number; throws when Debian's xvfb is not installed. */
export async function startVirtualDisplay(): Promise<VirtualDisplay> {
  if (!existsSync('/usr/bin/Xvfb')) throw new Error("Debian's xvfb is not installed: run `node scripts/ensure-browser.mjs`.");
  let number = 90 + Math.floor(Math.random() * 400);
  while (existsSync(`/tmp/.X11-unix/X${number}`)) number += 1;
  const server: ChildProcess = spawn('/usr/bin/Xvfb', [`:${number}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
  for (let waited = 0; !existsSync(`/tmp/.X11-unix/X${number}`); waited += 50) {
    if (waited > 10_000) throw new Error('Xvfb did not start');
    await sleep(50);
  }
  return { display: `:${number}`, close: () => void server.kill() };
}

/** Counts the permission requests the page makes from now on, so a test knows when the browser's prompt is up. */
export async function watchPermissionRequests(page: Page): Promise<void> {
  await page.evaluate(() => {
    const permissions = chrome.permissions;
    const request = permissions.request.bind(permissions) as (asked: chrome.permissions.Permissions) => Promise<boolean>;
    const counted = window as unknown as { permissionRequests: number };
    counted.permissionRequests = 0;
    permissions.request = ((asked: chrome.permissions.Permissions) => {
      counted.permissionRequests += 1;
      return request(asked);
    }) as typeof permissions.request;
  });
}

/**
 * Answers the browser's prompt once the page has asked: Tab moves to "Allow", Return presses it (Escape: "Deny").
 * Waits a second first, as a person would: the prompt's buttons take a moment to accept input.
 */
export async function answerPermissionPrompt(page: Page, display: string, answer: 'allow' | 'deny'): Promise<void> {
  await page.waitForFunction(() => (window as unknown as { permissionRequests?: number }).permissionRequests! > 0, undefined, { timeout: 10_000 });
  await sleep(1000);
  const keys = answer === 'allow' ? ['Tab', 'Return'] : ['Escape'];
  execFileSync('/usr/bin/xdotool', ['key', ...keys], { env: { ...process.env, DISPLAY: display } });
}
