// Wall time of a batch for each strategy, on an unlimited upstream and on one that limits concurrency.
import { CONCURRENCY_CEILING } from '@src/engine/adaptive-limiter';
import { DEFAULT_RETRY_POLICY } from '@src/engine/retry';
import { DEFAULT_CHECK_SETTINGS } from '@src/storage/check-settings-schema';
import type { FakeModelScope, FakeModelScopeRuntimeOptions } from '@test/fake-modelscope/server';
import { fetchRoutedTo } from '@test/support/routed-fetch';
import { BUDGETS } from './budgets';
import { countTraffic, endsWithNumbers, type Strategy, type StrategyName } from './engines';
import { formatMs, verdict, type Budget, type Section } from './report';
import { median } from './stats';
import { benchModels, IN_FLIGHT_LIMIT, resetUpstream } from './upstream';

export interface SizePlan {
  models: number;
  runs: number;
}

export interface StrategyFigures {
  medianMs: number;
  /** Models that ended without numbers, in the worst run. */
  worstLost: number;
  /** The most requests in flight at once, in any run. */
  peakInFlight: number;
  /** Requests sent (refusals and retries included) and paid calls (2xx), in the median run. */
  requests: number;
  paid: number;
  /** The most requests any one model got, in any run. */
  mostOnOneModel: number;
}

export interface SizeResult {
  models: number;
  runs: number;
  figures: Partial<Record<StrategyName, StrategyFigures>>;
}

const SEED = 6000;

/**
 * Run r of every size uses seed SEED + r for all strategies, so they meet the same jitter and the same failures; the
 * strategies take turns within a run so drift hits them alike.
 */
export async function measureWallTime(
  fake: FakeModelScope,
  upstream: FakeModelScopeRuntimeOptions,
  plan: readonly SizePlan[],
  strategies: readonly Strategy[],
): Promise<SizeResult[]> {
  const routed = fetchRoutedTo(fake);
  for (const strategy of strategies) {
    resetUpstream(fake, upstream, SEED);
    await strategy.engine(routed)(benchModels(1)); // untimed warm-up: module and connection set-up
  }
  const results: SizeResult[] = [];
  for (const { models, runs } of plan) {
    const ids = benchModels(models);
    const samples = new Map(strategies.map((s) => [s.name, [] as Array<{ ms: number; lost: number; traffic: ReturnType<typeof countTraffic> }>]));
    for (let run = 0; run < runs; run += 1) {
      for (const strategy of strategies) {
        resetUpstream(fake, upstream, SEED + run);
        const traffic = countTraffic(routed);
        const engine = strategy.engine(traffic.fetchFn);
        const started = performance.now();
        const outcomes = await engine(ids);
        const ms = performance.now() - started;
        samples.get(strategy.name)!.push({ ms, lost: outcomes.filter((outcome) => !endsWithNumbers(outcome)).length, traffic });
      }
    }
    const figures: SizeResult['figures'] = {};
    for (const [name, runsOf] of samples) {
      figures[name] = {
        medianMs: median(runsOf.map((s) => s.ms)),
        worstLost: Math.max(...runsOf.map((s) => s.lost)),
        peakInFlight: Math.max(...runsOf.map((s) => s.traffic.peakInFlight())),
        requests: median(runsOf.map((s) => s.traffic.requests())),
        paid: median(runsOf.map((s) => s.traffic.paid())),
        mostOnOneModel: Math.max(...runsOf.map((s) => s.traffic.mostOnOneModel())),
      };
    }
    results.push({ models, runs, figures });
  }
  return results;
}

const { concurrency, timeoutSeconds, cacheSeconds } = DEFAULT_CHECK_SETTINGS;
const STRATEGY_NOTE =
  `All send the same probe (\`probeModel\`) with the same retries (${DEFAULT_RETRY_POLICY.maxRetries}, after ~0.3 s ` +
  `and ~0.6 s); ours is the real \`checkModels\` at the default settings (starting at ${concurrency} at once, halving on ` +
  `"too many at once" and growing back by one for each accepted answer up to ${CONCURRENCY_CEILING}; ${timeoutSeconds} s timeout, ` +
  `${cacheSeconds} s cache) with a fresh in-memory cache and single-flight each run. One after the other is how the ` +
  'original Go service works, everything at once the Python one.';
const IN_FLIGHT_NOTE =
  'In flight: requests sent and not yet answered, counted on their way out of the checker, in any run of any size.';

function figuresOf(result: SizeResult, name: StrategyName): StrategyFigures {
  const figures = result.figures[name];
  if (!figures) throw new Error(`no figures of ${name}`);
  return figures;
}

/** The "never more than 20 in flight" budget, over every run of every size. */
function inFlightBudget(results: readonly SizeResult[], section: string): Budget {
  const peak = Math.max(...results.map((result) => figuresOf(result, 'ours').peakInFlight));
  return { name: `${section}: ours never more than ${BUDGETS.mostInFlight} in flight (most: ${peak})`, met: peak <= BUDGETS.mostInFlight };
}

