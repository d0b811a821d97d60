import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Where each reliability suite leaves its counts for `scripts/reliability-report.ts`. */
export const FIGURES_DIR = resolve('test-results/reliability');

export type Figures = Record<string, number>;

/** A counter a suite adds to as it asserts, so the README's figures are what the suite really did. */
export function tally<K extends string>(...names: K[]): Record<K, number> {
  return Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;
}

/** Writes one suite's figures; a suite calls it in `afterAll`, once every case has run. */
export function writeFigures(suite: string, figures: Figures): void {
  mkdirSync(FIGURES_DIR, { recursive: true });
  writeFileSync(join(FIGURES_DIR, `${suite}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}
