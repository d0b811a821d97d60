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
import { withFreeReadLatency, type Latency } from './free-read-latency';
import { BENCH_KEY, INSTANT } from './upstream';

const jiti = createJiti(import.meta.url, {
  alias: { '@src': resolve('src'), '@test': resolve('test'), '#i18n': resolve('.wxt/i18n/index.ts') },
});

/** Puts WXT's fake browser in place (if index.ts has not already) before any of the worker's modules picks its browser, then loads them. */
export async function loadWorkerModules() {
  Object.assign(globalThis, { browser: fakeBrowser });
  const [checking, refresh, active, view, migrations] = await Promise.all([
    jiti.import<typeof import('@src/check/run')>('@src/check/run'),
    jiti.import<typeof import('@src/account/refresh')>('@src/account/refresh'),
    jiti.import<typeof import('@src/account/active')>('@src/account/active'),
    jiti.import<typeof import('@src/account/view-of')>('@src/account/view-of'),
    jiti.import<typeof import('@src/storage/migrations')>('@src/storage/migrations'),
  ]);
  currentShape = (values) => atCurrentVersion(values, migrations);
  return { checking, refresh, view, account: () => active.accountOf(BENCH_KEY, 'cn') };
}
export type WorkerModules = Awaited<ReturnType<typeof loadWorkerModules>>;

type Migrations = Pick<typeof import('@src/storage/migrations'), 'MIGRATION_STEPS' | 'SETTINGS_VERSION'>;

/**
 * Stored values (storage.local, by name) brought to the current settings version, as the worker's migrations would
 * leave them, with that version: every run starts from current settings, so none pays for a migration (the worker's
 * modules migrate once in their life, so only the first run would, and its writes would be counted as the check's).
 */
function atCurrentVersion(values: Record<string, unknown>, { MIGRATION_STEPS, SETTINGS_VERSION }: Migrations): Record<string, unknown> {
  let stored: Record<string, unknown> = Object.fromEntries(Object.entries(values).map(([name, value]) => [`local:${name}`, value]));
  for (const step of MIGRATION_STEPS) {
    const changes = step.migrate(stored);
    stored = Object.fromEntries(Object.entries({ ...stored, ...changes.set }).filter(([key]) => !changes.remove.includes(key)));
  }
  return { ...Object.fromEntries(Object.entries(stored).map(([key, value]) => [key.replace(/^local:/, ''), value])), settingsVersion: SETTINGS_VERSION };
}

let currentShape: ((values: Record<string, unknown>) => Record<string, unknown>) | undefined;

export interface UpstreamPlan {
  world: FakeWorld;
  /** How the fake answers probes; no latency by default. */
  chat?: FakeModelScopeRuntimeOptions;
  ledgerLagMs?: number;
  /** How long each free read (Magicube, the provider list) is held on its way to the fake. */
  freeReads: Latency;
  /** The provider list answers a 502 gateway page on both sites. */
  providerListDown?: boolean;
  seed: number;
}

const unrouted = globalThis.fetch;

/**
 * A fresh start: the fake reset to the plan, WXT's fake browser emptied but for the bench key, and the worker's
 * `fetch` routed to the fake, free reads held for the plan's latency. `restoreFetch` undoes the last.
 */
export async function startRun(fake: FakeModelScope, plan: UpstreamPlan): Promise<void> {
  fake.setOptions({
    ...(plan.chat ?? INSTANT),
    world: plan.world,
    ledgerLagMs: plan.ledgerLagMs ?? 0,
    providerListDown: plan.providerListDown ?? false,
    seed: plan.seed,
  });
  fake.reset();
  fakeBrowser.reset();
  await serveLocale('en');
  if (!currentShape) throw new Error('startRun before loadWorkerModules');
  await fakeBrowser.storage.local.set(currentShape(seededKey(BENCH_KEY)));
  globalThis.fetch = withFreeReadLatency(fetchRoutedTo(fake), plan.freeReads, plan.seed);
}

export function restoreFetch(): void {
  globalThis.fetch = unrouted;
}
