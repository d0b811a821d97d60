import { z } from 'zod/mini';
import { STORAGE_KEYS } from './keys';
import { defineValidatedItem } from './validated-item';

export const LOGIN_GRANT_HOUR_RANGE = { min: 0, max: 23 } as const;
export const THRESHOLD_RANGES = { percent: { min: 1, max: 99 }, calls: { min: 1, max: 100_000 } } as const;

/** When a favourite counts as running low: under a share of its limit, or under a number of calls. */
export const ThresholdSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('share'),
    percent: z.int().check(z.minimum(THRESHOLD_RANGES.percent.min), z.maximum(THRESHOLD_RANGES.percent.max)),
  }),
  z.object({
    kind: z.literal('calls'),
    calls: z.int().check(z.minimum(THRESHOLD_RANGES.calls.min), z.maximum(THRESHOLD_RANGES.calls.max)),
  }),
]);
export type Threshold = z.infer<typeof ThresholdSchema>;

export const AlertSettingsSchema = z.object({
  /** A notification when a favourite of the active list falls below the threshold, at most once per model a day. */
  lowQuota: z.boolean(),
  threshold: ThresholdSchema,
  /** A notification when ModelScope refuses the active key, at most once a day. */
  keyRefused: z.boolean(),
  /** A notification when today's login grant (`daily_active`) has not arrived by this hour (Beijing time); null is off. */
  loginGrantMissingByHour: z.nullable(z.int().check(z.minimum(LOGIN_GRANT_HOUR_RANGE.min), z.maximum(LOGIN_GRANT_HOUR_RANGE.max))),
  /** A notification when short-term credits expire within the hour and most of them are still unspent. */
  creditsExpiring: z.boolean(),
  /** A notification when the provider list says a favourite's price changed or it is no longer served, once per change. */
  offerChanged: z.boolean(),
});
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;
export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  lowQuota: true,
  threshold: { kind: 'share', percent: 10 },
  keyRefused: true,
  // Both opt-in: they are about the website's grants, which a user of the API alone may not care for.
  loginGrantMissingByHour: null,
  creditsExpiring: false,
  // Opt-in as well: a change of price shows in the favourite's row for a week anyway.
  offerChanged: false,
};

export const alertSettingsItem = defineValidatedItem(STORAGE_KEYS.alertSettings, AlertSettingsSchema, DEFAULT_ALERT_SETTINGS);
