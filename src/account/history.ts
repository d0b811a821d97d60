import { z } from 'zod/mini';
import { coalesced } from '@src/lib/coalesced';
import type { ProbeResult } from '@src/modelscope/probe';
import { startOfQuotaDays } from '@src/quota/reset-time';
import type { HistoryPoint, MagicubeReading } from '@src/quota/types';
import { defineCacheItem } from '@src/storage/cache-item';
import { STORAGE_KEYS } from '@src/storage/keys';
import { scheduleItem } from '@src/storage/schedule';

const Count = z.nullable(z.int().check(z.nonnegative()));
const EpochSeconds = z.int().check(z.nonnegative());
/** [checked at (epoch seconds), model remaining, model limit, account remaining, account limit]: tuples keep it small. */
const StoredPointSchema = z.tuple([EpochSeconds, Count, Count, Count, Count]);
/** [read at (epoch seconds), available Magicube credits]. */
const StoredReadingSchema = z.tuple([EpochSeconds, z.number().check(z.nonnegative())]);
const StoredKeyHistorySchema = z.object({
  models: z.record(z.string(), z.array(StoredPointSchema)),
  magicube: z.array(StoredReadingSchema),
});
type StoredKeyHistory = z.infer<typeof StoredKeyHistorySchema>;
type StoredPoint = z.infer<typeof StoredPointSchema>;

export type { HistoryPoint, MagicubeReading };

/** Per key fingerprint (never the key): each model's checks in time order, and the Magicube balance beside them. */
export const historyItem = defineCacheItem(STORAGE_KEYS.history, StoredKeyHistorySchema);
export type StoredHistory = Awaited<ReturnType<typeof historyItem.get>>;

/**
 * Hard limits, whatever the schedule and however many keys and lists: the worst case stays near 1 MB, a tenth of
 * storage.local's 10 MB (see history.test.ts). 20,000 points hold 14 days of 14 models checked every 15 minutes.
 */
export const HISTORY_BOUNDS = { keys: 5, modelsPerKey: 50, points: 20_000, readingsPerKey: 1_500 } as const;

export interface KeyHistory {
  models: Record<string, HistoryPoint[]>;
  magicube: MagicubeReading[];
}

export interface HistoryAdditions {
  results?: ReadonlyArray<{ keyId: string; item: ProbeResult }>;
  readings?: ReadonlyArray<{ keyId: string; reading: MagicubeReading }>;
}

const toSeconds = (ms: number) => Math.floor(ms / 1000);

function toPoint([at, model_request_remaining, model_request_limit, request_remaining, request_limit]: StoredPoint): HistoryPoint {
  return { at: at * 1000, model_request_remaining, model_request_limit, request_remaining, request_limit };
}

export function keyHistoryOf(history: StoredHistory, keyId: string): KeyHistory {
  const stored = history[keyId];
  if (!stored) return { models: {}, magicube: [] };
  return {
    models: Object.fromEntries(Object.entries(stored.models).map(([model, points]) => [model, points.map(toPoint)])),
    magicube: stored.magicube.map(([at, available]) => ({ at: at * 1000, available })),
  };
}

const hasNumbers = (item: ProbeResult) =>
  [item.model_request_remaining, item.model_request_limit, item.request_remaining, item.request_limit].some((n) => n !== null);

/** Adds results (only those with numbers: the rest say nothing about the quota) and readings, once each. */
export function withAdditions(history: StoredHistory, { results = [], readings = [] }: HistoryAdditions): StoredHistory {
  const next: StoredHistory = structuredClone(history);
  const keyOf = (keyId: string): StoredKeyHistory => (next[keyId] ??= { models: {}, magicube: [] });
  for (const { keyId, item } of results) {
    if (!hasNumbers(item)) continue;
    const point: StoredPoint = [
      toSeconds(Date.parse(item.checked_at)),
      item.model_request_remaining,
      item.model_request_limit,
      item.request_remaining,
      item.request_limit,
    ];
    const series = (keyOf(keyId).models[item.model] ??= []);
    // Every check spends a call, so two checks never give the same numbers in the same second: that is one check.
    if (series.some((seen) => seen.every((value, index) => value === point[index]))) continue;
    series.push(point);
    series.sort((a, b) => a[0] - b[0]);
  }
  for (const { keyId, reading } of readings) {
    const series = keyOf(keyId).magicube;
    const at = toSeconds(reading.at);
    if (series.some(([seen, available]) => seen === at && available === reading.available)) continue;
    series.push([at, reading.available]);
    series.sort((a, b) => a[0] - b[0]);
  }
  return next;
}

