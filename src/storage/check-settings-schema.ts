import { z } from 'zod/mini';

/** The check settings' shape and defaults, apart from their storage item, so scripts can use them outside a browser. */
export const CHECK_SETTINGS_RANGES = {
  concurrency: { min: 1, max: 20 },
  timeoutSeconds: { min: 1, max: 25 },
  cacheSeconds: { min: 0, max: 600 },
} as const;

const rangedInt = ({ min, max }: { min: number; max: number }) => z.int().check(z.minimum(min), z.maximum(max));

export const CheckSettingsSchema = z.object({
  /**
   * Probes in flight when a batch starts; it halves by itself when ModelScope answers 429 and grows back up to the
   * ceiling. 20 by default: a refusal is free, while starting low costs a 50-model check a whole round trip.
   */
  concurrency: rangedInt(CHECK_SETTINGS_RANGES.concurrency),
  /** Per-probe deadline; MV3 kills a fetch that runs past 30 s. */
  timeoutSeconds: rangedInt(CHECK_SETTINGS_RANGES.timeoutSeconds),
  /** How long a result counts as fresh, so a second check spends nothing. 0 turns the cache off. */
  cacheSeconds: rangedInt(CHECK_SETTINGS_RANGES.cacheSeconds),
  /**
   * Probe every model on every Check, as the original service did. Off by default: a model whose price is known and
   * whose last probe carried no quota headers tells nothing new for its call, and its calls left come from the free
   * Magicube balance instead.
   */
  probeEveryModel: z.boolean(),
});
export type CheckSettings = z.infer<typeof CheckSettingsSchema>;
export const DEFAULT_CHECK_SETTINGS: CheckSettings = { concurrency: 20, timeoutSeconds: 20, cacheSeconds: 60, probeEveryModel: false };
