// The worker's own modules, for the sections that drive them in Node on WXT's fake browser against the fake
// ModelScope. scripts/run.mjs gives scripts the @src and @test aliases only; the worker's modules also import `#i18n`
// (the build's alias, which WXT's vitest plugin gives the tests), so they are loaded through a jiti that knows it too.
import { resolve } from 'node:path';
import { createJiti } from 'jiti';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FakeWorld } from '@test/fake-modelscope/behaviours';
import type { FakeModelScope, FakeModelScopeRuntimeOptions } from '@test/fake-modelscope/server';
import { serveLocale } from '@test/support/i18n';
import { fetchRoutedTo } from '@test/support/routed-fetch';
import { seededKey } from '@test/support/seeds';
import { withMagicubeLatency, type Latency } from './magicube-latency';
import { BENCH_KEY, INSTANT } from './upstream';

const jiti = createJiti(import.meta.url, {
  alias: { '@src': resolve('src'), '@test': resolve('test'), '#i18n': resolve('.wxt/i18n/index.ts') },
});

/** Puts WXT's fake browser in place before any of the worker's modules picks its browser, then loads them. */
export async function loadWorkerModules() {
  Object.assign(globalThis, { browser: fakeBrowser });
  const [checking, refresh, active] = await Promise.all([
    jiti.import<typeof import('@src/check/run')>('@src/check/run'),
    jiti.import<typeof import('@src/account/refresh')>('@src/account/refresh'),
    jiti.import<typeof import('@src/account/active')>('@src/account/active'),
  ]);
  return { checking, refresh, account: () => active.accountOf(BENCH_KEY, 'cn') };
}
export type WorkerModules = Awaited<ReturnType<typeof loadWorkerModules>>;

export interface UpstreamPlan {
  world: FakeWorld;
  /** How the fake answers probes; no latency by default. */
  chat?: FakeModelScopeRuntimeOptions;
  ledgerLagMs?: number;
  magicube: Latency;
  seed: number;
}

const unrouted = globalThis.fetch;

/**
 * A fresh start: the fake reset to the plan, WXT's fake browser emptied but for the bench key, and the worker's
 * `fetch` routed to the fake, Magicube requests held for the plan's latency. `restoreFetch` undoes the last.
 */
export async function startRun(fake: FakeModelScope, plan: UpstreamPlan): Promise<void> {
  fake.setOptions({ ...(plan.chat ?? INSTANT), world: plan.world, ledgerLagMs: plan.ledgerLagMs ?? 0, seed: plan.seed });
  fake.reset();
  fakeBrowser.reset();
  await serveLocale('en');
  await fakeBrowser.storage.local.set(seededKey(BENCH_KEY));
  globalThis.fetch = withMagicubeLatency(fetchRoutedTo(fake), plan.magicube, plan.seed);
}

export function restoreFetch(): void {
  globalThis.fetch = unrouted;
}
