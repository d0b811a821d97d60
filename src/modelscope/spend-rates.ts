import { z } from 'zod/mini';
import { magicubeSpendRatesUrl } from './endpoints';
import type { SiteRequestOptions } from './http';
import { readMagicubeData, type MagicubeFailure } from './magicube-read';
import type { TierPrice } from './magicube-shapes';
import { parseAmount, parseLabel } from './magicube-values';
import { tierId } from './tiers';

export type TierPricesOutcome = { ok: true; prices: TierPrice[]; dropped: number } | MagicubeFailure;

const RatesSchema = z.object({ rates: z.nullish(z.array(z.unknown())) });

/** Whether a rate is for API-Inference requests; one that names no scene or unit is taken to be (and a non-object is left to the parser to drop). */
function isApiInferenceRate(rate: unknown): boolean {
  if (typeof rate !== 'object' || rate === null) return true;
  const { scene = 'api_inference', unit = 'request' } = rate as Record<string, unknown>;
  return scene === 'api_inference' && unit === 'request';
}

/** One rate as a tier's price per call, or null when its tier or price is unusable. */
export function parseTierPrice(raw: unknown): TierPrice | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const record = raw as Record<string, unknown>;
  const rawTier = parseLabel(record.model_tier);
  const tier = rawTier === null ? null : tierId(rawTier);
  const price = parseAmount(record.unit_price);
  if (rawTier === null || tier === null || price === null) return null;
  return { tier, rawTier, price, minCharge: parseAmount(record.min_charge) };
}

/** What a call costs in each tier, as ModelScope lists it. It names no model: tiers only. Free. Never throws. */
export async function readTierPrices(apiKey: string, options: SiteRequestOptions): Promise<TierPricesOutcome> {
  const answer = await readMagicubeData(magicubeSpendRatesUrl(options.site), apiKey, options);
  if (!answer.ok) return answer;
  const parsed = RatesSchema.safeParse(answer.data);
  if (!parsed.success) return { ok: false, reason: 'unreadable', status: answer.status, detail: null };
  const { rates } = parsed.data;
  if (rates === null || rates === undefined) return { ok: false, reason: 'not_returned', status: answer.status, detail: null };
  const prices: TierPrice[] = [];
  let dropped = 0;
  for (const rate of rates) {
    if (!isApiInferenceRate(rate)) continue;
    const price = parseTierPrice(rate);
    if (price === null) dropped += 1;
    else prices.push(price);
  }
  return { ok: true, prices, dropped };
}
