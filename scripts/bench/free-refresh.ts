// The free refresh (issue 13): the worker's real refreshAccount, which reads balance, ledger, grants, rates and rules in
// parallel and keeps them, beside each of those reads alone; that it spends nothing; and that a popup opened twice
// within 60 s reads them once.
import { fetchMagicubeBalance } from '@src/modelscope/magicube';
import { readGrantRules } from '@src/modelscope/grant-rules';
import { readGrants } from '@src/modelscope/grants';
import { readTierPrices } from '@src/modelscope/spend-rates';
import { readSpendLedger } from '@src/modelscope/spend-ledger';
import { startOfQuotaDays } from '@src/quota/reset-time';
import type { FakeModelScope } from '@test/fake-modelscope/server';
import { BUDGETS } from './budgets';
import { FREE_READ_LATENCY, isMagicube } from './free-read-latency';
import { formatMs, verdict, type Section } from './report';
import { median } from './stats';
import { BENCH_KEY } from './upstream';
import { loadWorkerModules, restoreFetch, startRun, type WorkerModules } from './worker-modules';

const RUNS = 9;
const SEED = 8100;
const TIMEOUT_MS = 20_000;
export const LEDGER_DAYS = 14;
/** The worker answers our pages from storage when the figures are younger than this (PICTURE_FRESH_MS). */
const FRESH_FOR_MS = 60_000;

/** The five Magicube reads of a refresh, each as the worker makes it. */
export const READS: ReadonlyArray<[string, (apiKey: string, since: number) => Promise<unknown>]> = [
  ['balance', (apiKey) => fetchMagicubeBalance(apiKey, { site: 'cn', timeoutMs: TIMEOUT_MS })],
  ['ledger', (apiKey, since) => readSpendLedger(apiKey, { site: 'cn', timeoutMs: TIMEOUT_MS, since })],
  ['grants', (apiKey, since) => readGrants(apiKey, { site: 'cn', timeoutMs: TIMEOUT_MS, since })],
  ['rates', (apiKey) => readTierPrices(apiKey, { site: 'cn', timeoutMs: TIMEOUT_MS })],
  ['rules', (apiKey) => readGrantRules(apiKey, { site: 'cn', timeoutMs: TIMEOUT_MS })],
];

export interface FreeRefreshFigures {
  refreshMs: number[];
  /** Per run, the slowest of the five reads made alone. */
  slowestAloneMs: number[];
  /** Per read, its median time alone. */
  aloneMs: Record<string, number>;
  /** Over all runs: credits the refreshes spent, and the probes (paid calls) they sent. */
  creditsSpent: number;
  probes: number;
  /** Magicube requests of a popup opened, opened again within the freshness, and opened after it. */
  opens: Array<{ at: number; reads: number }>;
}

export async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

const magicubeReads = (fake: FakeModelScope) => fake.requests.filter((request) => isMagicube(request.path)).length;

export async function measureFreeRefresh(fake: FakeModelScope): Promise<FreeRefreshFigures> {
  try {
    return await measure(fake, await loadWorkerModules());
  } finally {
    restoreFetch();
  }
}

