import type { Site } from '@src/contract';
import type { CheckedResult } from '@src/engine/check-models';
import { sleep } from '@src/engine/retry';
import type { LedgerRow, TierPrice } from '@src/modelscope/magicube-shapes';
import type { ProbeOutcome, ProbeResult } from '@src/modelscope/probe';
import { readSpendLedger } from '@src/modelscope/spend-ledger';
import { carriedQuotaHeaders } from '@src/quota/check-plan';
import { learnPriceFromLedger, type PriceLesson } from '@src/quota/learn-price';
import { ledgerCells, sumCells } from '@src/quota/ledger-cells';
import { lastReset } from '@src/quota/reset-time';
import { saveLearningNote, savePrice, type ModelPrice, type SitePrices } from '@src/storage/model-prices';

/**
 * The waits before each read of the spend ledger after one paid call of ours: six reads over about 3 s, for the
 * ledger's lag (a confirmed spend can take a moment to show). Bounded, because the check's reply waits for them.
 */
export const LEDGER_REREAD_DELAYS_MS: readonly number[] = [0, 250, 350, 500, 800, 1100];

/** How long after a paid call its spend may still show up in the ledger, as far as the lane waits for it. */
export const LEDGER_SETTLE_MS = LEDGER_REREAD_DELAYS_MS.reduce((sum, delay) => sum + delay, 0);

/** Today's ledger is a few rows (one per tier); two pages of 100 are more than enough. */
const LEDGER_PAGES = 2;

/** A probe the lane made through the engine: its result, and every request it sent (retries included). */
export interface LaneProbe {
  item: CheckedResult;
  attempts: readonly ProbeOutcome[];
}

export interface LearningContext {
  apiKey: string;
  /** The key's site: its ledger is read, and what is learned is kept as its price there. */
  site: Site;
  /** Epoch ms: the start of the Beijing day the check began in; the ledger is read from there. */
  since: number;
  timeoutMs: number;
  /** The tier prices ModelScope lists (the stored account picture), to check a movement without a count. */
  listed: readonly TierPrice[];
  /** One probe through the engine's path (cache, single-flight, retries), its row stored as soon as it answers. */
  probe(model: string): Promise<LaneProbe>;
  /** Told of each price as soon as it is learned (and stored), so its row can show it. */
  onLearned?(model: string, price: ModelPrice): void;
  /** Whether a fresh result of the model is at hand, so that its "probe" makes no call and needs no window. */
  isFresh?(model: string): Promise<boolean>;
  /** Waits, before the lane's first window, for paid calls made before it that the ledger may not show yet. */
  settle?(): Promise<void>;
  now(): number;
  rereadDelaysMs?: readonly number[];
  wait?(ms: number): Promise<void>;
}

/** Why the lane stopped before its last model; the models left are then probed without learning. */
export type LaneStop =
  /** The ledger did not answer (refused, not returned, unreachable…): nothing can be learned from it now. */
  | 'ledger_failed'
  /** A paid call of ours has not shown in the ledger yet: it could show in the next window and be taken for another. */
  | 'call_unseen'
  /** A request went unanswered (network, timeout): it may have been paid, and no window can account for it. */
  | 'call_unaccounted';

export interface LaneOutcome {
  /** The results of the models the lane probed, in order. */
  items: CheckedResult[];
  /** The prices learned, by model (already stored). */
  learned: Map<string, ModelPrice>;
  /** The models it did not probe because it stopped before them. */
  left: string[];
  stopped: LaneStop | null;
}

/** Today's ledger rows, or null when the ledger did not answer. Free. */
export async function readTodaysLedger(context: LearningContext): Promise<LedgerRow[] | null> {
  const outcome = await readSpendLedger(context.apiKey, { site: context.site, since: context.since, maxPages: LEDGER_PAGES, timeoutMs: context.timeoutMs });
  return outcome.ok ? outcome.rows : null;
}

/** Every credit the rows show spent, in hundredths. */
export function spentHundredths(rows: readonly LedgerRow[]): number {
  return sumCells([...ledgerCells(rows).values()]).hundredths;
}

/** A 2xx was answered in full: since 2026-08 that call is paid. A cached result made no call at all. */
export function madePaidCall(item: ProbeResult & { cached?: boolean }): boolean {
  return !item.cached && item.status !== null && item.status >= 200 && item.status < 300;
}

