import { z } from 'zod/mini';
import { providerListUrl } from './endpoints';
import { fetchWithDeadline, parseJson, readBoundedText, type SiteRequestOptions } from './http';
import { parseAmount, parseLabel } from './magicube-values';
import { tierId } from './tiers';

const Label = z.string().check(z.minLength(1), z.maxLength(100));

/** Prices above this are garbage, not a model: the dearest tier costs 2 credits a call. */
const MOST_CREDITS_A_CALL = 1000;
/** A model has a few providers; a list of more says nothing more. */
const MOST_OTHER_PROVIDERS = 10;

/**
 * What the provider list says of one model: whether API-Inference serves it (a provider named `ModelScope` is listed),
 * what one call costs there and in which tier, and who else serves it (paid with their own keys).
 */
export const OfferSchema = z.object({
  served: z.boolean(),
  /** Magicube credits one API-Inference call costs; null when ModelScope's provider gives no price. */
  price: z.nullable(z.number().check(z.positive(), z.maximum(MOST_CREDITS_A_CALL))),
  tier: z.nullable(Label),
  rawTier: z.nullable(Label),
  others: z.array(z.object({ name: Label, chineseName: z.nullable(Label) })).check(z.maxLength(MOST_OTHER_PROVIDERS)),
});
export type Offer = z.infer<typeof OfferSchema>;

/**
 * Why a read of the provider list told nothing:
 * - `no_such_model`: HTTP 500, which ModelScope answers for an unknown id, and also when it is down;
 * - `not_offered`: the site has no provider list (404: never seen on modelscope.ai);
 * - `unreachable`, `unreadable`, `upstream_error`: as for the other free reads.
 */
export const OFFER_FAILURE_REASONS = ['no_such_model', 'not_offered', 'unreachable', 'unreadable', 'upstream_error'] as const;
export type OfferFailureReason = (typeof OFFER_FAILURE_REASONS)[number];

export type OfferOutcome = { ok: true; offer: Offer } | { ok: false; reason: OfferFailureReason; status: number | null };

const OFFER_BODY_MAX_CHARS = 64 * 1024;
const MODELSCOPE_PROVIDER = 'modelscope';

type Fields = Record<string, unknown>;
const isObject = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The price of ModelScope's provider: null when it gives none, undefined when what it gives is garbage. */
function priceOf(provider: Fields): number | null | undefined {
  const raw = provider.EstimatedMagicGrainCost;
  if (raw === undefined || raw === null) return null;
  const price = parseAmount(raw);
  if (price === null || price > MOST_CREDITS_A_CALL) return undefined;
  // A price of 0 is no price to divide a balance by.
  return price > 0 ? price : null;
}

/** ModelScope's provider's tier: null when it gives none, undefined when what it gives is garbage. */
function tierOf(provider: Fields): { tier: string; rawTier: string } | null | undefined {
  const raw = provider.CostTier;
  if (raw === undefined || raw === null) return null;
  const rawTier = parseLabel(raw);
  const tier = rawTier === null ? null : tierId(rawTier);
  return rawTier === null || tier === null ? undefined : { tier, rawTier };
}

/**
 * The offer in an answer of the provider list, or null when the answer cannot be read: never a guessed price. No
 * providers at all (`Providers: null`) is an answer: nobody serves the model.
 */
export function parseProviders(body: unknown): Offer | null {
  if (!isObject(body) || !isObject(body.Data)) return null;
  const providers = body.Data.Providers;
  if (providers === null || providers === undefined) return { served: false, price: null, tier: null, rawTier: null, others: [] };
  if (!Array.isArray(providers) || !providers.every((provider) => isObject(provider) && parseLabel(provider.Name) !== null)) return null;
  const named = providers as Fields[];
  const modelscope = named.find((provider) => parseLabel(provider.Name)!.toLowerCase() === MODELSCOPE_PROVIDER);
  const others = named
    .filter((provider) => provider !== modelscope)
    .slice(0, MOST_OTHER_PROVIDERS)
    .map((provider) => ({ name: parseLabel(provider.Name)!, chineseName: parseLabel(provider.ChineseName) }));
  if (modelscope === undefined) return { served: false, price: null, tier: null, rawTier: null, others };
  const price = priceOf(modelscope);
  const tier = tierOf(modelscope);
  if (price === undefined || tier === undefined) return null;
  return { served: true, price, tier: tier?.tier ?? null, rawTier: tier?.rawTier ?? null, others };
}

/** What the site's provider list says of one model: free, keyless, without cookies. Never throws. */
export async function readModelOffer(model: string, options: SiteRequestOptions): Promise<OfferOutcome> {
  const answer = await fetchWithDeadline(providerListUrl(options.site, model), {}, options, (response) =>
    readBoundedText(response, OFFER_BODY_MAX_CHARS),
  );
  if (!answer.ok) return { ok: false, reason: 'unreachable', status: null };
  const { status } = answer;
  if (status === 500) return { ok: false, reason: 'no_such_model', status };
  if (status === 404) return { ok: false, reason: 'not_offered', status };
  if (status < 200 || status >= 300) return { ok: false, reason: 'upstream_error', status };
  const body = parseJson(answer.body);
  // ModelScope's own envelope: a failure it names is an error it answered, not a model without providers.
  if (isObject(body) && (body.Success === false || (body.Code !== undefined && body.Code !== 200))) return { ok: false, reason: 'upstream_error', status };
  const offer = parseProviders(body);
  return offer === null ? { ok: false, reason: 'unreadable', status } : { ok: true, offer };
}
