// Wall time of a batch for each strategy, on an unlimited upstream and on one that limits concurrency.
import { DEFAULT_RETRY_POLICY } from '@src/engine/retry';
import { DEFAULT_CHECK_SETTINGS } from '@src/storage/check-settings-schema';
import type { FakeModelScope, FakeModelScopeRuntimeOptions } from '@test/fake-modelscope/server';
import { fetchRoutedTo } from '@test/support/routed-fetch';
import { BUDGETS } from './budgets';
import { endsWithNumbers, STRATEGIES, type StrategyName } from './engines';
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
}

export interface SizeResult {
  models: number;
  runs: number;
  figures: Record<StrategyName, StrategyFigures>;
}

const SEED = 6000;

/**
 * Run r of every size uses seed SEED + r for all three strategies, so they meet the same jitter and the same
 * failures; the strategies take turns within a run so drift hits them alike.
 */
export async function measureWallTime(
  fake: FakeModelScope,
  upstream: FakeModelScopeRuntimeOptions,
  plan: readonly SizePlan[],
): Promise<SizeResult[]> {
  const fetchFn = fetchRoutedTo(fake);
  for (const strategy of STRATEGIES) {
    resetUpstream(fake, upstream, SEED);
    await strategy.engine(fetchFn)(benchModels(1)); // untimed warm-up: module and connection set-up
  }
  const results: SizeResult[] = [];
  for (const { models, runs } of plan) {
    const ids = benchModels(models);
    const times = new Map<StrategyName, number[]>(STRATEGIES.map((s) => [s.name, []]));
    const lost = new Map<StrategyName, number[]>(STRATEGIES.map((s) => [s.name, []]));
    for (let run = 0; run < runs; run += 1) {
      for (const strategy of STRATEGIES) {
        resetUpstream(fake, upstream, SEED + run);
        const engine = strategy.engine(fetchFn);
        const started = performance.now();
        const outcomes = await engine(ids);
        times.get(strategy.name)!.push(performance.now() - started);
        lost.get(strategy.name)!.push(outcomes.filter((outcome) => !endsWithNumbers(outcome)).length);
      }
    }
    const figuresOf = (name: StrategyName): StrategyFigures => ({
      medianMs: median(times.get(name)!),
      worstLost: Math.max(...lost.get(name)!),
    });
    results.push({
      models,
      runs,
      figures: { ours: figuresOf('ours'), oneAfterAnother: figuresOf('oneAfterAnother'), allAtOnce: figuresOf('allAtOnce') },
    });
  }
  return results;
}

const { concurrency, timeoutSeconds, cacheSeconds } = DEFAULT_CHECK_SETTINGS;
const STRATEGY_NOTE =
  `All three send the same probe (\`probeModel\`) with the same retries (${DEFAULT_RETRY_POLICY.maxRetries}, after ~0.3 s ` +
  `and ~0.6 s); ours is the real \`checkModels\` at the default settings (${concurrency} at once, ${timeoutSeconds} s ` +
  `timeout, ${cacheSeconds} s cache) with a fresh in-memory cache and single-flight each run. One after the other is ` +
  'how the original Go service works, everything at once the Python one.';

export function unlimitedSection(results: readonly SizeResult[], upstreamNote: string): Section {
  const budgets: Budget[] = [];
  const rows = results.map(({ models, runs, figures }) => {
    const ratio = figures.ours.medianMs / figures.allAtOnce.medianMs;
    const limit = BUDGETS.wallTimeRatio(models);
    const met = limit === null ? null : ratio <= limit;
    if (met !== null) budgets.push({ name: `wall time, ${models} models: ours / everything at once`, met });
    return [
      String(models),
      String(runs),
      formatMs(figures.ours.medianMs),
      formatMs(figures.oneAfterAnother.medianMs),
      formatMs(figures.allAtOnce.medianMs),
      `${ratio.toFixed(2)} ×`,
      `${figures.ours.worstLost} / ${figures.oneAfterAnother.worstLost} / ${figures.allAtOnce.worstLost}`,
      limit === null ? '—' : `≤ ${limit} ×`,
      met === null ? '—' : verdict(met),
    ];
  });
  return {
    title: 'Wall time of a check, unlimited upstream (median)',
    columns: ['models', 'runs', 'ours', 'one after the other', 'everything at once', 'ours / at once', 'no numbers, worst run (ours / one / all)', 'budget', 'result'],
    rows,
    notes: [upstreamNote, STRATEGY_NOTE],
    budgets,
  };
}

export function limitedSection(results: readonly SizeResult[], upstreamNote: string): Section {
  const budgets: Budget[] = [];
  const cell = ({ medianMs, worstLost }: StrategyFigures) => `${formatMs(medianMs)}, ${worstLost} lost`;
  const rows = results.map(({ models, runs, figures }) => {
    const noneLost = figures.ours.worstLost <= BUDGETS.limitedLost;
    budgets.push({ name: `limited upstream, ${models} models: ours loses none`, met: noneLost });
    // One model is one probe whichever way it is scheduled: there is no order to win by.
    const timeMatters = models > 1;
    const faster = figures.ours.medianMs < figures.oneAfterAnother.medianMs;
    if (timeMatters) budgets.push({ name: `limited upstream, ${models} models: ours faster than one after the other`, met: faster });
    return [
      String(models),
      String(runs),
      cell(figures.ours),
      cell(figures.oneAfterAnother),
      cell(figures.allAtOnce),
      timeMatters ? 'none lost; faster than one after the other' : 'none lost',
      timeMatters ? `${verdict(noneLost)}; ${verdict(faster)}` : verdict(noneLost),
    ];
  });
  return {
    title: `Wall time and models left without numbers, upstream limited to ${IN_FLIGHT_LIMIT} in flight (median time; lost = most models without numbers in any run)`,
    columns: ['models', 'runs', 'ours', 'one after the other', 'everything at once', 'budget (ours)', 'result'],
    rows,
    notes: [upstreamNote, 'For one model only "none lost" is judged: one probe is one probe however it is scheduled.'],
    budgets,
  };
}
