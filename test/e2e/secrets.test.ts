// In Chromium, with every host but ModelScope's resolving to nowhere: every request the extension makes is recorded,
// and the saved keys show up nowhere but in the storage area the user chose.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tally, writeFigures } from '../reliability/figures';
import { DEMO_KEY, FAKE_ECHO_KEY, FAKE_NO_HEADERS, REVOKED_KEY } from '../fake-modelscope/behaviours';
import { MODELSCOPE_HOSTS } from '../fake-modelscope/sites';
import { observe, type Observation } from './devtools';
import { launchExtension, type ExtensionSession } from './harness';

const GLM = 'ZhipuAI/GLM-4.7';
const SESSION_ONLY = `ms-${'5e55'.repeat(8)}`;
const THEIRS = `ms-${'7e1a'.repeat(8)}`;
/** The secret part of each saved key: neither a `Bearer` prefix nor a redacted `ms-***` can hide it from a search. */
const SECRETS = [DEMO_KEY, SESSION_ONLY].map((key) => key.slice(3));
// Where a saved key may go: both ModelScope sites' hosts (this test's keys are the China site's), MODELSCOPE_HOSTS.
const CANARY = 'https://example.org/canary';

const figures = tally('requestsRecorded', 'hostsContacted', 'consoleLinesChecked', 'repliesChecked');

let session: ExtensionSession;
let seen: Observation;
let page: Page;
const replies: unknown[] = [];
beforeAll(async () => {
  session = await launchExtension({ blockOtherHosts: true });
  seen = await observe(session);
  page = await session.openPage('options');
  // The recorder hears the service worker's own requests, and other hosts lead nowhere.
  const canary = await session.serviceWorker.evaluate((url) => fetch(url).then(() => 'answered', () => 'failed'), CANARY);
  expect(canary).toBe('failed');
  expect(seen.requests).toContain(CANARY);
  seen.requests.length = 0;

  await page.evaluate(
    ({ remembered, sessionOnly }) =>
      Promise.all([
        chrome.storage.local.set({
          keyring: {
            keys: [
              { id: 'key-main', label: 'Main', remember: true, secret: remembered },
              { id: 'key-session', label: 'Borrowed', remember: false },
            ],
            activeId: 'key-main',
          },
          favouriteLists: { lists: [{ id: 'list-1', name: 'Favourites', models: ['fake/partial-headers', 'fake/no-headers', 'fake/echo-key'] }], activeId: 'list-1' },
        }),
        chrome.storage.session.set({ keySecrets: { 'key-session': sessionOnly } }),
      ]),
    { remembered: DEMO_KEY, sessionOnly: SESSION_ONLY },
  );
  // A day of use: the popup and options, checks that fail in every way that could echo a key, both keys, other extensions.
  const popup = await session.openPage('popup');
  await popup.getByRole('button', { name: /^Check/ }).click();
  await popup.getByRole('status').getByText(/^Checked 3 models/).waitFor();
  const ask = async (message: unknown, external = false) => replies.push(await (external ? session.sendExternal(message) : session.send(message)));
  await ask({ type: 'magicube' });
  await ask({ type: 'models' });
  await ask({ type: 'balance', api_key: REVOKED_KEY, models: [GLM] });
  // Switch to the session-only key, and leave a corrupt setting to be repaired (with a console notice).
  await page.evaluate(async () => {
    const { keyring } = await chrome.storage.local.get('keyring');
    await chrome.storage.local.set({ keyring: { ...(keyring as object), activeId: 'key-session' }, checkSettings: 'garbage' });
  });
  await ask({ type: 'balance', models: [GLM, FAKE_ECHO_KEY, FAKE_NO_HEADERS], force: true });
  for (const message of [{ type: 'health' }, { type: 'balance' }, { type: 'magicube' }, { type: 'balance', api_key: THEIRS, models: [GLM, FAKE_ECHO_KEY] }, { type: 'magicube', api_key: THEIRS }]) {
    await ask(message, true);
  }
  await page.reload();
  await session.openPage('popup');
  await seen.sweep();
});
afterAll(async () => {
  await session?.close();
  writeFigures('secrets-chromium', figures);
});

function expectNoSecretIn(text: string, where: string) {
  for (const secret of SECRETS) expect(text.includes(secret), `${where} holds a saved key`).toBe(false);
}

