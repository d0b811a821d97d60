// Every migration step against its fixture pairs: what storage.local holds before, and exactly what it holds after.
import { readdirSync, readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { MIGRATION_STEPS, SETTINGS_VERSION } from '@src/storage/migrations';

const FIXTURES = 'test/fixtures/migrations';
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

/** Repairs carry the time they were made: the fixtures name only the keys repaired. */
function comparable(stored: Record<string, unknown>): Record<string, unknown> {
  const { repairs, ...rest } = stored;
  return repairs === undefined ? rest : { ...rest, repairs: (repairs as Array<{ key: string }>).map((repair) => repair.key) };
}

beforeEach(() => {
  fakeBrowser.reset();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('migration steps', () => {
  it('has a folder of fixture pairs for every step, and the last step is the current version', () => {
    const folders = readdirSync(FIXTURES).sort();
    expect(folders).toEqual(MIGRATION_STEPS.map((step) => `to-v${step.version}`).sort());
    expect(MIGRATION_STEPS.at(-1)?.version).toBe(SETTINGS_VERSION);
  });

  const pairs = MIGRATION_STEPS.flatMap((step) =>
    readdirSync(`${FIXTURES}/to-v${step.version}`)
      .filter((name) => name.endsWith('.before.json'))
      .map((name) => ({ step: step.version, name: name.replace('.before.json', '') })),
  );

  it.each(pairs)('to version $step, $name: storage.local ends exactly as the fixture says', async ({ step, name }) => {
    await fakeBrowser.storage.local.set(read(`${FIXTURES}/to-v${step}/${name}.before.json`));
    vi.resetModules();
    const { settingsReady } = await import('@src/storage/migrations');
    await settingsReady();
    expect(comparable(await fakeBrowser.storage.local.get(null))).toEqual(read(`${FIXTURES}/to-v${step}/${name}.after.json`));
  });

  it.each(pairs)('to version $step, $name: running again changes nothing', async ({ step, name }) => {
    const after = read(`${FIXTURES}/to-v${step}/${name}.after.json`);
    const { repairs: _repairs, ...settled } = after;
    await fakeBrowser.storage.local.set(settled);
    vi.resetModules();
    await (await import('@src/storage/migrations')).settingsReady();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(settled);
  });
});
