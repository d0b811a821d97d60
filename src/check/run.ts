import type { Account } from '@src/account/active';
import { recordFor } from '@src/account/record';
import { readBeforeCheck, settleAfterCheck } from '@src/account/refresh';
import { latestResultsFor, sessionResultCache } from '@src/account/results';
import { planRows, type RowView } from '@src/account/rows';
import { viewOf } from '@src/account/view-of';
import { checkModels, type CheckedResult, type CheckOptions } from '@src/engine/check-models';
import { sleep } from '@src/engine/retry';
import { SingleFlight } from '@src/engine/single-flight';
import { oneAtATimePerKey } from '@src/lib/one-at-a-time';
import type { ProbeOutcome, ProbeResult } from '@src/modelscope/probe';
import { carriedQuotaHeaders, type CheckPlan } from '@src/quota/check-plan';
import { lastReset } from '@src/quota/reset-time';
import { checkSettingsItem, type CheckSettings } from '@src/storage/check-settings';
import { activeFavourites } from '@src/storage/favourite-lists';
import { pricesFor, type SitePrices } from '@src/storage/model-prices';
import { scheduleItem } from '@src/storage/schedule';
import {
  LEDGER_SETTLE_MS,
  lastUnseenCall,
  laneOrder,
  mayHavePaid,
  notSeenToday,
  readOnceShowing,
  readTodaysLedger,
  runLearningLane,
  type LearningContext,
} from './price-learning';
import { resultWriter, type ResultWriter } from './result-writer';

/** What a check of ours did. */
export interface CheckReport {
  /** One per model, in the order asked; a model spared by the plan appears (cached) when a result of it is stored. */
  items: CheckedResult[];
  /** The results of the models probed (or reused from the cache) by this check. */
  checked: CheckedResult[];
  /** Models not probed: their price is known and ModelScope reports no quota for them, so the balance says it all. */
  free: string[];
  /** Models not probed: the provider list says a ModelScope token cannot call them. */
  unserved: string[];
  /** Models whose price this check learned. */
  learned: string[];
  /** The models whose price was known once the check was done (the provider list's, learned, or set by hand). */
  priced: ReadonlySet<string>;
}

/** Shared by every check in this service worker's life, so simultaneous identical checks share one probe. */
const probesInFlight = new SingleFlight<ProbeOutcome>();

interface BatchOptions {
  force: boolean;
  onResult?: CheckOptions['onResult'];
  onAttempt?: CheckOptions['onAttempt'];
}

function runBatch(models: readonly string[], account: Account, settings: CheckSettings, options: BatchOptions) {
  return checkModels(models, account.apiKey, account.keyId, { cache: sessionResultCache, singleFlight: probesInFlight }, {
    site: account.site,
    concurrency: settings.concurrency,
    timeoutMs: settings.timeoutSeconds * 1000,
    cacheMaxAgeMs: settings.cacheSeconds * 1000,
    ...options,
  });
}

/** Our checks of one key run one after another: a paid call of one must never land in another's ledger window. */
const oneCheckAtATime = oneAtATimePerKey();

/** The prices the rows know (the provider list's, learned, or set by hand), and those this check learns as it goes. */
function priceBook(rows: readonly RowView[]) {
  const known = new Map(rows.flatMap((row) => (row.price ? [[row.model, row.price.price] as const] : [])));
  return {
    priceOf: (model: string) => known.get(model) ?? null,
    learn: (model: string, price: number) => void known.set(model, price),
  };
}
type PriceBook = ReturnType<typeof priceBook>;

interface CheckRun {
  account: Account;
  force: boolean;
  settings: CheckSettings;
  book: PriceBook;
  writer: ResultWriter;
  /** Every result of this check so far, by model. */
  results: Map<string, CheckedResult>;
}

/** Probes a batch concurrently; each result is stored as it arrives and kept for the reply. */
function probeBatch(run: CheckRun, models: readonly string[], onAttempt?: CheckOptions['onAttempt']) {
  return runBatch(models, run.account, run.settings, {
    force: run.force,
    onAttempt,
    onResult: (item) => {
      run.results.set(item.model, item);
      run.writer.add(item);
    },
  });
}

/**
 * Whether an attempt may have spent credits that the ledger will show: a call that carried quota headers is left out,
 * as an account still counted in calls may not pay in credits at all (see lastUnseenCall), so waiting for it to show
 * would only hold the lane up.
 */
const paidInCredits = (attempt: ProbeOutcome) => mayHavePaid(attempt) && !carriedQuotaHeaders(attempt);

/**
 * Probes the `probe` models, then learns the `learn` ones, then probes whatever was left unlearned. Gives the models
 * whose price it learned.
 *
 * Ordering: the `probe` models (known prices) go first, concurrently, so their rows fill at once. Their calls are paid
 * and show in the ledger too, so they must not overlap a learning window: the lane opens only once the ledger shows
 * them all (a read taken before them, and re-reads until the ledger has grown by at least their known prices, within
 * the lane's bounded re-reads). Without that, one of them showing late inside a window while the model learned has not
 * shown yet would be taken for its price. If the ledger never catches up, or fails, this check learns nothing and
 * probes the rest at once. learnPriceFromLedger's one-call guard turns anything else that moves (another app with the
 * same token) into `poisoned`. Models noted `not_seen` today, and those left when the lane stopped, go last.
 *
 * Calls an earlier check left unseen (see lastUnseenCall) would spoil the growth count, so then the lane instead waits,
 * before its first window, until LEDGER_SETTLE_MS has passed since the last call of ours; it does not wait when every
 * model it has is answered from the cache.
 */
