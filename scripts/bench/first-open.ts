// A new key's first open (issue 18): the worker's real refreshAccount of a key with 20 favourites and nothing stored, as
// the popup's `refresh` command runs it, beside the slowest of the same free reads made alone; what it spends; what a
// second open within a day reads again; and what a Check spends once every price is known.
import { CREDIT_WORLD_HEADER_MODELS, DASHSCOPE_ONLY_MODELS, POOL_MODELS } from '@test/fake-modelscope/behaviours';
import type { FakeModelScope } from '@test/fake-modelscope/server';
import { seededList } from '@test/support/seeds';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readModelOffer } from '@src/modelscope/providers';
import { startOfQuotaDays } from '@src/quota/reset-time';
import { BUDGETS } from './budgets';
import { FREE_READ_LATENCY, isMagicube, isProviderList } from './free-read-latency';
import { LEDGER_DAYS, READS, timed } from './free-refresh';
import { formatMs, verdict, type Section } from './report';
import { median } from './stats';
import { BENCH_KEY, REALISTIC } from './upstream';
import { loadWorkerModules, restoreFetch, startRun, type WorkerModules } from './worker-modules';

/** The models the provider list showed served (issue 18), at each of the three tiers. */
export const NAMED_SERVED = [
  'Qwen/Qwen3.5-397B-A17B',
  'deepseek-ai/DeepSeek-V4-Pro',
  'ZhipuAI/GLM-5.2',
  'Qwen/Qwen3-Coder-30B-A3B-Instruct',
  'stepfun-ai/Step-3.7-Flash',
  'moonshotai/Kimi-K2.5',
  'deepseek-ai/DeepSeek-V4-Flash',
  'MiniMax/MiniMax-M2.5',
];
/** One of the seed's old defaults, which only DashScope serves now: its row must say so, and it is never probed. */
const UNSERVED = DASHSCOPE_ONLY_MODELS.find((model) => model.includes('GLM-4.7')) ?? DASHSCOPE_ONLY_MODELS[0]!;
/** Pool models paid in credits alone: in the credit world they send no quota headers. */
export const POOL = POOL_MODELS.filter((model) => !CREDIT_WORLD_HEADER_MODELS.includes(model));
/** 20 favourites: 19 served (the named ones and pool models of the three tiers) and one that is not. */
export const FAVOURITES: readonly string[] = [...NAMED_SERVED, ...POOL.slice(0, 19 - NAMED_SERVED.length), UNSERVED];

const RUNS = 7;
const SEED = 8200;
const TIMEOUT_MS = 20_000;
const HOUR_MS = 3_600_000;
/** A second open within the day the offers are kept for, past the minute the free sources are. */
const SECOND_OPEN_AFTER_MS = 2 * HOUR_MS;
/** An open after the offers' day has passed. */
const NEXT_DAY_AFTER_MS = 25 * HOUR_MS;

/** What the fake received while a step ran. */
interface Traffic {
  probes: number;
  offers: number;
  magicube: number;
}

export interface FirstOpenFigures {
  /** The first open: refreshAccount with the list until it resolved, then the view of the list. */
  openMs: number[];
  /** When the account record (the answer the popup follows) was first written, from the start of the open. */
  storedMs: number[];
  /** Per run, the slowest of the same free reads made alone, one after another. */
  slowestAloneMs: number[];
  /** Per source, and for one model's offer, their median time alone. */
  aloneMs: Record<string, number>;
  /** Served favourites whose row had a derived calls-left figure after the first open, fewest in any run. */
  fewestDerived: number;
  /** Whether the unserved favourite's row said so in every run. */
  unservedSaid: boolean;
  first: Traffic[];
  second: Traffic[];
  check: Array<Traffic & { ms: number; credits: number }>;
  nextDay: Traffic[];
}

const SERVED_COUNT = FAVOURITES.filter((model) => model !== UNSERVED).length;

function trafficSince(fake: FakeModelScope, from: number): Traffic {
  const requests = fake.requests.slice(from);
  return {
    probes: requests.filter((request) => request.method === 'POST' && request.path.startsWith('/v1/chat/completions')).length,
    offers: requests.filter((request) => isProviderList(request.path)).length,
    magicube: requests.filter((request) => isMagicube(request.path)).length,
  };
}

/** Runs `step` with the worker's clock (and only the worker's: the fake keeps its own) moved on by `afterMs`. */
async function later<T>(afterMs: number, step: () => Promise<T>): Promise<T> {
  const realNow = Date.now;
  Date.now = () => realNow() + afterMs;
  try {
    return await step();
  } finally {
    Date.now = realNow;
  }
}

export async function measureFirstOpen(fake: FakeModelScope): Promise<FirstOpenFigures> {
  try {
    return await measure(fake, await loadWorkerModules());
  } finally {
    restoreFetch();
  }
}

