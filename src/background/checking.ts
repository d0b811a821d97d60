import type { BalanceItem, Site } from '@src/contract';
import { checkModels, type CheckOptions } from '@src/engine/check-models';
import { sleep } from '@src/engine/retry';
import { SingleFlight } from '@src/engine/single-flight';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { quietly } from '@src/lib/quietly';
import type { ProbeOutcome } from '@src/modelscope/probe';
import { callsLeftFromCredits } from '@src/quota/calls-from-credits';
import { planCheck, type CheckPlan } from '@src/quota/check-plan';
import { lastReset } from '@src/quota/reset-time';
import { accountPictureFor } from '@src/storage/account-pictures';
import { checkSettingsItem, type CheckSettings } from '@src/storage/check-settings';
import { latestResultsFor } from '@src/storage/latest-results';
import { magicubeRecordFor } from '@src/storage/magicube-balance';
import { pricesFor, type SitePrices } from '@src/storage/model-prices';
import { sessionResultCache } from '@src/storage/result-cache';
import { alertOnResults } from './alerts';
import { refreshBadge } from './badge';
import { recordResults } from './history-recorder';
import { refreshAfterCheck } from './magicube-refresh';
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

/** What a check is asked to do: the key, its models, and whether to probe even models with a fresh result. */
export interface CheckTarget {
  apiKey: string;
  /** The key's site: where its probes go, and whose prices price them. */
  site: Site;
  models: readonly string[];
  force: boolean;
  /**
   * Our pages' Check of a list (and the schedule's): only models where a probe tells something are probed. Otherwise
   * the models named are probed, as the original service did.
   */
  planned: boolean;
}

/** What a check of ours did. */
export interface CheckReport {
  /** One per model, in the order asked; a model spared by the plan appears (cached) when a result of it is stored. */
  items: BalanceItem[];
  /** The results of the models probed (or reused from the cache) by this check. */
  checked: BalanceItem[];
  /** Models not probed: their price is known and ModelScope reports no quota for them, so the balance says it all. */
  free: string[];
  /** Models whose price this check learned. */
  learned: string[];
}

/** Shared by every check in this service worker's life, so simultaneous identical checks share one probe. */
const probesInFlight = new SingleFlight<ProbeOutcome>();

interface BatchOptions {
  force: boolean;
  onResult?: CheckOptions['onResult'];
  onAttempt?: CheckOptions['onAttempt'];
}

function runBatch(models: readonly string[], target: Pick<CheckTarget, 'apiKey' | 'site'>, keyId: string, settings: CheckSettings, options: BatchOptions) {
  return checkModels(models, target.apiKey, keyId, { cache: sessionResultCache, singleFlight: probesInFlight }, {
    site: target.site,
    concurrency: settings.concurrency,
    timeoutMs: settings.timeoutSeconds * 1000,
    cacheMaxAgeMs: settings.cacheSeconds * 1000,
    ...options,
  });
}

/**
 * What follows results once they are stored: the badge is redrawn from them, and those just probed go to the history
 * and the alerts (the free figures are read again once the whole check is over: refreshAfterCheck). One reused from the cache is not followed again: a check of ours followed it
 * when it was probed (and one another extension probed is that extension's business).
 */
function followStored(keyId: string, items: readonly BalanceItem[]): void {
  void quietly('the badge', refreshBadge);
  const probed = items.filter((item) => !item.cached);
  if (probed.length === 0) return;
  void quietly('history', () => recordResults(keyId, probed));
  void quietly('alerts', () => alertOnResults(keyId, probed));
}

/** Our checks of one key run one after another: a paid call of one must never land in another's ledger window. */
const checksByKey = new Map<string, Promise<unknown>>();

function oneCheckAtATime<T>(keyId: string, check: () => Promise<T>): Promise<T> {
  const running = (checksByKey.get(keyId) ?? Promise.resolve()).then(check, check);
  const settled = running.catch(() => undefined);
  checksByKey.set(keyId, settled);
  void settled.then(() => {
    if (checksByKey.get(keyId) === settled) checksByKey.delete(keyId);
  });
  return running;
}

/** Prices and the stored balance of one key: what turns a result into "≈ N calls left". */
function priceBook(prices: SitePrices, available: number | null) {
  const known = new Map(Object.entries(prices.models).map(([model, price]) => [model, price.price]));
  return {
    has: (model: string) => known.has(model),
    priceOf: (model: string) => known.get(model) ?? null,
    learn: (model: string, price: number) => void known.set(model, price),
    fill(item: BalanceItem): BalanceItem {
      const price = known.get(item.model) ?? null;
      return { ...item, price, calls_left_estimate: available === null ? null : callsLeftFromCredits(available, price) };
    },
  };
}
type PriceBook = ReturnType<typeof priceBook>;

/** Models named by the caller are all probed: those with a known price as usual, the others so as to learn it. */
function askedPlan(models: readonly string[], book: PriceBook): CheckPlan {
  return { learn: models.filter((model) => !book.has(model)), probe: models.filter((model) => book.has(model)), free: [] };
}

interface CheckRun {
  target: CheckTarget;
  keyId: string;
  settings: CheckSettings;
  book: PriceBook;
  writer: ResultWriter;
  /** Every result of this check so far, as stored (price filled in), by model. */
  results: Map<string, BalanceItem>;
}