async function runPlan(run: CheckRun, plan: CheckPlan, prices: SitePrices, latest: Record<string, ProbeResult>, now: number): Promise<string[]> {
  const { account, settings } = run;
  const waitedFor = plan.learn.filter((model) => !notSeenToday(prices, model, now));
  const later = plan.learn.filter((model) => notSeenToday(prices, model, now));
  if (waitedFor.length === 0) {
    await probeBatch(run, [...plan.probe, ...later]);
    return [];
  }
  let settledAt = lastUnseenCall(latest, prices) + LEDGER_SETTLE_MS;
  const context: LearningContext = {
    apiKey: account.apiKey,
    site: account.site,
    since: lastReset(now),
    timeoutMs: settings.timeoutSeconds * 1000,
    listed: (await recordFor(account.keyId))?.rates.value ?? [],
    now: Date.now,
    onLearned: (model, price) => run.book.learn(model, price.price),
    isFresh: async (model) => !run.force && (await sessionResultCache.get(account.keyId, model, settings.cacheSeconds * 1000)) !== null,
    settle: async () => {
      const wait = settledAt - Date.now();
      if (wait > 0) await sleep(Math.min(wait, LEDGER_SETTLE_MS));
    },
    probe: async (model) => {
      const attempts: ProbeOutcome[] = [];
      const [item] = await probeBatch(run, [model], (_, outcome) => void attempts.push(outcome));
      return { item: item!, attempts };
    },
  };

  let opening = null;
  if (plan.probe.length > 0 && settledAt <= Date.now()) {
    // Taken before their calls, not beside them: a call already showing in it would look as if it never showed.
    const base = await readTodaysLedger(context);
    let spent = 0;
    await probeBatch(run, plan.probe, (model, outcome) => {
      if (paidInCredits(outcome)) spent += Math.round((run.book.priceOf(model) ?? 0) * 100);
    });
    opening = base === null || spent === 0 ? base : await readOnceShowing(base, spent, context);
    if (opening === null) {
      await probeBatch(run, [...waitedFor, ...later]);
      return [];
    }
  } else if (plan.probe.length > 0) {
    let paid = false;
    await probeBatch(run, plan.probe, (_, outcome) => void (paid ||= paidInCredits(outcome)));
    if (paid) settledAt = Date.now() + LEDGER_SETTLE_MS;
  }

  const lane = await runLearningLane(laneOrder(waitedFor, latest), context, opening);
  if (lane.left.length > 0 || later.length > 0) await probeBatch(run, [...lane.left, ...later]);
  return [...lane.learned.keys()];
}

/**
 * Whether the free sources are read again after a check: when it probed a favourite paid in credits (it reported no
 * call quota, or its price is known), so the balance and the ledger show what it spent, unless the user turned the free
 * refresh off. A check of models with quota headers alone, or one that reused every result, reads nothing.
 */
async function spentCredits(probed: readonly CheckedResult[], book: PriceBook): Promise<boolean> {
  if (probed.length === 0) return false;
  const [favourites, { magicubeEveryMinutes }] = await Promise.all([activeFavourites(), scheduleItem.get()]);
  const paidInCredits = (item: CheckedResult) => item.error_kind === 'no_quota_headers' || book.priceOf(item.model) !== null;
  return magicubeEveryMinutes !== null && probed.some((item) => favourites.includes(item.model) && paidInCredits(item));
}

async function keepCheck(account: Account, models: readonly string[], force: boolean): Promise<CheckReport> {
  // The provider list first (free, and only where due): a price it gives is never paid for with a call to learn it.
  const before = await readBeforeCheck(account, models);
  const now = Date.now();
  const [settings, prices, latest, { rows }] = await Promise.all([
    checkSettingsItem.get(),
    pricesFor(account.site),
    latestResultsFor(account.keyId),
    viewOf(account, models),
  ]);
  const plan = planRows(rows, { forced: new Set(force ? models : []), probeEveryModel: settings.probeEveryModel });
  const writer = resultWriter(account.keyId);
  const run: CheckRun = { account, force, settings, book: priceBook(rows), writer, results: new Map() };
  let learned: string[];
  try {
    learned = await runPlan(run, plan, prices, latest, now);
  } finally {
    await writer.flush();
  }
  const spared = (model: string): CheckedResult | undefined => (Object.hasOwn(latest, model) ? { ...latest[model]!, cached: true } : undefined);
  const items = models.flatMap((model) => run.results.get(model) ?? spared(model) ?? []);
  const notProbed = new Set([...plan.free, ...plan.unserved]);
  const checked = items.filter((item) => !notProbed.has(item.model));
  const probed = checked.filter((item) => !item.cached);
  // Before the reply, so a page reading storage after its Check sees what the check spent.
  await settleAfterCheck(account, probed, { reread: await spentCredits(probed, run.book), before });
  const priced = new Set(models.filter((model) => run.book.priceOf(model) !== null));
  return { items, checked, free: plan.free, unserved: plan.unserved, learned, priced };
}

/**
 * A check of one of our saved accounts (the popup's Check, its ↻, the schedule): it probes only where a probe tells
 * something, and learns the price of a model whose price is unknown with its one call (see runPlan); `force` probes
 * every model named, fresh or not. Results are stored as they arrive, in a few writes, every one before this resolves;
 * what follows them comes once, at the end.
 */
export function checkAndKeep(account: Account, models: readonly string[], { force = false }: { force?: boolean } = {}): Promise<CheckReport> {
  return oneCheckAtATime(account.keyId, () => keepCheck(account, models, force));
}

/**
 * The models named, each probed (or its fresh result reused), as the original service did: nothing planned, learned,
 * stored or followed. What the contract's `balance` runs, for our pages and other extensions alike.
 */
export async function probeModels(account: Account, models: readonly string[], { force = false }: { force?: boolean } = {}): Promise<CheckedResult[]> {
  return runBatch(models, account, await checkSettingsItem.get(), { force });
}