async function measure(fake: FakeModelScope, worker: WorkerModules): Promise<FirstOpenFigures> {
  const figures: FirstOpenFigures = {
    openMs: [],
    storedMs: [],
    slowestAloneMs: [],
    aloneMs: {},
    fewestDerived: SERVED_COUNT,
    unservedSaid: true,
    first: [],
    second: [],
    check: [],
    nextDay: [],
  };
  const alone = new Map<string, number[]>([...READS.map(([name]) => [name, []] as [string, number[]]), ['offer', []]]);
  const account = await worker.account();
  for (let run = 0; run < RUNS; run += 1) {
    await startRun(fake, { world: 'credits', chat: REALISTIC, freeReads: FREE_READ_LATENCY, seed: SEED + run });
    await fakeBrowser.storage.local.set(seededList([...FAVOURITES]));

    const readAlone = async () => {
      const since = startOfQuotaDays(LEDGER_DAYS, Date.now());
      const times: number[] = [];
      for (const [name, read] of READS) {
        const ms = await timed(() => read(BENCH_KEY, since));
        alone.get(name)!.push(ms);
        times.push(ms);
      }
      for (const model of FAVOURITES) {
        const ms = await timed(() => readModelOffer(model, { site: 'cn', timeoutMs: TIMEOUT_MS }));
        alone.get('offer')!.push(ms);
        times.push(ms);
      }
      figures.slowestAloneMs.push(Math.max(...times));
    };

    const firstOpen = async () => {
      const from = fake.requests.length;
      let storedAt: number | null = null;
      const onStored = (changes: Record<string, unknown>) => void (storedAt ??= 'accounts' in changes ? performance.now() : null);
      fakeBrowser.storage.local.onChanged.addListener(onStored);
      const started = performance.now();
      let rows;
      try {
        await worker.refresh.refreshAccount(account, { models: FAVOURITES });
        rows = (await worker.view.viewOf(account, FAVOURITES)).rows;
      } finally {
        fakeBrowser.storage.local.onChanged.removeListener(onStored);
      }
      figures.openMs.push(performance.now() - started);
      figures.storedMs.push((storedAt ?? Number.NaN) - started);
      figures.first.push(trafficSince(fake, from));
      const derived = rows.filter((row) => row.model !== UNSERVED && row.callsLeft.kind === 'derived').length;
      figures.fewestDerived = Math.min(figures.fewestDerived, derived);
      figures.unservedSaid &&= rows.find((row) => row.model === UNSERVED)?.callsLeft.kind === 'unserved';
    };
    // Taking turns at going first, so neither always meets a warmer connection pool. The reads alone keep nothing.
    for (const step of run % 2 === 0 ? [readAlone, firstOpen] : [firstOpen, readAlone]) await step();

    // The popup opened again within the day: the free sources are read again (older than a minute), the offers not.
    let from = fake.requests.length;
    await later(SECOND_OPEN_AFTER_MS, () => worker.refresh.refreshAccount(account, { models: FAVOURITES }));
    figures.second.push(trafficSince(fake, from));

    // Then a Check of the list, every price known from the list.
    from = fake.requests.length;
    const balanceBefore = fake.creditBalance(BENCH_KEY).available;
    const checkMs = await later(SECOND_OPEN_AFTER_MS, () => timed(() => worker.checking.checkAndKeep(account, FAVOURITES)));
    const credits = Math.round((balanceBefore - fake.creditBalance(BENCH_KEY).available) * 100) / 100;
    figures.check.push({ ...trafficSince(fake, from), ms: checkMs, credits });

    // A day later, the offers are due again.
    from = fake.requests.length;
    await later(NEXT_DAY_AFTER_MS, () => worker.refresh.refreshAccount(account, { models: FAVOURITES }));
    figures.nextDay.push(trafficSince(fake, from));
  }
  figures.aloneMs = Object.fromEntries([...alone].map(([name, times]) => [name, median(times)]));
  return figures;
}

const spread = (values: readonly number[]) => (Math.min(...values) === Math.max(...values) ? String(values[0]) : `${Math.min(...values)}–${Math.max(...values)}`);
const hours = (ms: number) => `${ms / HOUR_MS} h`;

