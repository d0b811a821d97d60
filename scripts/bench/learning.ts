// The fallback of learning prices (issues 13 and 18): with the provider list down, the worker's real Check of 20 models
// whose price is not known learns each from the ledger around its one paid call, in the credit world (no quota
// headers): its paid calls and wall time beside a fixed-bound check of the same models, and what every later Check of
// them spends once their prices are known.
import { CREDIT_WORLD_HEADER_MODELS, POOL_MODELS } from '@test/fake-modelscope/behaviours';
import type { FakeModelScope } from '@test/fake-modelscope/server';
import { seededList } from '@test/support/seeds';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_CHECK_SETTINGS } from '@src/storage/check-settings-schema';
import { countTraffic, fixedBound, type Traffic } from './engines';
import { FREE_READ_LATENCY } from './free-read-latency';
import { formatMs, verdict, type Section } from './report';
import { median } from './stats';
import { BENCH_KEY, REALISTIC } from './upstream';
import { loadWorkerModules, restoreFetch, startRun, type UpstreamPlan, type WorkerModules } from './worker-modules';

const MODELS = POOL_MODELS.filter((model) => !CREDIT_WORLD_HEADER_MODELS.includes(model)).slice(0, 20);
const RUNS = 2;
const LATER_CHECKS = 2;
const SEED = 8300;
/** A confirmed spend shows in the fake's ledger this long after the call. */
const LEDGER_LAG_MS = 500;
const { concurrency } = DEFAULT_CHECK_SETTINGS;

interface CheckFigures {
  ms: number;
  paid: number;
  requests: number;
  mostPaidOnOneModel: number;
  credits: number;
}

export interface LearningFigures {
  first: CheckFigures[];
  fixed: CheckFigures[];
  /** Prices the first Check learned, in its worst run. */
  fewestLearned: number;
  later: CheckFigures[];
}

const plan = (run: number): UpstreamPlan => ({
  world: 'credits',
  chat: REALISTIC,
  ledgerLagMs: LEDGER_LAG_MS,
  freeReads: FREE_READ_LATENCY,
  providerListDown: true,
  seed: SEED + run,
});

/** Runs `check` with every probe counted, and the credits it spent read from the fake's balance. */
async function counted(fake: FakeModelScope, check: (fetchFn: typeof fetch) => Promise<unknown>): Promise<CheckFigures> {
  const traffic: Traffic = countTraffic(globalThis.fetch);
  const routed = globalThis.fetch;
  globalThis.fetch = traffic.fetchFn;
  const before = fake.creditBalance(BENCH_KEY).available;
  const started = performance.now();
  try {
    await check(traffic.fetchFn);
  } finally {
    globalThis.fetch = routed;
  }
  return {
    ms: performance.now() - started,
    paid: traffic.paid(),
    requests: traffic.requests(),
    mostPaidOnOneModel: traffic.mostPaidOnOneModel(),
    credits: Math.round((before - fake.creditBalance(BENCH_KEY).available) * 100) / 100,
  };
}

export async function measureLearning(fake: FakeModelScope): Promise<LearningFigures> {
  try {
    return await measure(fake, await loadWorkerModules());
  } finally {
    restoreFetch();
  }
}

async function measure(fake: FakeModelScope, worker: WorkerModules): Promise<LearningFigures> {
  const figures: LearningFigures = { first: [], fixed: [], fewestLearned: MODELS.length, later: [] };
  const account = await worker.account();
  for (let run = 0; run < RUNS; run += 1) {
    const firstCheck = async () => {
      await startRun(fake, plan(run));
      await fakeBrowser.storage.local.set(seededList(MODELS));
      let learned = 0;
      figures.first.push(await counted(fake, async () => void (learned = (await worker.checking.checkAndKeep(account, MODELS)).learned.length)));
      figures.fewestLearned = Math.min(figures.fewestLearned, learned);
      for (let later = 0; later < LATER_CHECKS; later += 1) {
        // As if the 60 s of the result cache had passed: only the plan can spare a call now.
        await fakeBrowser.storage.session.clear();
        figures.later.push(await counted(fake, () => worker.checking.checkAndKeep(account, MODELS)));
      }
    };
    const fixedCheck = async () => {
      await startRun(fake, plan(run));
      figures.fixed.push(await counted(fake, (fetchFn) => fixedBound(concurrency)(fetchFn)(MODELS)));
    };
    // Taking turns at going first.
    for (const step of run % 2 === 0 ? [firstCheck, fixedCheck] : [fixedCheck, firstCheck]) await step();
  }
  return figures;
}

