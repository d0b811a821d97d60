// Storage writes, bytes written and CPU time of the worker's real check of 50 models, on WXT's fake browser: what the
// check itself costs beside the bare probes of the same models.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { FakeModelScope } from '@test/fake-modelscope/server';
import { seededList } from '@test/support/seeds';
import { BUDGETS } from './budgets';
import { allAtOnce } from './engines';
import { FREE_READ_LATENCY } from './free-read-latency';
import { formatKb, formatMs, verdict, type Section } from './report';
import { median } from './stats';
import { benchModels, REALISTIC } from './upstream';
import { loadWorkerModules, restoreFetch, startRun, type WorkerModules } from './worker-modules';

const MODELS = 50;
const RUNS = 5;
const SEED = 7300;
const LATEST_RESULTS = 'latestResults';

/** What one check wrote: per storage key (the session's result cache as one), writes and bytes of JSON. */
type Written = Map<string, { writes: number; bytes: number }>;

export interface WriteFigures {
  written: Written[];
  /** CPU time (user + system) of the whole process per result: ours, and the bare probes of the same models. */
  oursCpuMs: number[];
  bareCpuMs: number[];
  /** The fewest models found stored after any run. */
  fewestStored: number;
}

const writesText = (writes: number) => `${writes} write${writes === 1 ? '' : 's'}`;

const fileOf = (key: string) => (key.startsWith('result:') ? 'result cache (session, one item a model)' : key);

/** Counts every storage write, by key, while `task` runs. */
async function countingWrites(task: () => Promise<unknown>): Promise<Written> {
  const written: Written = new Map();
  const areas = [fakeBrowser.storage.local, fakeBrowser.storage.session];
  const originals = areas.map((area) => area.set.bind(area));
  areas.forEach((area, index) => {
    area.set = (items: Record<string, unknown>) => {
      for (const [key, value] of Object.entries(items)) {
        const file = written.get(fileOf(key)) ?? { writes: 0, bytes: 0 };
        written.set(fileOf(key), { writes: file.writes + 1, bytes: file.bytes + JSON.stringify(value).length });
      }
      return originals[index]!(items);
    };
  });
  try {
    await task();
  } finally {
    areas.forEach((area, index) => (area.set = originals[index]!));
  }
  return written;
}

/** CPU time of this process while `task` runs, in ms. */
async function cpuOf(task: () => Promise<unknown>): Promise<number> {
  const before = process.cpuUsage();
  await task();
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1000;
}

export async function measureWrites(fake: FakeModelScope): Promise<WriteFigures> {
  try {
    return await measure(fake, await loadWorkerModules());
  } finally {
    restoreFetch();
  }
}

async function measure(fake: FakeModelScope, worker: WorkerModules): Promise<WriteFigures> {
  const models = benchModels(MODELS);
  const figures: WriteFigures = { written: [], oursCpuMs: [], bareCpuMs: [], fewestStored: MODELS };
  const plan = (run: number) => ({ world: 'quota' as const, chat: REALISTIC, freeReads: FREE_READ_LATENCY, seed: SEED + run });
  for (let run = 0; run < RUNS; run += 1) {
    const ours = async () => {
      await startRun(fake, plan(run));
      await fakeBrowser.storage.local.set(seededList(models));
      let written: Written = new Map();
      const cpuMs = await cpuOf(async () => {
        const account = await worker.account();
        // Every model probed, as a Check with "probe every model" does; the provider list gives every price first.
        written = await countingWrites(() => worker.checking.checkAndKeep(account, models, { force: true }));
      });
      figures.written.push(written);
      figures.oursCpuMs.push(cpuMs / MODELS);
      const stored = ((await fakeBrowser.storage.local.get(LATEST_RESULTS))[LATEST_RESULTS] ?? {}) as Record<string, Record<string, unknown>>;
      figures.fewestStored = Math.min(figures.fewestStored, Math.max(0, ...Object.values(stored).map((results) => Object.keys(results).length)));
    };
    const bare = async () => {
      await startRun(fake, plan(run));
      figures.bareCpuMs.push((await cpuOf(() => allAtOnce(globalThis.fetch)(models))) / MODELS);
    };
    // Taking turns at going first.
    for (const step of run % 2 === 0 ? [ours, bare] : [bare, ours]) await step();
  }
  return figures;
}

export function writesSection({ written, oursCpuMs, bareCpuMs, fewestStored }: WriteFigures): Section {
  const keys = [...new Set(written.flatMap((run) => [...run.keys()]))].sort();
  const medianOf = (pick: (run: Written) => number) => median(written.map(pick));
  const total = (run: Written, field: 'writes' | 'bytes') => [...run.values()].reduce((sum, file) => sum + file[field], 0);
  const latestWrites = medianOf((run) => run.get(LATEST_RESULTS)?.writes ?? 0);
  const fewMet = latestWrites <= BUDGETS.latestResultsWrites;
  const allMet = fewestStored === MODELS;
  const ours = median(oursCpuMs);
  const bare = median(bareCpuMs);
  return {
    title: `Storage writes, bytes written and CPU time of a ${MODELS}-model check (median)`,
    columns: ['figure', 'runs', 'ours', 'beside it', 'budget', 'result'],
    rows: [
      [
        'storage writes, all keys',
        String(RUNS),
        `${writesText(medianOf((run) => total(run, 'writes')))}, ${formatKb(medianOf((run) => total(run, 'bytes')))}`,
        '—',
        '—',
        '—',
      ],
      ...keys.map((key) => [
        `— ${key}`,
        String(RUNS),
        `${writesText(medianOf((run) => run.get(key)?.writes ?? 0))}, ${formatKb(medianOf((run) => run.get(key)?.bytes ?? 0))}`,
        key === LATEST_RESULTS ? `${fewestStored} of ${MODELS} models stored (fewest)` : '—',
        key === LATEST_RESULTS ? `≤ ${BUDGETS.latestResultsWrites} writes; every model stored` : '—',
        key === LATEST_RESULTS ? `${verdict(fewMet)}; ${verdict(allMet)}` : '—',
      ]),
      [
        'CPU time per result (the whole process)',
        String(RUNS),
        formatMs(ours),
        `bare probes of the same models: ${formatMs(bare)}; the check's own: ${formatMs(ours - bare)}`,
        '—',
        '—',
      ],
    ],
    notes: [
      `The worker's real \`checkAndKeep\` of ${MODELS} pool models (all four quota headers), every model probed as ` +
        '"probe every model" does, against the realistic upstream above, on WXT\'s fake browser storage with the list ' +
        `seeded: it first reads each model's offer from the provider list (free, held ${FREE_READ_LATENCY.latencyMs} ms + ` +
        `0–${FREE_READ_LATENCY.jitterMs} ms each) and keeps them in the account record, then its result writer, result ` +
        'cache, history, badge and alerts. Written = the JSON of each value written, summed: a write rewrites the whole item.',
      'CPU time: `process.cpuUsage()` around the check; the fake ModelScope and Node\'s HTTP client run in the same ' +
        'process, so the same probes sent bare (everything at once, nothing stored) are timed beside it, taking turns, ' +
        'and the difference is what the check itself costs (its reads of the provider list included).',
    ],
    budgets: [
      { name: `writes: at most ${BUDGETS.latestResultsWrites} writes of the latest results in a ${MODELS}-model check`, met: fewMet },
      { name: `writes: every model of a ${MODELS}-model check stored`, met: allMet },
    ],
  };
}