type Timed = readonly [at: number, ...rest: unknown[]];
const lastAt = (series: readonly Timed[]) => series.at(-1)?.[0] ?? 0;

function newestKeyActivity(key: StoredKeyHistory): number {
  return Math.max(lastAt(key.magicube), ...Object.values(key.models).map(lastAt));
}

/** Drops everything from before `keepFrom` (epoch ms), then whatever breaks a bound, oldest first. */
export function prunedHistory(history: StoredHistory, keepFrom: number): StoredHistory {
  const oldest = toSeconds(keepFrom);
  const recent = <T extends Timed>(series: readonly T[]) => series.filter(([at]) => at >= oldest);
  const keys = Object.entries(history).map(([keyId, key]) => {
    const models = Object.entries(key.models)
      .map(([model, points]) => [model, recent(points)] as const)
      .filter(([, points]) => points.length > 0)
      .sort(([, a], [, b]) => lastAt(b) - lastAt(a))
      .slice(0, HISTORY_BOUNDS.modelsPerKey);
    const magicube = recent(key.magicube).slice(-HISTORY_BOUNDS.readingsPerKey);
    return [keyId, { models: Object.fromEntries(models), magicube }] as const;
  });

  const newestKeys = keys
    .sort(([, a], [, b]) => newestKeyActivity(b) - newestKeyActivity(a))
    .slice(0, HISTORY_BOUNDS.keys);
  const times = newestKeys.flatMap(([, key]) => Object.values(key.models).flatMap((points) => points.map(([at]) => at)));
  // Keeping only what is newer than the (bound + 1)-th newest point keeps at most `bound` points.
  const cutoff = times.length > HISTORY_BOUNDS.points ? times.sort((a, b) => b - a)[HISTORY_BOUNDS.points]! : -1;
  return Object.fromEntries(
    newestKeys
      .map(([keyId, key]) => {
        const models = Object.entries(key.models)
          .map(([model, points]) => [model, points.filter(([at]) => at > cutoff)] as const)
          .filter(([, points]) => points.length > 0);
        return [keyId, { models: Object.fromEntries(models), magicube: key.magicube }] as const;
      })
      .filter(([, key]) => key.magicube.length > 0 || Object.keys(key.models).length > 0),
  );
}

/** One read and one write for a whole batch, through the one write path, so none is lost. */
export async function updateHistory(additions: HistoryAdditions, keepFrom: number): Promise<void> {
  await historyItem.update((history) => prunedHistory(withAdditions(history, additions), keepFrom));
}

/** The oldest moment kept: as many quota days back as the user chose, today included. */
async function keepFrom(): Promise<number> {
  return startOfQuotaDays((await scheduleItem.get()).historyDays, Date.now());
}

interface Pending {
  results: Array<{ keyId: string; item: ProbeResult }>;
  readings: Array<{ keyId: string; reading: MagicubeReading }>;
}
let pending: Pending = { results: [], readings: [] };

// Additions arriving during a write go together in the next one.
const flush = coalesced(async () => {
  const batch = pending;
  pending = { results: [], readings: [] };
  if (batch.results.length === 0 && batch.readings.length === 0) return;
  await updateHistory(batch, await keepFrom());
});

/** Keeps a key's new results (those with numbers) and a Magicube reading in its history. */
export function appendHistory(keyId: string, { results = [], reading }: { results?: readonly ProbeResult[]; reading?: MagicubeReading }): Promise<void> {
  pending.results.push(...results.map((item) => ({ keyId, item })));
  if (reading) pending.readings.push({ keyId, reading });
  return flush();
}

/** Drops what has aged out, even on a day without checks. */
export async function pruneHistory(): Promise<void> {
  await updateHistory({}, await keepFrom());
}