/** A request without an answer may still have reached ModelScope and been paid. */
function leftUnanswered(attempts: readonly ProbeOutcome[]): boolean {
  return attempts.some((attempt) => attempt.status === null);
}

/** A request answered 2xx was paid; one left unanswered may have been. */
export function mayHavePaid(attempt: ProbeOutcome): boolean {
  return attempt.status === null || (attempt.status >= 200 && attempt.status < 300);
}

/**
 * The order the lane takes: models that sent quota headers last time go last, as their price matters least (their
 * calls left come from the headers) and, unseen in the ledger, they stop the lane.
 */
export function laneOrder(models: readonly string[], results: Readonly<Record<string, ProbeResult>>): string[] {
  const counted = (model: string) => carriedQuotaHeaders(results[model]);
  return [...models.filter((model) => !counted(model)), ...models.filter(counted)];
}

/** A model whose paid call the ledger did not show today is not waited for again until tomorrow (a new Beijing day). */
export function notSeenToday(prices: SitePrices, model: string, now: number): boolean {
  const note = prices.notes[model];
  return note?.outcome === 'not_seen' && note.at >= lastReset(now);
}

/**
 * The last moment a paid call of ours was made that the ledger may not show yet, as the stored results tell: a
 * header-less 2xx whose window never closed (no price learned, nor a window noted poisoned, since the call); 0 when
 * none. Calls that carried quota headers are left out, as an account still counted by headers may not pay in credits
 * at all (their model gets one read in the lane, not a wait). Read from storage, so it holds across worker restarts.
 */
export function lastUnseenCall(latest: Readonly<Record<string, ProbeResult>>, prices: SitePrices): number {
  const shownSince = (model: string, at: number) => {
    const note = prices.notes[model];
    return (prices.models[model]?.learned_at ?? -1) >= at || (note?.outcome === 'poisoned' && note.at >= at);
  };
  const unseen = Object.values(latest)
    .filter((item) => madePaidCall(item) && !carriedQuotaHeaders(item))
    .map((item) => ({ model: item.model, at: Date.parse(item.checked_at) }))
    .filter(({ model, at }) => !shownSince(model, at));
  return Math.max(0, ...unseen.map(({ at }) => at));
}

/**
 * Reads the ledger until it shows at least `hundredths` more credits spent than `base` (our own calls made since
 * `base`), within the same bounded re-reads. Gives that read, or null when the ledger failed or never caught up.
 */
export async function readOnceShowing(base: readonly LedgerRow[], hundredths: number, context: LearningContext): Promise<LedgerRow[] | null> {
  const wait = context.wait ?? sleep;
  const floor = spentHundredths(base) + hundredths;
  for (const delay of context.rereadDelaysMs ?? LEDGER_REREAD_DELAYS_MS) {
    await wait(delay);
    const rows = await readTodaysLedger(context);
    if (rows === null) return null;
    if (spentHundredths(rows) >= floor) return rows;
  }
  return null;
}

type Watched = { lesson: PriceLesson; rows: LedgerRow[] } | null;

/** Re-reads the ledger after one call until it tells the call's price or that the window was spoiled. */
async function watchLedger(before: readonly LedgerRow[], delays: readonly number[], context: LearningContext): Promise<Watched> {
  const wait = context.wait ?? sleep;
  let last: Watched = { lesson: { kind: 'not_yet' }, rows: [...before] };
  for (const delay of delays) {
    await wait(delay);
    const rows = await readTodaysLedger(context);
    if (rows === null) return null;
    last = { lesson: learnPriceFromLedger(before, rows, context.listed, 1), rows };
    if (last.lesson.kind !== 'not_yet') return last;
  }
  return last;
}

/** Keeps what a window taught; a failed write is logged by its code, and the row shows the price as unknown. */
async function keepLesson(model: string, lesson: PriceLesson, context: LearningContext): Promise<ModelPrice | null> {
  const at = context.now();
  if (lesson.kind === 'learned') {
    const price: ModelPrice = { tier: lesson.tier, rawTier: lesson.rawTier, price: lesson.price, learned_at: at, source: 'ledger' };
    const saved = await savePrice(context.site, model, price);
    if (saved.ok) return price;
    console.warn(`ModelScope Quota: a learned price was not stored (${saved.problem.code})`);
    return null;
  }
  const saved = await saveLearningNote(context.site, model, { at, outcome: lesson.kind === 'poisoned' ? 'poisoned' : 'not_seen' });
  if (!saved.ok) console.warn(`ModelScope Quota: a learning note was not stored (${saved.problem.code})`);
  return null;
}

