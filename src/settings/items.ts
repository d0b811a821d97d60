import { z } from 'zod';
import { ApiKeySchema, BalanceItemSchema, MAX_MODELS_PER_REQUEST, ModelIdSchema } from '../contract';
import { defineValidatedItem } from './validated-item';

/** A sensible first list; the free catalogue is the truth about what exists. */
export const DEFAULT_FAVOURITES = [
  'Qwen/Qwen3-Coder-480B-A35B-Instruct',
  'ZhipuAI/GLM-4.7',
  'deepseek-ai/DeepSeek-V4-Flash',
  'moonshotai/Kimi-K2.5',
];

export const CHECK_SETTINGS_RANGES = {
  concurrency: { min: 1, max: 20 },
  timeoutSeconds: { min: 1, max: 25 },
  cacheSeconds: { min: 0, max: 600 },
} as const;

const rangedInt = ({ min, max }: { min: number; max: number }) => z.number().int().min(min).max(max);

export const CheckSettingsSchema = z.object({
  /** Probes in flight at once; halves within a batch when ModelScope answers 429. */
  concurrency: rangedInt(CHECK_SETTINGS_RANGES.concurrency),
  /** Per-probe deadline; MV3 kills a fetch that runs past 30 s. */
  timeoutSeconds: rangedInt(CHECK_SETTINGS_RANGES.timeoutSeconds),
  /** How long a result counts as fresh, so a second check spends nothing. 0 turns the cache off. */
  cacheSeconds: rangedInt(CHECK_SETTINGS_RANGES.cacheSeconds),
});
export type CheckSettings = z.infer<typeof CheckSettingsSchema>;
export const DEFAULT_CHECK_SETTINGS: CheckSettings = { concurrency: 10, timeoutSeconds: 20, cacheSeconds: 60 };

/** The saved key: `storage.local` only, never `sync`. Empty means none saved. */
export const apiKeyItem = defineValidatedItem('local:apiKey', z.union([z.literal(''), ApiKeySchema]), '');

export const favouritesItem = defineValidatedItem(
  'local:favourites',
  z.array(ModelIdSchema).max(MAX_MODELS_PER_REQUEST),
  DEFAULT_FAVOURITES,
);

export const checkSettingsItem = defineValidatedItem('local:checkSettings', CheckSettingsSchema, DEFAULT_CHECK_SETTINGS);

/** The latest result of each model, per key fingerprint, from our own pages' checks: what the popup shows at once. */
export const LatestResultsSchema = z.record(z.string(), z.record(z.string(), BalanceItemSchema));
export type LatestResults = z.infer<typeof LatestResultsSchema>;
export const latestResultsItem = defineValidatedItem('local:latestResults', LatestResultsSchema, {});
