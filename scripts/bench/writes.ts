// Storage writes of the latest results during a 50-model check: ours (coalesced, a write at most every 250 ms) beside
// one write a result, as the extension stored them before. Both run the real write path on WXT's fake browser storage.
import type { BalanceItem } from '@src/contract';
import { checkModels } from '@src/engine/check-models';
import { DEFAULT_CHECK_SETTINGS } from '@src/storage/check-settings-schema';
import type { FakeModelScope } from '@test/fake-modelscope/server';
import { fetchRoutedTo } from '@test/support/routed-fetch';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUDGETS } from './budgets';
import { freshDeps } from './engines';
import { formatKb, verdict, type Section } from './report';
import { median } from './stats';
import { BENCH_KEY, benchModels, REALISTIC, resetUpstream } from './upstream';

const MODELS = 50;
const RUNS = 3;
const SEED = 7300;
const KEY_ID = 'bench-key';
const LATEST_RESULTS = 'latestResults';

export interface WriteFigures {
  /** Writes of the latest results in each run. */
  writes: number[];
  /** Bytes of JSON written to the latest results in each run. */
  bytes: number[];
  /** The fewest models found stored after any run. */
  fewestStored: number;
}

/** How a check's results reach storage: each as it arrives, then whatever is left once the check is done. */
interface Storer {
  onResult(item: BalanceItem): void | Promise<void>;
  flush(): Promise<void>;
}

/** Loaded once the fake browser is in place: `wxt/browser` picks its browser when first imported. */
async function storers(): Promise<{ everyMs: number; ours: () => Storer; perResult: () => Storer }> {
  Object.assign(globalThis, { browser: fakeBrowser });
  const [{ resultWriter, RESULT_WRITE_EVERY_MS }, { saveLatestResults }] = await Promise.all([
    import('@src/background/result-writer'),
    import('@src/storage/latest-results'),
  ]);
  return {
    everyMs: RESULT_WRITE_EVERY_MS,
    ours: () => {
      const writer = resultWriter(KEY_ID, () => {});
      return { onResult: (item) => writer.add(item), flush: () => writer.flush() };
    },
    perResult: () => ({
      onResult: async (item) => void (await saveLatestResults(KEY_ID, [item])),
      flush: async () => {},
    }),
  };
}

async function measureOne(fake: FakeModelScope, makeStorer: () => Storer): Promise<WriteFigures> {
  const figures: WriteFigures = { writes: [], bytes: [], fewestStored: MODELS };
  const local = fakeBrowser.storage.local;
  const set = local.set.bind(local);
  for (let run = 0; run < RUNS; run += 1) {
    fakeBrowser.reset();
    resetUpstream(fake, REALISTIC, SEED + run);
    let writes = 0;
    let bytes = 0;
    local.set = (items: Record<string, unknown>) => {
      if (Object.hasOwn(items, LATEST_RESULTS)) {
        writes += 1;
        bytes += JSON.stringify(items[LATEST_RESULTS]).length;
      }
      return set(items);
    };
    try {
      const storer = makeStorer();
      await checkModels(benchModels(MODELS), BENCH_KEY, KEY_ID, freshDeps(), {
        site: 'cn',
        concurrency: DEFAULT_CHECK_SETTINGS.concurrency,
        timeoutMs: DEFAULT_CHECK_SETTINGS.timeoutSeconds * 1000,
        cacheMaxAgeMs: DEFAULT_CHECK_SETTINGS.cacheSeconds * 1000,
        force: false,
        onResult: (item) => storer.onResult(item),
        fetchFn: fetchRoutedTo(fake),
      });
      await storer.flush();
    } finally {
      local.set = set;
    }
    const stored = ((await local.get(LATEST_RESULTS))[LATEST_RESULTS] ?? {}) as Record<string, Record<string, unknown>>;
    figures.writes.push(writes);
    figures.bytes.push(bytes);
    figures.fewestStored = Math.min(figures.fewestStored, Object.keys(stored[KEY_ID] ?? {}).length);
  }
  return figures;
}

export interface WritesComparison {
  /** Ours writes at most once in this many ms while a check runs. */
  everyMs: number;
  ours: WriteFigures;
  perResult: WriteFigures;
}

export async function measureWrites(fake: FakeModelScope): Promise<WritesComparison> {
  const { everyMs, ours, perResult } = await storers();
  return { everyMs, ours: await measureOne(fake, ours), perResult: await measureOne(fake, perResult) };
}

export function writesSection({ everyMs, ours, perResult }: WritesComparison): Section {
  const fewMet = median(ours.writes) <= BUDGETS.latestResultsWrites;
  const allMet = ours.fewestStored === MODELS;
  const row = (name: string, f: WriteFigures, budget: string, result: string) => [
    name,
    String(RUNS),
    `${median(f.writes)} (most ${Math.max(...f.writes)})`,
    formatKb(median(f.bytes)),
    `${f.fewestStored} of ${MODELS}`,
    budget,
    result,
  ];
  return {
    title: `Storage writes of the latest results during a ${MODELS}-model check (median)`,
    columns: ['storing', 'runs', 'writes', 'written', 'models stored (fewest)', 'budget', 'result'],
    rows: [
      row(`ours (at most one write every ${everyMs} ms)`, ours, `≤ ${BUDGETS.latestResultsWrites} writes; every model stored`, `${verdict(fewMet)}; ${verdict(allMet)}`),
      row('one write a result (before)', perResult, '—', '—'),
    ],
    notes: [
      `The real checkModels at the default settings against the realistic upstream above, ${MODELS} pool models, on an ` +
        'empty store; each result goes to the real write path (`latestResultsItem.update`) on WXT\'s fake browser storage.',
      'Written = the JSON of the latest results in every write, summed: each write rewrites the whole record. The ' +
        'write budget is judged on the median, like the wall times; a run whose retries stretch the check writes more.',
    ],
    budgets: [
      { name: `writes: at most ${BUDGETS.latestResultsWrites} writes of the latest results in a ${MODELS}-model check`, met: fewMet },
      { name: `writes: every model of a ${MODELS}-model check stored`, met: allMet },
    ],
  };
}