describe('what the extension sends, recorded in Chromium', () => {
  it('contacts only ModelScope’s hosts', () => {
    const web = seen.requests.filter((url) => !url.startsWith('chrome-extension://'));
    const hosts = [...new Set(web.map((url) => new URL(url).host))].sort();
    expect(web.length).toBeGreaterThan(5);
    expect(hosts.filter((host) => !MODELSCOPE_HOSTS.includes(host))).toEqual([]);
    // What arrived at the fake agrees: the same hosts, by the Host header they were sent with.
    expect([...new Set(session.fake.requests.map((request) => request.host))].sort()).toEqual(hosts);
    figures.requestsRecorded = web.length;
    figures.hostsContacted = hosts.length;
  });

  it('sends a saved key only as the Bearer token of requests to ModelScope', () => {
    const withSecret = session.fake.requests.filter((request) => SECRETS.some((secret) => `${request.authorization}${request.body}${request.path}`.includes(secret)));
    expect(withSecret.length).toBeGreaterThan(0);
    for (const request of withSecret) expect(request.authorization).toMatch(/^Bearer ms-[0-9a-f]{32}$/);
    for (const request of session.fake.requests) expectNoSecretIn(request.body + request.path, `the body of ${request.path}`);
  });
});

describe('where a saved key may appear, in Chromium', () => {
  it('the remembered key in storage.local only, the session-only key in storage.session only; in no other storage', async () => {
    const stored = await page.evaluate(async () => ({
      local: JSON.stringify(await chrome.storage.local.get(null)),
      session: JSON.stringify(await chrome.storage.session.get(null)),
      sync: JSON.stringify(await chrome.storage.sync.get(null)),
      webStorage: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      databases: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
    }));
    expect(stored.local.split(SECRETS[0]!)).toHaveLength(2);
    expect(stored.local).not.toContain(SECRETS[1]);
    expect(stored.session.split(SECRETS[1]!)).toHaveLength(2);
    expect(stored.session).not.toContain(SECRETS[0]);
    expectNoSecretIn(stored.sync + stored.webStorage, 'sync or web storage');
    expect([stored.databases, stored.caches]).toEqual([0, 0]);
  });

  it('in no console output, error, page text or reply, though ModelScope echoed the key', () => {
    expect(seen.console.some((line) => line.includes('local:checkSettings'))).toBe(true);
    for (const line of [...seen.console, ...seen.errors]) expectNoSecretIn(line, `console: ${line.slice(0, 80)}`);
    expect(replies.some((reply) => JSON.stringify(reply).includes('ms-***'))).toBe(true);
    for (const reply of replies) expectNoSecretIn(JSON.stringify(reply), 'a reply');
    figures.consoleLinesChecked = seen.console.length + seen.errors.length;
    figures.repliesChecked = replies.length;
  });

  it('in no page text', async () => {
    for (const open of session.context.pages().filter((candidate) => candidate.url().startsWith('chrome-extension://'))) {
      expectNoSecretIn(await open.evaluate(() => document.body.innerText), `the text of ${open.url()}`);
    }
  });
});

describe('other extensions, in Chromium', () => {
  it('get nothing at all once the options switch is off, and everything again once it is on', async () => {
    const externalAccess = page.getByLabel('Let other extensions check quota with their own key');
    // The box follows the stored preference, so it changes once the click has been saved.
    await externalAccess.click();
    await expect.poll(() => externalAccess.isChecked()).toBe(false);
    await expect.poll(() => page.evaluate(async () => (await chrome.storage.local.get('preferences')).preferences)).toMatchObject({ externalAccess: false });
    const requests = session.fake.requests.length;
    for (const message of [{ type: 'health' }, { type: 'models' }, { type: 'balance', api_key: THEIRS, models: [GLM] }, { type: 'magicube', api_key: THEIRS }]) {
      expect(await session.sendExternal(message)).toMatchObject({ success: false, error: { code: 'external_access_off' } });
    }
    expect(session.fake.requests).toHaveLength(requests);
    expect(await session.send({ type: 'health' })).toMatchObject({ status: 'healthy' });
    await externalAccess.click();
    await expect.poll(() => externalAccess.isChecked()).toBe(true);
    await expect.poll(() => session.sendExternal({ type: 'health' })).toMatchObject({ status: 'healthy' });
  });
});
