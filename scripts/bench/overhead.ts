// What our engine adds to one probe (deadline, parsing, classification, limiter, single-flight, cache) over a bare fetch.
import { authHeaders, chatCompletionsUrl, probeRequestBody } from '@src/modelscope/endpoints';
import type { FakeModelScope } from '@test/fake-modelscope/server';
import { fetchRoutedTo } from '@test/support/routed-fetch';
import { BUDGETS } from './budgets';
import { freshDeps, ourEngine } from './engines';
import { formatMs, verdict, type Section } from './report';
import { median } from './stats';
import { BENCH_KEY, benchModels, INSTANT, resetUpstream } from './upstream';

const WARM_UP = 50;
const SAMPLES = 400;

export interface OverheadFigures {
  bareMs: number;
  oursMs: number;
  samples: number;
}

async function timed(task: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await task();
  return performance.now() - started;
}

export async function measureOverhead(fake: FakeModelScope): Promise<OverheadFigures> {
  const fetchFn = fetchRoutedTo(fake);
  const bare = async (model: string) => {
    // The very request probeModel sends; like it, keep the headers and let the body go.
    const response = await fetchFn(chatCompletionsUrl('cn'), {
      method: 'POST',
      headers: { ...authHeaders(BENCH_KEY), 'Content-Type': 'application/json' },
      body: probeRequestBody(model),
    });
    await response.body?.cancel();
  };
  const ours = (model: string) => ourEngine(fetchFn, freshDeps())([model]);
  const models = benchModels(10);
  const bareTimes: number[] = [];
  const ourTimes: number[] = [];
  for (let i = 0; i < WARM_UP + SAMPLES; i += 1) {
    resetUpstream(fake, INSTANT, i); // keeps the quota counters far from any limit
    const model = models[i % models.length]!;
    // Alternate which goes first, so neither always meets a warmer connection pool.
    const [first, second] = i % 2 === 0 ? [bare, ours] : [ours, bare];
    const firstMs = await timed(() => first(model));
    const secondMs = await timed(() => second(model));
    if (i < WARM_UP) continue;
    bareTimes.push(first === bare ? firstMs : secondMs);
    ourTimes.push(first === bare ? secondMs : firstMs);
  }
  return { bareMs: median(bareTimes), oursMs: median(ourTimes), samples: SAMPLES };
}

export function overheadSection({ bareMs, oursMs, samples }: OverheadFigures): Section {
  const overhead = oursMs - bareMs;
  const met = overhead < BUDGETS.overheadPerProbeMs;
  return {
    title: 'Overhead per probe (median)',
    columns: ['bare fetch', 'ours (checkModels, 1 model)', 'overhead', 'budget', 'result'],
    rows: [[formatMs(bareMs), formatMs(oursMs), formatMs(overhead), `< ${BUDGETS.overheadPerProbeMs} ms`, verdict(met)]],
    notes: [
      `${samples} probes each after ${WARM_UP} warm-ups, taking turns, against the fake with no latency over plain HTTP on ` +
        '127.0.0.1 (the fake runs in the same Node process, so its own work is in both figures alike).',
      'Ours is a whole `checkModels` call for one model with a fresh cache and single-flight: deadline, parsing, ' +
        'classification, limiter, single-flight, cache read and write. Overhead = median(ours) − median(bare).',
    ],
    budgets: [{ name: 'overhead per probe', met }],
  };
}
