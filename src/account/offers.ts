import { z } from 'zod/mini';
import type { Site } from '@src/contract';
import { SingleFlight } from '@src/engine/single-flight';
import { OFFER_FAILURE_REASONS, OfferSchema, readModelOffer, type Offer, type OfferOutcome } from '@src/modelscope/providers';
import { DAY_MS } from '@src/quota/reset-time';
import { checkSettingsItem } from '@src/storage/check-settings';

const EpochMs = z.int().check(z.nonnegative());

export const OfferOutcomeSchema = z.enum(['ok', ...OFFER_FAILURE_REASONS]);
export type OfferReadOutcome = z.infer<typeof OfferOutcomeSchema>;

/**
 * What the provider list last said of one model, kept like a free source: the last good offer with its read time, how
 * the latest read went, and, once the price or the service changed, the offer before and when that was seen.
 */
export const OfferEntrySchema = z.object({
  value: z.nullable(OfferSchema),
  read_at: z.nullable(EpochMs),
  last: z.object({ at: EpochMs, outcome: OfferOutcomeSchema }),
  changed: z.nullable(z.object({ at: EpochMs, before: OfferSchema })),
});
export type OfferEntry = z.infer<typeof OfferEntrySchema>;

/** A price is a fact with a date: read again once a day (ModelScope moves models between tiers, and retires them). */
export const OFFER_FRESH_MS = DAY_MS;
/** A read that failed is tried again after this, not at every opening of the popup. */
const OFFER_RETRY_MS = 10 * 60_000;
/** Reads at once: the active list is at most 50 models, and each read is free and small. */
const OFFER_CONCURRENCY = 20;

/** Whether a model's offer is due to be read: never read, a day old, or its last read failed a while ago. */
export function offerDue(entry: OfferEntry | undefined, now: number): boolean {
  if (entry === undefined) return true;
  const settled = entry.last.outcome === 'ok' || entry.last.outcome === 'not_offered';
  return now - entry.last.at >= (settled ? OFFER_FRESH_MS : OFFER_RETRY_MS) || now < entry.last.at;
}

/** Whether two offers differ in what the user pays for a call, or in whether it can be called at all. */
function differs(before: Offer, after: Offer): boolean {
  return before.served !== after.served || before.price !== after.price;
}

/** An offer entry after a read: the new offer when it came, noting a change of price or service; else the last good one. */
export function offerAfterRead(previous: OfferEntry | undefined, read: OfferOutcome, at: number): OfferEntry {
  if (!read.ok) return { value: previous?.value ?? null, read_at: previous?.read_at ?? null, last: { at, outcome: read.reason }, changed: previous?.changed ?? null };
  const before = previous?.value ?? null;
  const changed = before !== null && differs(before, read.offer) ? { at, before } : (previous?.changed ?? null);
  return { value: read.offer, read_at: at, last: { at, outcome: 'ok' }, changed };
}

/** Reads in flight by site and model: the same model asked twice at once is read once. */
const reading = new SingleFlight<OfferOutcome>();

/** The provider list's answer for each model, read at most OFFER_CONCURRENCY at a time. Free, keyless. Never throws. */
export async function readOffers(site: Site, models: readonly string[], timeoutMs: number): Promise<Map<string, OfferOutcome>> {
  const outcomes = new Map<string, OfferOutcome>();
  const queue = [...new Set(models)];
  const worker = async () => {
    for (let model = queue.shift(); model !== undefined; model = queue.shift()) {
      const asked = model;
      outcomes.set(asked, await reading.run(`${site}\n${asked}`, () => readModelOffer(asked, { site, timeoutMs })));
    }
  };
  await Promise.all(Array.from({ length: Math.min(OFFER_CONCURRENCY, queue.length) }, worker));
  return outcomes;
}

/** The deadline of one free read: the check settings' per-request timeout. */
export async function timeoutMs(): Promise<number> {
  return (await checkSettingsItem.get()).timeoutSeconds * 1000;
}

/** What the provider list says of each model now, as entries kept nowhere: keyless, for whoever asks. Free. */
export async function offerEntriesNow(site: Site, models: readonly string[]): Promise<Record<string, OfferEntry>> {
  const at = Date.now();
  const reads = await readOffers(site, models, await timeoutMs());
  return Object.fromEntries([...reads].map(([model, read]) => [model, offerAfterRead(undefined, read, at)]));
}
