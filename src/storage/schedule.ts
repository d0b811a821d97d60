import { z } from 'zod/mini';
import { STORAGE_KEYS } from './keys';
import { defineValidatedItem } from './validated-item';

/** The intervals offered, in minutes. */
export const INTERVALS = [15, 30, 60, 120, 240] as const;
export type Interval = (typeof INTERVALS)[number];
const IntervalSchema = z.union(INTERVALS.map((minutes) => z.literal(minutes)));

export const HISTORY_DAYS_RANGE = { min: 1, max: 30 } as const;

export const ScheduleSchema = z.object({
  /** Automatic checks of the active list; null is off. Off by default: every check spends one call per model. */
  checkEveryMinutes: z.nullable(IntervalSchema),
  /** Reads of the Magicube balance while a key is saved; free, so on by default. null is off. */
  magicubeEveryMinutes: z.nullable(IntervalSchema),
  /** Quota days of history kept, today included. */
  historyDays: z.int().check(z.minimum(HISTORY_DAYS_RANGE.min), z.maximum(HISTORY_DAYS_RANGE.max)),
});
export type Schedule = z.infer<typeof ScheduleSchema>;
export const DEFAULT_SCHEDULE: Schedule = { checkEveryMinutes: null, magicubeEveryMinutes: 30, historyDays: 14 };

export const scheduleItem = defineValidatedItem(STORAGE_KEYS.schedule, ScheduleSchema, DEFAULT_SCHEDULE);

/** The most calls automatic checks can spend in a day: every model, at every interval (fresh results spend less). */
export function dailyCallCeiling(modelCount: number, everyMinutes: Interval): number {
  return modelCount * Math.ceil((24 * 60) / everyMinutes);
}
