// Quota spent in a realistic session: the popup opened 10 times in 5 minutes, Check pressed each time, one schedule.
import { SingleFlight } from '@src/engine/single-flight';
import type { ProbeOutcome } from '@src/modelscope/probe';
import type { FakeModelScope } from '@test/fake-modelscope/server';
import { fetchRoutedTo } from '@test/support/routed-fetch';
import { allAtOnce, CACHE_MAX_AGE_MS, ourEngine, type Engine } from './engines';
import { MemoryResultCache } from './memory-cache';
import { verdict, type Section } from './report';
import { REAL_IDS, REALISTIC, resetUpstream } from './upstream';

const SESSION_MODELS = REAL_IDS.slice(0, 5);
const OPENS = 10;
const OPEN_EVERY_MS = 30_000;
const OVERLAPPED_OPEN = 3;
/** The schedule fires 0.1 s after the fourth open, while that check's probes are still in flight. */
const SCHEDULE_AT_MS = OVERLAPPED_OPEN * OPEN_EVERY_MS + 100;
const SEED = 6100;

/** Real time while a check runs; idle time between events is skipped, so 5 minutes take seconds. */
class SkippingClock {
  private readonly origin = performance.now();
  private skipped = 0;
  readonly now = () => performance.now() - this.origin + this.skipped;

  async advanceTo(at: number, running: readonly Promise<unknown>[]): Promise<void> {
    const wait = at - this.now();
    if (wait <= 0) return;
    await Promise.race([Promise.allSettled(running), new Promise((resolve) => setTimeout(resolve, wait))]);
    this.skipped += Math.max(0, at - this.now());
  }
}

interface ProbeRecord {
  model: string;
  at: number;
  /** A 2xx spends one call; the fake's 503 gateway pages and 429s spend none. */
  spent: boolean;
}

export interface SessionFigures {
  sent: number;
  spent: number;
  mostSpentOnOneModel: number;
  /** Closest two spent calls on one model, in ms; Infinity when no model was called twice. */
  closestGapMs: number;
}

/** m:ss, with tenths when there are any. */
function clockTime(ms: number): string {
  const seconds = (ms % 60_000) / 1000;
  const text = Number.isInteger(seconds) ? String(seconds) : seconds.toFixed(1);
  return `${Math.floor(ms / 60_000)}:${seconds < 10 ? '0' : ''}${text}`;
}

function modelOf(body: RequestInit['body']): string | null {
  if (typeof body !== 'string') return null;
  const model: unknown = (JSON.parse(body) as { model?: unknown }).model;
  return typeof model === 'string' ? model : null;
}

function figuresOf(records: readonly ProbeRecord[]): SessionFigures {
  const spent = records.filter((record) => record.spent);
  const perModel = SESSION_MODELS.map((model) => spent.filter((r) => r.model === model).map((r) => r.at).sort((a, b) => a - b));
  const gaps = perModel.flatMap((times) => times.slice(1).map((at, index) => at - times[index]!));
  return {
    sent: records.length,
    spent: spent.length,
    mostSpentOnOneModel: Math.max(...perModel.map((times) => times.length)),
    closestGapMs: Math.min(Infinity, ...gaps),
  };
}

/** Plays the session against the fake with one checker; `makeEngine` gets a fetch that records every probe. */
async function playSession(
  fake: FakeModelScope,
  makeEngine: (fetchFn: typeof fetch, clock: SkippingClock) => Engine,
): Promise<SessionFigures> {
  resetUpstream(fake, REALISTIC, SEED);
  const clock = new SkippingClock();
  const records: ProbeRecord[] = [];
  const routed = fetchRoutedTo(fake);
  const recording: typeof fetch = async (input, init) => {
    const at = clock.now();
    const response = await routed(input, init);
    const model = modelOf(init?.body);
    if (model !== null) records.push({ model, at, spent: response.ok });
    return response;
  };
  const check = makeEngine(recording, clock);
  const events = [...Array.from({ length: OPENS }, (_, open) => open * OPEN_EVERY_MS), SCHEDULE_AT_MS].sort((a, b) => a - b);
  const running: Promise<unknown>[] = [];
  for (const at of events) {
    await clock.advanceTo(at, running);
    running.push(check(SESSION_MODELS));
  }
  await Promise.all(running);
  return figuresOf(records);
}

export async function measureQuotaSession(fake: FakeModelScope) {
  // Ours keeps one cache and one single-flight for the whole session, as the service worker does.
  const ours = await playSession(fake, (fetchFn, clock) =>
    ourEngine(fetchFn, { cache: new MemoryResultCache(clock.now), singleFlight: new SingleFlight<ProbeOutcome>() }),
  );
  const noCache = await playSession(fake, (fetchFn) => allAtOnce(fetchFn));
  return { ours, noCache };
}

export function quotaSection({ ours, noCache }: { ours: SessionFigures; noCache: SessionFigures }): Section {
  const met = ours.closestGapMs >= CACHE_MAX_AGE_MS;
  const row = (name: string, f: SessionFigures, budget: string, result: string) => [
    name,
    String(f.sent),
    String(f.spent),
    String(f.mostSpentOnOneModel),
    Number.isFinite(f.closestGapMs) ? `${(f.closestGapMs / 1000).toFixed(1)} s` : '—',
    budget,
    result,
  ];
  return {
    title: 'Quota spent in a session (5 models; popup opened 10 times in 5 minutes, Check pressed each time; one schedule)',
    columns: ['checker', 'probes sent', 'calls spent', 'most calls on one model', 'closest two calls on one model', 'budget', 'result'],
    rows: [
      row('ours (cache 60 s, single-flight)', ours, `no model twice within ${CACHE_MAX_AGE_MS / 1000} s`, verdict(met)),
      row('no cache, no single-flight (everything at once)', noCache, '—', '—'),
    ],
    notes: [
      `Checks at ${clockTime(0)}, ${clockTime(OPEN_EVERY_MS)}, … ${clockTime((OPENS - 1) * OPEN_EVERY_MS)}, and the ` +
        `schedule at ${clockTime(SCHEDULE_AT_MS)} while the ${clockTime(OVERLAPPED_OPEN * OPEN_EVERY_MS)} check is still in flight. ` +
        'Checks and probes run in real time against the realistic upstream; idle time between them is skipped on a ' +
        `clock that the cache reads, so a result stays fresh for a real ${CACHE_MAX_AGE_MS / 1000} s of session time.`,
      'A call is spent when the fake answers 2xx; a retried 503 gateway page spends nothing, so the budget is judged ' +
        'on spent calls. Both checkers retry the same way.',
    ],
    budgets: [{ name: 'quota session: no model probed twice within the cache age', met }],
  };
}