export function firstOpenSection(figures: FirstOpenFigures): Section {
  const openMs = median(figures.openMs);
  const slowestMs = median(figures.slowestAloneMs);
  const ratio = openMs / slowestMs;
  const fastMet = ratio <= BUDGETS.firstOpenRatio;
  const freeMet = figures.first.every((traffic) => traffic.probes === 0);
  const answerMet = figures.fewestDerived === SERVED_COUNT && figures.unservedSaid;
  const secondMet = figures.second.every((traffic) => traffic.offers === 0);
  const checkMet = figures.check.every((check) => check.probes === 0 && check.offers === 0 && check.credits === 0);
  const { offer, ...sources } = figures.aloneMs;
  const traffic = (all: Traffic[], pick: (t: Traffic) => number) => spread(all.map(pick));
  return {
    title: `The first open of a new key: ${FAVOURITES.length} favourites, nothing stored (median)`,
    columns: ['figure', 'runs', 'ours', 'beside it', 'ratio', 'budget', 'result'],
    rows: [
      [
        'first open → every served favourite\'s calls left (refreshAccount with the list, then the view)',
        String(figures.openMs.length),
        formatMs(openMs),
        `slowest free read alone: ${formatMs(slowestMs)}`,
        `${ratio.toFixed(2)} ×`,
        `≤ ${BUDGETS.firstOpenRatio} ×`,
        verdict(fastMet),
      ],
      ['— the account record written (what the popup follows)', '', formatMs(median(figures.storedMs)), '', '', '', ''],
      [
        '— each read alone',
        '',
        '',
        [...Object.entries(sources).map(([name, ms]) => `${name} ${formatMs(ms)}`), `one model's offer ${formatMs(offer ?? Number.NaN)}`].join(', '),
        '',
        '',
        '',
      ],
      [
        'first open: paid calls; free reads (Magicube, provider list)',
        String(figures.first.length),
        `${traffic(figures.first, (t) => t.probes)}; ${traffic(figures.first, (t) => t.magicube)}, ${traffic(figures.first, (t) => t.offers)}`,
        `served favourites with calls left: ${figures.fewestDerived} of ${SERVED_COUNT} (fewest); the unserved one says so: ${figures.unservedSaid ? 'yes' : 'no'}`,
        '—',
        `0 paid calls; all ${SERVED_COUNT} answered`,
        `${verdict(freeMet)}; ${verdict(answerMet)}`,
      ],
      [
        `a second open, ${hours(SECOND_OPEN_AFTER_MS)} later: provider-list reads (Magicube reads)`,
        String(figures.second.length),
        `${traffic(figures.second, (t) => t.offers)} (${traffic(figures.second, (t) => t.magicube)})`,
        '—',
        '—',
        '0 provider-list reads',
        verdict(secondMet),
      ],
      [
        'a Check then, every price known: paid calls, provider-list reads, credits',
        String(figures.check.length),
        `${traffic(figures.check, (t) => t.probes)}, ${traffic(figures.check, (t) => t.offers)}, ${spread(figures.check.map((c) => c.credits))}`,
        `in ${formatMs(median(figures.check.map((c) => c.ms)))}`,
        '—',
        '0, 0, 0',
        verdict(checkMet),
      ],
      [
        `an open ${hours(NEXT_DAY_AFTER_MS)} after the first: provider-list reads (Magicube reads)`,
        String(figures.nextDay.length),
        `${traffic(figures.nextDay, (t) => t.offers)} (${traffic(figures.nextDay, (t) => t.magicube)})`,
        'offers are re-read once a day',
        '—',
        '—',
        '—',
      ],
    ],
    notes: [
      `A new key (nothing stored but the key and a list of ${FAVOURITES.length} favourites: ${NAMED_SERVED.length} named ` +
        `models the provider list serves, ${FAVOURITES.length - NAMED_SERVED.length - 1} pool models of the three tiers, and ` +
        `${UNSERVED}, which only DashScope serves). The worker's real \`refreshAccount(account, {models})\`, as the ` +
        "popup's `refresh` command runs it on open, on WXT's fake browser against the fake in its credit world; every " +
        `free read (the five Magicube reads and each model's provider list) is held ${FREE_READ_LATENCY.latencyMs} ms + ` +
        `0–${FREE_READ_LATENCY.jitterMs} ms (seeded) on its way to the fake, probes ${REALISTIC.latencyMs} ms + ` +
        `0–${REALISTIC.jitterMs} ms.`,
      'The open is timed until `refreshAccount` resolved (the record kept, then the badge, history and alerts) and the ' +
        "view of the list (`viewOf`) was derived, whose rows are then judged: every served favourite's must have a " +
        "calls-left figure derived from the balance and the list's price. Beside it, each run makes the same " +
        `${READS.length + FAVOURITES.length} free reads alone, one after another (taking turns with the open at going ` +
        "first); the ratio is the median open over the median of each run's slowest read alone.",
      'Paid calls: chat completions the fake received. The later steps move the worker\'s clock on (the fake keeps its ' +
        `own): the second open and the Check ${hours(SECOND_OPEN_AFTER_MS)} after the first, the last one ` +
        `${hours(NEXT_DAY_AFTER_MS)} after. The Check is the worker's real \`checkAndKeep\` of the list; credits are the ` +
        "fake's balance before and after.",
    ],
    budgets: [
      { name: 'first open: every served favourite answered within the budget of the slowest free read', met: fastMet },
      { name: 'first open: 0 paid calls', met: freeMet },
      { name: 'first open: every served favourite has its calls left', met: answerMet },
      { name: 'second open within a day: 0 provider-list reads', met: secondMet },
      { name: 'a Check with every price known: 0 paid calls, 0 provider-list reads', met: checkMet },
    ],
  };
}
