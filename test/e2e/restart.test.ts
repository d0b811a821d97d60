// The service worker stopped by Chromium in the middle of things (through DevTools, as an idle or stuck worker is):
// no saved setting is lost, the popup does not hang, the next check works and spends only what it must, the badge
// comes back.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BalanceReplySchema } from '@src/contract';
import { tally, writeFigures } from '../reliability/figures';
import { DEMO_KEY, FAKE_SLOW } from '../fake-modelscope/behaviours';
import { observe, stopServiceWorker, type Observation } from './devtools';
import { launchExtension, type ExtensionSession } from './harness';

const GLM = 'ZhipuAI/GLM-4.7';
const KIMI = 'moonshotai/Kimi-K2.5';
const FLASH = 'deepseek-ai/DeepSeek-V4-Flash';
const QWEN = 'Qwen/Qwen3-Coder-480B-A35B-Instruct';
const SESSION_ONLY = `ms-${'5e55'.repeat(8)}`;
const THEIRS = `ms-${'7e1a'.repeat(8)}`;
const POPUP = { width: 600, height: 600 };

/** Settings worth keeping, in the shapes the extension stores them. */
const SETTINGS = {
  local: {
    keyring: {
      keys: [
        { id: 'key-main', label: 'Main', remember: true, secret: DEMO_KEY },
        { id: 'key-session', label: 'Borrowed', remember: false },
      ],
      activeId: 'key-main',
    },
    favouriteLists: {
      lists: [
        { id: 'list-slow', name: 'With a slow one', models: [KIMI, FLASH, FAKE_SLOW] },
        { id: 'list-other', name: 'Other', models: [QWEN] },
      ],
      activeId: 'list-slow',
    },
    // Every model probed on every Check, as the original service did: the priced ones too, so each Check spends.
    checkSettings: { concurrency: 4, timeoutSeconds: 10, cacheSeconds: 300, probeEveryModel: true },
    preferences: { checkOnOpen: false, externalAccess: true },
  },
  session: { keySecrets: { 'key-session': SESSION_ONLY } },
};

const figures = tally('restarts', 'interruptedChecks', 'settingsComparisons');

let session: ExtensionSession;
let seen: Observation;
/** An extension page to read storage and the badge from. */
let inspector: Page;
beforeAll(async () => {
  session = await launchExtension();
  seen = await observe(session);
  inspector = await session.openPage('options');
  await inspector.evaluate(({ local, session: area }) => Promise.all([chrome.storage.local.set(local), chrome.storage.session.set(area)]), SETTINGS);
});
afterAll(async () => {
  await session?.close();
  writeFigures('restart', figures);
});

/** What is saved of the settings now, to compare with what was saved before a restart. */
async function savedSettings() {
  figures.settingsComparisons += 1;
  return inspector.evaluate(async () => ({
    local: await chrome.storage.local.get(['settingsVersion', 'keyring', 'favouriteLists', 'checkSettings', 'preferences']),
    session: await chrome.storage.session.get('keySecrets'),
  }));
}

async function restart() {
  await stopServiceWorker(session);
  figures.restarts += 1;
}

const checkButton = (popup: Page) => popup.getByRole('button', { name: /^Check/ });

