// Every migration step against its fixture pairs: what storage.local holds before the step, and exactly what after.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MIGRATION_STEPS, SETTINGS_VERSION } from '@src/storage/migrations';
import type { MigrationStep } from '@src/storage/migrations/step';

const FIXTURES = 'test/fixtures/migrations';
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const withArea = (stored: Record<string, unknown>) => Object.fromEntries(Object.entries(stored).map(([name, value]) => [`local:${name}`, value]));
const withoutArea = (stored: Record<string, unknown>) => Object.fromEntries(Object.entries(stored).map(([key, value]) => [key.replace(/^local:/, ''), value]));

/** storage.local after one step, as the runner writes it: its changes, its version, and the keys it repaired. */
function afterStep(step: MigrationStep, before: Record<string, unknown>): Record<string, unknown> {
  const changes = step.migrate(withArea(before));
  const kept = Object.fromEntries(Object.entries(withArea(before)).filter(([key]) => !changes.remove.includes(key)));
  const after = withoutArea({ ...kept, ...changes.set, 'local:settingsVersion': step.version });
  return changes.repaired.length > 0 ? { ...after, repairs: changes.repaired } : after;
}

/** Repairs carry the time they were made: the fixtures name only the keys repaired. */
function comparable(stored: Record<string, unknown>): Record<string, unknown> {
  const { repairs, ...rest } = stored;
  return repairs === undefined ? rest : { ...rest, repairs: (repairs as Array<{ key: string }>).map((repair) => repair.key) };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

const pairs = MIGRATION_STEPS.flatMap((step) =>
  readdirSync(`${FIXTURES}/to-v${step.version}`)
    .filter((name) => name.endsWith('.before.json'))
    .map((name) => ({ step, version: step.version, name: name.replace('.before.json', '') })),
);

describe('migration steps', () => {
  it('has a folder of fixture pairs for every step, and the last step is the current version', () => {
    expect(readdirSync(FIXTURES).sort()).toEqual(MIGRATION_STEPS.map((step) => `to-v${step.version}`).sort());
    expect(MIGRATION_STEPS.at(-1)?.version).toBe(SETTINGS_VERSION);
    expect(pairs.length).toBeGreaterThanOrEqual(MIGRATION_STEPS.length);
  });

  it.each(pairs)('to version $version, $name: storage.local ends exactly as the fixture says', ({ step, version, name }) => {
    const before = read(`${FIXTURES}/to-v${version}/${name}.before.json`);
    expect(afterStep(step, before)).toEqual(read(`${FIXTURES}/to-v${version}/${name}.after.json`));
  });

  it.each(pairs)('to version $version, $name: running the step again changes nothing', ({ step, version, name }) => {
    const { repairs: _repairs, ...after } = read(`${FIXTURES}/to-v${version}/${name}.after.json`);
    expect(afterStep(step, after)).toEqual(after);
  });

  it.each(pairs)('to version $version, $name: the runner brings it to the current version', async ({ version, name }) => {
    await fakeBrowser.storage.local.set(read(`${FIXTURES}/to-v${version}/${name}.before.json`));
    vi.resetModules();
    const { settingsReady } = await import('@src/storage/migrations');
    await settingsReady();
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.settingsVersion).toBe(SETTINGS_VERSION);
    const lastStepAfter = read(`${FIXTURES}/to-v${version}/${name}.after.json`);
    if (version === SETTINGS_VERSION) expect(comparable(stored)).toEqual(lastStepAfter);
  });
});