export function learningSection({ first, fixed, fewestLearned, later }: LearningFigures): Section {
  const firstMs = median(first.map((f) => f.ms));
  const fixedMs = median(fixed.map((f) => f.ms));
  const paidMet = first.every((f) => f.paid === MODELS.length && f.mostPaidOnOneModel === 1);
  const learnedMet = fewestLearned === MODELS.length;
  const laterMet = later.every((f) => f.requests === 0 && f.credits === 0);
  const spread = (values: number[]) => (Math.min(...values) === Math.max(...values) ? String(values[0]) : `${Math.min(...values)}–${Math.max(...values)}`);
  return {
    title: `The fallback: the provider list down, ${MODELS.length} models whose price is not known yet (median)`,
    columns: ['check', 'runs', 'wall time', 'paid calls (most on one model)', 'requests', 'credits spent', 'budget', 'result'],
    rows: [
      [
        `the first Check (learns the prices): ${(firstMs / fixedMs).toFixed(2)} × the fixed bound's time`,
        String(first.length),
        formatMs(firstMs),
        `${spread(first.map((f) => f.paid))} (${spread(first.map((f) => f.mostPaidOnOneModel))})`,
        spread(first.map((f) => f.requests)),
        spread(first.map((f) => f.credits)),
        `${MODELS.length} paid calls, one a model; ${MODELS.length} prices learned (fewest: ${fewestLearned})`,
        `${verdict(paidMet)}; ${verdict(learnedMet)}`,
      ],
      [
        `a fixed bound of ${concurrency}, no learning`,
        String(fixed.length),
        formatMs(fixedMs),
        `${spread(fixed.map((f) => f.paid))} (${spread(fixed.map((f) => f.mostPaidOnOneModel))})`,
        spread(fixed.map((f) => f.requests)),
        spread(fixed.map((f) => f.credits)),
        '—',
        '—',
      ],
      [
        'every later Check (no headers, prices known)',
        String(later.length),
        formatMs(median(later.map((f) => f.ms))),
        spread(later.map((f) => f.paid)),
        spread(later.map((f) => f.requests)),
        spread(later.map((f) => f.credits)),
        '0 requests, 0 credits',
        verdict(laterMet),
      ],
    ],
    notes: [
      `The worker's real \`checkAndKeep\` (the popup's Check of its list, which holds the ${MODELS.length} models) on ` +
        `WXT's fake browser, against the fake in its credit world: the probes as above (${REALISTIC.latencyMs} ms + ` +
        `0–${REALISTIC.jitterMs} ms, ${(REALISTIC.transientFailureRate ?? 0) * 100} % 503 pages), Magicube requests held ` +
        `${FREE_READ_LATENCY.latencyMs} ms + 0–${FREE_READ_LATENCY.jitterMs} ms, and a spend showing in the ledger ` +
        `${LEDGER_LAG_MS} ms after its call. The provider list answers a 502 gateway page on both sites, so the first ` +
        'Check reads it (held as the other free reads) and gets no price; it then learns each price from the ledger ' +
        "around that model's one call, one model at a time, and ends by reading the free figures again. This is what " +
        'every new key paid before the provider list was read (issue 18).',
      `The fixed bound: the same probes and retries, ${concurrency} at once, with nothing learned or stored; the two take ` +
        'turns at going first. A paid call is a 2xx answer; credits spent are the fake\'s balance before and after.',
      `Later Checks: ${LATER_CHECKS} a run, each with the session's result cache emptied first (as once its 60 s have ` +
        'passed), so that nothing but the plan spares their calls; the provider list is still down, and its failed reads ' +
        'are not tried again within minutes.',
    ],
    budgets: [
      { name: `learning: the first Check of ${MODELS.length} new models pays ${MODELS.length} calls, one a model`, met: paidMet },
      { name: `learning: the first Check learns all ${MODELS.length} prices`, met: learnedMet },
      { name: 'learning: later Checks of those models spend nothing', met: laterMet },
    ],
  };
}