async function measure(fake: FakeModelScope, worker: WorkerModules): Promise<FreeRefreshFigures> {
  const figures: FreeRefreshFigures = { refreshMs: [], slowestAloneMs: [], aloneMs: {}, creditsSpent: 0, probes: 0, opens: [] };
  const alone = new Map<string, number[]>(READS.map(([name]) => [name, []]));
  for (let run = 0; run < RUNS; run += 1) {
    await startRun(fake, { world: 'credits', freeReads: FREE_READ_LATENCY, seed: SEED + run });
    const since = startOfQuotaDays(LEDGER_DAYS, Date.now());
    const readAlone = async () => {
      const times = [];
      for (const [name, read] of READS) {
        const ms = await timed(() => read(BENCH_KEY, since));
        alone.get(name)!.push(ms);
        times.push(ms);
      }
      figures.slowestAloneMs.push(Math.max(...times));
    };
    const refresh = async () => {
      const before = fake.creditBalance(BENCH_KEY).available;
      const probesBefore = fake.probes().length;
      const account = await worker.account();
      figures.refreshMs.push(await timed(() => worker.refresh.refreshAccount(account, { maxAgeMs: 0 })));
      figures.creditsSpent += before - fake.creditBalance(BENCH_KEY).available;
      figures.probes += fake.probes().length - probesBefore;
    };
    // Taking turns at going first, so neither always meets a warmer connection pool.
    for (const step of run % 2 === 0 ? [readAlone, refresh] : [refresh, readAlone]) await step();
  }
  figures.aloneMs = Object.fromEntries([...alone].map(([name, times]) => [name, median(times)]));

  await startRun(fake, { world: 'credits', freeReads: FREE_READ_LATENCY, seed: SEED });
  const account = await worker.account();
  const realNow = Date.now;
  try {
    for (const after of [0, FRESH_FOR_MS / 2, FRESH_FOR_MS + 1000]) {
      // The popup opened `after` ms after the first time: its refresh reads only figures older than a minute.
      Date.now = () => realNow() + after;
      const before = magicubeReads(fake);
      await worker.refresh.refreshAccount(account);
      figures.opens.push({ at: after, reads: magicubeReads(fake) - before });
    }
  } finally {
    Date.now = realNow;
  }
  return figures;
}

export function freeRefreshSection(figures: FreeRefreshFigures): Section {
  const refreshMs = median(figures.refreshMs);
  const slowestMs = median(figures.slowestAloneMs);
  const ratio = refreshMs / slowestMs;
  const parallelMet = ratio <= BUDGETS.freeRefreshRatio;
  const freeMet = figures.creditsSpent === 0 && figures.probes === 0;
  const [first, again, later] = figures.opens;
  const onceMet = first !== undefined && first.reads > 0 && again?.reads === 0;
  const seconds = (ms: number) => `${ms / 1000} s`;
  return {
    title: 'The free refresh: balance, ledger, grants, rates and rules (median)',
    columns: ['figure', 'runs', 'ours', 'beside it', 'ratio', 'budget', 'result'],
    rows: [
      [
        'refreshAccount: the five reads in parallel, kept in storage',
        String(RUNS),
        formatMs(refreshMs),
        `slowest read alone: ${formatMs(slowestMs)}`,
        `${ratio.toFixed(2)} ×`,
        `≤ ${BUDGETS.freeRefreshRatio} ×`,
        verdict(parallelMet),
      ],
      ['— each read alone', String(RUNS), '', Object.entries(figures.aloneMs).map(([name, ms]) => `${name} ${formatMs(ms)}`).join(', '), '', '', ''],
      ['credits spent, probes sent (all refreshes)', String(RUNS), `${figures.creditsSpent}, ${figures.probes}`, '—', '—', '0, 0', verdict(freeMet)],
      [
        `Magicube requests of a popup opened, then again ${seconds(again?.at ?? 0)} later`,
        '1',
        `${first?.reads ?? '—'}, then ${again?.reads ?? '—'}`,
        `opened ${seconds(later?.at ?? 0)} after the first: ${later?.reads ?? '—'}`,
        '—',
        'the second: 0',
        verdict(onceMet),
      ],
    ],
    notes: [
      `The worker's real \`refreshAccount\` on WXT's fake browser, against the fake in its ` +
        `credit world; every Magicube request is held ${FREE_READ_LATENCY.latencyMs} ms + 0–${FREE_READ_LATENCY.jitterMs} ms ` +
        '(seeded) on its way to the fake. Each run reads the five alone, one after another, and refreshes once, taking ' +
        'turns at going first; the ratio is the median refresh over the median of each run\'s slowest read alone.',
      'Credits spent: the fake\'s balance before and after each refresh; probes: chat completions it received meanwhile. ' +
        `The opens call \`refreshAccount\` as the popup's \`refresh\` command does, but with no models (the offers of ` +
        'a list are in the next section), the later ones with the clock moved on: figures younger than ' +
        `${seconds(FRESH_FOR_MS)} come from storage.`,
    ],
    budgets: [
      { name: 'free refresh / slowest read alone', met: parallelMet },
      { name: 'free refresh spends nothing', met: freeMet },
      { name: 'popup opened twice within 60 s reads the free figures once', met: onceMet },
    ],
  };
}