/** Probes a batch concurrently; each result is priced, stored as it arrives and kept for the reply. */
function probeBatch(run: CheckRun, models: readonly string[], onAttempt?: CheckOptions['onAttempt']) {
  return runBatch(models, run.target, run.keyId, run.settings, {
    force: run.target.force,
    onAttempt,
    onResult: (item) => {
      const priced = run.book.fill(item);
      run.results.set(item.model, priced);
      run.writer.add(priced);
    },
  });
}

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
async function runPlan(run: CheckRun, plan: CheckPlan, prices: SitePrices, latest: Record<string, BalanceItem>, now: number): Promise<string[]> {
  const { target, settings } = run;
  const waitedFor = plan.learn.filter((model) => !notSeenToday(prices, model, now));
  const later = plan.learn.filter((model) => notSeenToday(prices, model, now));
  if (waitedFor.length === 0) {
    await probeBatch(run, [...plan.probe, ...later]);
    return [];
  }
  let settledAt = lastUnseenCall(latest, prices) + LEDGER_SETTLE_MS;
  const context: LearningContext = {
    apiKey: target.apiKey,
    site: target.site,
    since: lastReset(now),
    timeoutMs: settings.timeoutSeconds * 1000,
    listed: (await accountPictureFor(run.keyId))?.prices.value ?? [],
    now: Date.now,
    onLearned: (model, price) => {
      run.book.learn(model, price.price);
      const stored = run.results.get(model);
      if (!stored) return;
      const priced = run.book.fill(stored);
      run.results.set(model, priced);
      run.writer.amend(priced);
    },
    isFresh: async (model) => !target.force && (await sessionResultCache.get(run.keyId, model, settings.cacheSeconds * 1000)) !== null,
    settle: async () => {
      const wait = settledAt - Date.now();
      if (wait > 0) await sleep(Math.min(wait, LEDGER_SETTLE_MS));
    },
    probe: async (model) => {
      const attempts: ProbeOutcome[] = [];
      const [item] = await probeBatch(run, [model], (_, outcome) => void attempts.push(outcome));
      return { item: run.results.get(model) ?? item!, attempts };
    },
  };

  let opening = null;
  if (plan.probe.length > 0 && settledAt <= Date.now()) {
    // Taken before their calls, not beside them: a call already showing in it would look as if it never showed.
    const base = await readTodaysLedger(context);
    let spent = 0;
    await probeBatch(run, plan.probe, (model, outcome) => {
      if (mayHavePaid(outcome)) spent += Math.round((run.book.priceOf(model) ?? 0) * 100);
    });
    opening = base === null || spent === 0 ? base : await readOnceShowing(base, spent, context);
    if (opening === null) {
      await probeBatch(run, [...waitedFor, ...later]);
      return [];
    }
  } else if (plan.probe.length > 0) {
    let paid = false;
    await probeBatch(run, plan.probe, (_, outcome) => void (paid ||= mayHavePaid(outcome)));
    if (paid) settledAt = Date.now() + LEDGER_SETTLE_MS;
  }

  const lane = await runLearningLane(laneOrder(waitedFor, latest), context, opening);
  if (lane.left.length > 0 || later.length > 0) await probeBatch(run, [...lane.left, ...later]);
  return [...lane.learned.keys()];
}

async function keepCheck(target: CheckTarget, keyId: string): Promise<CheckReport> {
  const now = Date.now();
  const [settings, prices, latest, magicube] = await Promise.all([
    checkSettingsItem.get(),
    pricesFor(target.site),
    latestResultsFor(keyId),
    magicubeRecordFor(keyId),
  ]);
  const book = priceBook(prices, magicube?.status === 'ok' ? magicube.balance.available_balance : null);
  const plan = target.planned
    ? planCheck({
        models: target.models,
        pricedModels: new Set(Object.keys(prices.models)),
        results: latest,
        forced: new Set(target.force ? target.models : []),
        probeEveryModel: settings.probeEveryModel,
      })
    : askedPlan(target.models, book);
  const writer = resultWriter(keyId, (items) => followStored(keyId, items));
  const run: CheckRun = { target, keyId, settings, book, writer, results: new Map() };
  let learned: string[];
  try {
    learned = await runPlan(run, plan, prices, latest, now);
  } finally {
    await writer.flush();
  }
  const spared = (model: string) => {
    const stored = latest[model];
    return stored ? { ...book.fill(stored), cached: true } : undefined;
  };
  const items = target.models.flatMap((model) => run.results.get(model) ?? spared(model) ?? []);
  const checked = items.filter((item) => !plan.free.includes(item.model));
  // Before the reply, so a page that asks for the figures after its Check sees what the check spent.
  await quietly('the account refresh', () => refreshAfterCheck(keyId, checked));
  return { items, checked, free: plan.free, learned };
}

/**
 * A check for our own pages or the schedule. Results are stored as they arrive (a few writes, not one a model) and
 * each stored batch is followed at once; every result is stored before this resolves, so a caller that reads
 * storage after the reply sees them all. A planned check probes only where a probe tells something, and learns the
 * price of models whose price is unknown with their one call (see runPlan).
 */
export async function checkAndKeep(target: CheckTarget): Promise<CheckReport> {
  const keyId = await keyFingerprint(target.apiKey, target.site);
  return oneCheckAtATime(keyId, () => keepCheck(target, keyId));
}

/**
 * A check for another extension, with its own key and models: nothing is stored, followed or learned, so none of it
 * reaches our pages, the badge, the history or the alerts, and nothing we know (prices) reaches it. Its fresh results
 * may still be reused from the session cache.
 */
export async function checkForOtherExtension(target: Omit<CheckTarget, 'planned'>): Promise<BalanceItem[]> {
  const settings = await checkSettingsItem.get();
  const items = await runBatch(target.models, target, await keyFingerprint(target.apiKey, target.site), settings, { force: target.force });
  return items.map((item) => ({ ...item, price: null, calls_left_estimate: null }));
}