/** How one model's window ended: the read that opens the next window, or why the lane stops after this model. */
type WindowEnd = { next: LedgerRow[]; stop: null } | { next: null; stop: LaneStop };

/** One window: the probe, then the re-reads, then what they taught. */
async function learnOne(model: string, before: LedgerRow[], context: LearningContext, outcome: LaneOutcome): Promise<WindowEnd> {
  const { item, attempts } = await context.probe(model);
  outcome.items.push(item);
  const unaccounted: WindowEnd = { next: null, stop: 'call_unaccounted' };
  // Nothing was spent, so the same read still opens the next window.
  if (!madePaidCall(item)) return leftUnanswered(attempts) ? unaccounted : { next: before, stop: null };
  const delays = context.rereadDelaysMs ?? LEDGER_REREAD_DELAYS_MS;
  const glance = carriedQuotaHeaders(item) && spentHundredths(before) === 0;
  const watched = await watchLedger(before, glance ? delays.slice(0, 1) : delays, context);
  if (watched === null) return { next: null, stop: 'ledger_failed' };
  const { lesson, rows } = watched;
  if (lesson.kind !== 'not_yet' || !glance) {
    const price = await keepLesson(model, lesson, context);
    if (price) {
      outcome.learned.set(model, price);
      context.onLearned?.(model, price);
    }
  }
  if (lesson.kind === 'not_yet') return { next: null, stop: 'call_unseen' };
  return leftUnanswered(attempts) ? unaccounted : { next: rows, stop: null };
}

function stopped(outcome: LaneOutcome, reason: LaneStop, left: string[]): LaneOutcome {
  return { ...outcome, stopped: reason, left };
}

/**
 * The learning lane: learns the price of models whose price is unknown with the one call each that the check makes
 * anyway, one model at a time so that a window of the ledger holds one call of ours:
 * read the ledger (free) → probe (paid; its row is stored at once) → re-read for the lag → keep the price, or a note.
 *
 * - A window where something else moved too is noted `poisoned` and learns nothing; the next window starts from the
 *   last read, and the next Check tries that model again.
 * - A call the ledger never showed within the bounded re-reads is noted `not_seen`; the lane then stops, as that
 *   spend may still show and be taken for the next model's.
 * - A call that carried quota headers, while the ledger shows no spend today, gets one read, not the whole wait: its
 *   calls left come from the headers, and an account whose calls ModelScope counts that way may not pay them in
 *   credits at all. Unseen, it stops the lane without a note (its spend may still come).
 * - A failed probe (an HTTP error) was not paid: nothing to learn, the lane goes on. A request left unanswered may have
 *   been paid: the lane stops after that model.
 * - A ledger that does not answer, before or after, stops the lane and notes nothing: the account card already says
 *   the ledger did not answer, and nothing is known about the model.
 *
 * `opening` is a read already taken that shows every call of ours so far (see the check's ordering). The lane takes
 * at most one probe and LEDGER_REREAD_DELAYS_MS.length + 1 ledger reads per model, each with its own deadline.
 */
export async function runLearningLane(models: readonly string[], context: LearningContext, opening: LedgerRow[] | null = null): Promise<LaneOutcome> {
  const outcome: LaneOutcome = { items: [], learned: new Map(), left: [], stopped: null };
  let before = opening;
  let settled = opening !== null;
  for (const [index, model] of models.entries()) {
    if (await context.isFresh?.(model)) {
      const { item } = await context.probe(model);
      outcome.items.push(item);
      // Gone stale in between: a call was made after all, outside any window.
      if (madePaidCall(item)) return stopped(outcome, 'call_unseen', models.slice(index + 1));
      continue;
    }
    if (!settled) await context.settle?.();
    settled = true;
    before ??= await readTodaysLedger(context);
    if (before === null) return stopped(outcome, 'ledger_failed', models.slice(index));
    const end = await learnOne(model, before, context, outcome);
    if (end.stop !== null) return stopped(outcome, end.stop, models.slice(index + 1));
    before = end.next;
  }
  return outcome;
}