export function unlimitedSection(results: readonly SizeResult[], upstreamNote: string): Section {
  const budgets: Budget[] = [];
  const rows = results.map((result) => {
    const [ours, one, all] = (['ours', 'oneAfterAnother', 'allAtOnce'] as const).map((name) => figuresOf(result, name));
    const ratio = ours!.medianMs / all!.medianMs;
    const limit = BUDGETS.wallTimeRatio(result.models);
    const met = limit === null ? null : ratio <= limit;
    if (met !== null) budgets.push({ name: `wall time, ${result.models} models: ours / everything at once`, met });
    return [
      String(result.models),
      String(result.runs),
      formatMs(ours!.medianMs),
      formatMs(one!.medianMs),
      formatMs(all!.medianMs),
      `${ratio.toFixed(2)} ×`,
      String(ours!.peakInFlight),
      `${ours!.worstLost} / ${one!.worstLost} / ${all!.worstLost}`,
      limit === null ? '—' : `≤ ${limit} ×`,
      met === null ? '—' : verdict(met),
    ];
  });
  const inFlight = inFlightBudget(results, 'unlimited upstream');
  return {
    title: 'Wall time of a check, unlimited upstream (median)',
    columns: ['models', 'runs', 'ours', 'one after the other', 'everything at once', 'ours / at once', 'most in flight (ours)', 'no numbers, worst run (ours / one / all)', 'budget', 'result'],
    rows,
    notes: [upstreamNote, STRATEGY_NOTE, `${IN_FLIGHT_NOTE} Budget ≤ ${BUDGETS.mostInFlight}: ${verdict(inFlight.met)}.`],
    budgets: [...budgets, inFlight],
  };
}

export function limitedSection(results: readonly SizeResult[], upstreamNote: string): Section {
  const budgets: Budget[] = [];
  const rows = results.map((result) => {
    const [ours, fixed, all] = (['ours', 'fixedBound', 'allAtOnce'] as const).map((name) => figuresOf(result, name));
    const noneLost = ours!.worstLost <= BUDGETS.limitedLost;
    budgets.push({ name: `limited upstream, ${result.models} models: ours loses none`, met: noneLost });
    const ratio = ours!.medianMs / fixed!.medianMs;
    // One model is one probe whichever way it is scheduled: there is no order to win by.
    const timeMatters = result.models > 1;
    const fast = ratio <= BUDGETS.limitedRatio;
    if (timeMatters) budgets.push({ name: `limited upstream, ${result.models} models: ours / fixed bound of ${IN_FLIGHT_LIMIT}`, met: fast });
    return [
      String(result.models),
      String(result.runs),
      formatMs(ours!.medianMs),
      formatMs(fixed!.medianMs),
      formatMs(all!.medianMs),
      `${ratio.toFixed(2)} ×`,
      `${ours!.requests} (${ours!.paid} paid, most ${ours!.mostOnOneModel} on one) / ${fixed!.requests} (${fixed!.paid} paid)`,
      String(ours!.peakInFlight),
      `${ours!.worstLost} / ${fixed!.worstLost} / ${all!.worstLost}`,
      timeMatters ? `none lost; ≤ ${BUDGETS.limitedRatio} ×` : 'none lost',
      timeMatters ? `${verdict(noneLost)}; ${verdict(fast)}` : verdict(noneLost),
    ];
  });
  const inFlight = inFlightBudget(results, 'limited upstream');
  return {
    title: `Wall time and models left without numbers, upstream limited to ${IN_FLIGHT_LIMIT} in flight (median time; lost = most models without numbers in any run)`,
    columns: [
      'models',
      'runs',
      'ours',
      `fixed bound of ${IN_FLIGHT_LIMIT}`,
      'everything at once',
      `ours / fixed ${IN_FLIGHT_LIMIT}`,
      `requests, median run: ours / fixed ${IN_FLIGHT_LIMIT}`,
      'most in flight (ours)',
      `no numbers, worst run (ours / fixed ${IN_FLIGHT_LIMIT} / all)`,
      'budget (ours)',
      'result',
    ],
    rows,
    notes: [
      upstreamNote,
      `Fixed bound of ${IN_FLIGHT_LIMIT}: the same probes and retries, never more nor fewer than ${IN_FLIGHT_LIMIT} in flight: ` +
        'the best a fixed bound can do against this upstream. One after the other never meets the limit (see above).',
      'Requests count refusals (free, retried as ever) and retries; a paid call is a 2xx, one per model that ended with ' +
        'numbers. For one model only "none lost" is judged: one probe is one probe however it is scheduled.',
      `${IN_FLIGHT_NOTE} Budget ≤ ${BUDGETS.mostInFlight}: ${verdict(inFlight.met)}.`,
    ],
    budgets: [...budgets, inFlight],
  };
}
