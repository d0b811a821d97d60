import type { BalanceItem } from '@src/contract';
import { checkModels, type CheckOptions } from '@src/engine/check-models';
import { SingleFlight } from '@src/engine/single-flight';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { quietly } from '@src/lib/quietly';
import type { ProbeOutcome } from '@src/modelscope/probe';
import { checkSettingsItem } from '@src/storage/check-settings';
import { sessionResultCache } from '@src/storage/result-cache';
import { alertOnResults } from './alerts';
import { refreshBadge } from './badge';
import { recordResults } from './history-recorder';
import { refreshMagicubeWhenNoQuota } from './magicube-refresh';
import { resultWriter } from './result-writer';

/** What a check is asked to do: the key, its models, and whether to probe even models with a fresh result. */
export interface CheckTarget {
  apiKey: string;
  models: readonly string[];
  force: boolean;
}

/** Shared by every check in this service worker's life, so simultaneous identical checks share one probe. */
const probesInFlight = new SingleFlight<ProbeOutcome>();

async function runBatch(target: CheckTarget, keyId: string, onResult?: CheckOptions['onResult']): Promise<BalanceItem[]> {
  const settings = await checkSettingsItem.get();
  return checkModels(target.models, target.apiKey, keyId, { cache: sessionResultCache, singleFlight: probesInFlight }, {
    concurrency: settings.concurrency,
    timeoutMs: settings.timeoutSeconds * 1000,
    cacheMaxAgeMs: settings.cacheSeconds * 1000,
    force: target.force,
    onResult,
  });
}

/**
 * What follows results once they are stored: the badge is redrawn from them, and those just probed go to the history,
 * the alerts and the Magicube refresh. One reused from the cache is not followed again: a check of ours followed it
 * when it was probed (and one another extension probed is that extension's business).
 */
function followStored(keyId: string, items: readonly BalanceItem[]): void {
  void quietly('the badge', refreshBadge);
  const probed = items.filter((item) => !item.cached);
  if (probed.length === 0) return;
  void quietly('history', () => recordResults(keyId, probed));
  void quietly('alerts', () => alertOnResults(keyId, probed));
  void quietly('the Magicube refresh', () => refreshMagicubeWhenNoQuota(keyId, probed));
}

/**
 * A check for our own pages or the schedule. Results are stored as they arrive (a few writes, not one a model) and
 * each stored batch is followed at once; every result is stored before this resolves, so a caller that reads
 * storage after the reply sees them all.
 */
export async function checkAndKeep(target: CheckTarget): Promise<BalanceItem[]> {
  const keyId = await keyFingerprint(target.apiKey);
  const writer = resultWriter(keyId, (items) => followStored(keyId, items));
  try {
    return await runBatch(target, keyId, (item) => writer.add(item));
  } finally {
    await writer.flush();
  }
}

/**
 * A check for another extension, with its own key and models: nothing is stored or followed, so none of it reaches
 * our pages, the badge, the history or the alerts. Its fresh results may still be reused from the session cache.
 */
export async function checkForOtherExtension(target: CheckTarget): Promise<BalanceItem[]> {
  return runBatch(target, await keyFingerprint(target.apiKey));
}