describe('the service worker stopped in the middle of a check', () => {
  it('from the popup: settings intact, the popup says so instead of hanging, and the next check spends only on what was cut off', async () => {
    session.fake.setOptions({ slowMs: 20_000 });
    const before = await savedSettings();
    expect(before.local).toMatchObject(SETTINGS.local);
    const popup = await session.openPage('popup', POPUP);
    await expect.poll(() => checkButton(popup).isEnabled()).toBe(true);
    await checkButton(popup).click();
    // The quick models answer and are stored; the slow one is in flight when the worker stops.
    await expect.poll(() => session.fake.probes(FAKE_SLOW).length).toBe(1);
    await expect
      .poll(() => inspector.evaluate(async () => Object.values((await chrome.storage.local.get('latestResults')).latestResults ?? {}).flatMap((byModel) => Object.keys(byModel as object))))
      .toEqual(expect.arrayContaining([KIMI, FLASH]));
    expect(await checkButton(popup).textContent()).toBe('Checking…');
    await restart();
    figures.interruptedChecks += 1;

    await expect.poll(() => checkButton(popup).textContent(), { timeout: 5000 }).toBe('Check models');
    expect(await checkButton(popup).isEnabled()).toBe(true);
    expect(await popup.getByRole('status').textContent()).toBe(
      'The extension’s background stopped before it answered. Results that arrived are kept; press Check again for the rest.',
    );
    expect(await savedSettings()).toEqual(before);

    session.fake.setOptions({ slowMs: 50 });
    await checkButton(popup).click();
    await expect.poll(() => popup.getByRole('status').textContent()).toBe('Checked 3 models: 3 ok, 0 failed');
    // Fresh results outlive the worker (storage.session): only the model that was cut off is asked again.
    expect([KIMI, FLASH, FAKE_SLOW].map((model) => session.fake.probes(model).length)).toEqual([1, 1, 2]);
    expect(await savedSettings()).toEqual(before);
  });

  it('while idle: the popup opens with the stored results and spends nothing; the badge comes back', async () => {
    const badge = () => inspector.evaluate(() => chrome.action.getBadgeText({}));
    await expect.poll(badge).toMatch(/^\d+$/);
    const shown = await badge();
    const probes = session.fake.probes().length;
    await restart();
    // Whatever the toolbar held is gone; the worker draws it again from storage as soon as it wakes.
    await inspector.evaluate(() => chrome.action.setBadgeText({ text: '' }));
    const popup = await session.openPage('popup', POPUP);
    await expect.poll(() => popup.getByRole('rowheader').count()).toBe(3);
    await expect.poll(badge).toBe(shown);
    expect(session.fake.probes()).toHaveLength(probes);
  });

  it('in another extension’s call: it gets an error instead of hanging, and its next call works', async () => {
    session.fake.setOptions({ slowMs: 20_000 });
    const before = await savedSettings();
    const pending = session.sendExternal({ type: 'balance', api_key: THEIRS, models: [FAKE_SLOW], force: true }).then(
      () => 'answered',
      (error: unknown) => String(error),
    );
    await expect.poll(() => session.fake.probes(FAKE_SLOW).filter((probe) => probe.authorization === `Bearer ${THEIRS}`).length).toBe(1);
    await restart();
    figures.interruptedChecks += 1;
    expect(await pending).toMatch(/message channel closed|Receiving end does not exist/);
    session.fake.setOptions({ slowMs: 50 });
    const reply = BalanceReplySchema.parse(await session.sendExternal({ type: 'balance', api_key: THEIRS, models: [FAKE_SLOW] }));
    expect(reply).toMatchObject({ success: true, data: [{ model: FAKE_SLOW, model_request_remaining: 299 }] });
    expect(await savedSettings()).toEqual(before);
  });

  it('five times in a row, each mid-check: nothing saved is lost, and the session-only key still works after', async () => {
    const before = await savedSettings();
    for (let round = 1; round <= 5; round += 1) {
      session.fake.setOptions({ slowMs: 20_000 });
      const already = session.fake.probes(FAKE_SLOW).length;
      const pending = session.send({ type: 'balance', models: [FAKE_SLOW, QWEN], force: true }).then(() => 'answered', String);
      await expect.poll(() => session.fake.probes(FAKE_SLOW).length).toBe(already + 1);
      await restart();
      figures.interruptedChecks += 1;
      expect(await pending).toMatch(/message channel closed/);
      expect(await savedSettings()).toEqual(before);
    }
    session.fake.setOptions({ slowMs: 50 });
    await inspector.evaluate(async () => {
      const { keyring } = await chrome.storage.local.get('keyring');
      await chrome.storage.local.set({ keyring: { ...(keyring as object), activeId: 'key-session' } });
    });
    const reply = BalanceReplySchema.parse(await session.send({ type: 'balance', models: [GLM], force: true }));
    expect(reply).toMatchObject({ success: true });
    expect(session.fake.probes(GLM).at(-1)?.authorization).toBe(`Bearer ${SESSION_ONLY}`);
  });

  it('left no uncaught error and no CSP violation in any worker it started', async () => {
    await seen.sweep();
    expect(seen.errors).toEqual([]);
    expect(seen.cspIssues).toEqual([]);
    expect(figures.restarts).toBe(8);
  });
});
