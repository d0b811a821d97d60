import { z } from 'zod/mini';
import { SiteSchema, type Site } from '@src/contract/site';
import { STORAGE_KEYS } from './keys';
import { defineValidatedItem } from './validated-item';

const EpochMs = z.int().check(z.nonnegative());
const Label = z.string().check(z.minLength(1), z.maxLength(100));

/** What one call of a model costs, and how we know: learned from the spend ledger, or set by hand by the user. */
export const ModelPriceSchema = z.object({
  tier: Label,
  rawTier: Label,
  /** Magicube credits per call. */
  price: z.number().check(z.positive(), z.maximum(1000)),
  learned_at: EpochMs,
  source: z.enum(['ledger', 'manual']),
});
export type ModelPrice = z.infer<typeof ModelPriceSchema>;

/** Why the last try to learn a model's price learned nothing, so the row can say so (the next Check tries again). */
export const LearningNoteSchema = z.object({
  at: EpochMs,
  /** `poisoned`: another client spent with the token in the window; `not_seen`: the ledger never showed the call. */
  outcome: z.enum(['poisoned', 'not_seen']),
});
export type LearningNote = z.infer<typeof LearningNoteSchema>;

const SitePricesSchema = z.object({
  models: z.record(z.string(), ModelPriceSchema),
  notes: z.record(z.string(), LearningNoteSchema),
});
export type SitePrices = z.infer<typeof SitePricesSchema>;

/**
 * Model prices per site: a tier is a fact about a model on one site, the same for every account, so prices are not
 * filed per key. A model's tier on one site says nothing about the other.
 */
export const modelPricesItem = defineValidatedItem(
  STORAGE_KEYS.modelPrices,
  z.partialRecord(SiteSchema, SitePricesSchema),
  {},
);

const EMPTY: SitePrices = { models: {}, notes: {} };
const MAX_MODELS_PER_SITE = 500;

/** One site's prices out of every site's. */
export function sitePricesIn(all: Partial<Record<Site, SitePrices>>, site: Site): SitePrices {
  return all[site] ?? EMPTY;
}

export async function pricesFor(site: Site): Promise<SitePrices> {
  return sitePricesIn(await modelPricesItem.get(), site);
}

function bounded(prices: SitePrices): SitePrices {
  const newest = <T extends { at?: number; learned_at?: number }>(record: Record<string, T>) =>
    Object.fromEntries(
      Object.entries(record)
        .sort(([, a], [, b]) => (b.learned_at ?? b.at ?? 0) - (a.learned_at ?? a.at ?? 0))
        .slice(0, MAX_MODELS_PER_SITE),
    );
  return { models: newest(prices.models), notes: newest(prices.notes) };
}

/** Keeps a price (learned or set by hand) and drops the model's learning note: it is known now. */
export function savePrice(site: Site, model: string, price: ModelPrice) {
  return modelPricesItem.update((all) => {
    const current = sitePricesIn(all, site);
    const { [model]: _learned, ...notes } = current.notes;
    return { ...all, [site]: bounded({ models: { ...current.models, [model]: price }, notes }) };
  });
}

/** Notes that a try to learn a model's price learned nothing; a price already known stays. */
export function saveLearningNote(site: Site, model: string, note: LearningNote) {
  return modelPricesItem.update((all) => {
    const current = sitePricesIn(all, site);
    return { ...all, [site]: bounded({ ...current, notes: { ...current.notes, [model]: note } }) };
  });
}

/** Forgets a model's price (the user cleared a tier set by hand), so the next Check learns it again. */
export function forgetPrice(site: Site, model: string) {
  return modelPricesItem.update((all) => {
    const current = sitePricesIn(all, site);
    const { [model]: _forgotten, ...models } = current.models;
    return { ...all, [site]: { ...current, models } };
  });
}
