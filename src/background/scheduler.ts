import { browser } from 'wxt/browser';
import { activeAccount } from '@src/account/active';
import { redrawBadge } from '@src/account/badge';
import { pruneHistory } from '@src/account/history';
import { refreshAccount } from '@src/account/refresh';
import { latestResultsFor } from '@src/account/results';
import { checkAndKeep } from '@src/check/run';
import type { ProbeResult } from '@src/modelscope/probe';
import { effectiveQuota } from '@src/quota/lowest-quota';
import { lastReset, nextReset } from '@src/quota/reset-time';
import { activeFavourites } from '@src/storage/favourite-lists';
import { keyringItem } from '@src/storage/keyring';
import { scheduleItem } from '@src/storage/schedule';
import { hasSiteAccess } from './site-access';

/** The account alarm refreshes the whole free picture now; its name stays the one the balance refresh had, so alarms set before carry on. */
export const ALARMS = { check: 'scheduled-check', account: 'magicube-refresh', reset: 'quota-reset' } as const;

/** The stored values the alarms follow, both written by our pages: a change to either re-syncs them. */
export const ALARM_INPUTS = [scheduleItem, keyringItem] as const;

/** A firing this late was missed (browser closed, computer asleep): it spends nothing, and the next one comes on time. */
const LATE_AFTER_MS = 5 * 60_000;

async function ensurePeriodic(name: string, minutes: number | null): Promise<void> {
  const existing = await browser.alarms.get(name);
  if (minutes === null) {
    if (existing) await browser.alarms.clear(name);
    return;
  }
  // Re-creating restarts the period, so only a missing or changed alarm is: a worker that wakes often would
  // otherwise keep pushing the next check away.
  if (existing?.periodInMinutes === minutes) return;
  await browser.alarms.create(name, { delayInMinutes: minutes, periodInMinutes: minutes });
}

/** The reset alarm only redraws the badge (yesterday's numbers stop counting) and prunes history: it spends nothing. */
async function ensureResetAlarm(now: number): Promise<void> {
  if (!(await browser.alarms.get(ALARMS.reset))) await browser.alarms.create(ALARMS.reset, { when: nextReset(now) });
}

/** Creates, changes or clears the alarms to match the settings. Safe to call on every wake: it never probes. */
export async function syncAlarms(now = Date.now()): Promise<void> {
  const [schedule, keyring] = await Promise.all([scheduleItem.get(), keyringItem.get()]);
  const hasKey = keyring.activeId !== null;
  await Promise.all([
    ensurePeriodic(ALARMS.check, hasKey ? schedule.checkEveryMinutes : null),
    ensurePeriodic(ALARMS.account, hasKey ? schedule.magicubeEveryMinutes : null),
    ensureResetAlarm(now),
  ]);
}

/** Checked since the last reset, within half an interval, with an answer worth keeping: another probe would waste a call. */
export function isFreshForSchedule(item: ProbeResult | undefined, everyMinutes: number, now: number): boolean {
  if (!item) return false;
  const checkedAt = Date.parse(item.checked_at);
  const answered = effectiveQuota(item) !== null || item.error_kind === 'no_quota_headers';
  return answered && checkedAt >= lastReset(now) && now - checkedAt < (everyMinutes * 60_000) / 2;
}

/** Checks the active list with the active key, skipping models with a fresh result. */
export async function runScheduledCheck(now = Date.now()): Promise<void> {
  const [active, models, { checkEveryMinutes }] = await Promise.all([activeAccount(), activeFavourites(), scheduleItem.get()]);
  // A key of a site whose hosts the user took back waits until they are granted again: nothing is sent.
  if (!active || checkEveryMinutes === null || !(await hasSiteAccess(active.site))) return;
  const results = await latestResultsFor(active.keyId);
  const due = models.filter((model) => !isFreshForSchedule(Object.hasOwn(results, model) ? results[model] : undefined, checkEveryMinutes, now));
  if (due.length === 0) return;
  // The popup's own Check, never forced: the plan, the cache, shared probes, stored results and what follows apply.
  await checkAndKeep(active, due);
}

/**
 * The periodic refresh of the active key's free sources, whatever their age, and of its favourites' offers when due (a
 * price changed overnight shows by morning); skipped while its site's hosts are not granted.
 */
async function refreshActiveAccount(): Promise<void> {
  const [active, models] = await Promise.all([activeAccount(), activeFavourites()]);
  if (active && (await hasSiteAccess(active.site))) await refreshAccount(active, { maxAgeMs: 0, models });
}

export async function handleAlarm(alarm: { name: string; scheduledTime: number }, now = Date.now()): Promise<void> {
  switch (alarm.name) {
    case ALARMS.check:
      if (now - alarm.scheduledTime <= LATE_AFTER_MS) await runScheduledCheck(now);
      return;
    case ALARMS.account:
      return refreshActiveAccount();
    case ALARMS.reset:
      await syncAlarms(now); // the next reset's alarm first, whatever happens below
      await Promise.all([redrawBadge(), pruneHistory()]);
      return;
  }
}
