// GET /api/v1/inference/list_model_providers?ModelId=owner/name: the website's free, keyless answer to "who serves this
// model, and at what price". Also the one rule of ModelScope's tier for a model on a given day, which the chat
// completions are charged by too, so a price learned from the ledger matches the list.
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import {
  MODELSCOPE_PROVIDER,
  beijingDay,
  gatewayPage,
  notFoundBody,
  providerListBadRequestBody,
  providerListErrorBody,
  type ProviderName,
  type TierSpelling,
} from './behaviours';
import { sendHtml, sendJson } from './reply';
import type { FakeSite, SiteCatalogue, SiteTier } from './sites';

export const PROVIDER_LIST_PATH = '/api/v1/inference/list_model_providers';

/** From `fromDay` (YYYY-MM-DD, Beijing) on, ModelScope serves `model` in `tier`, or (null) no longer serves it. */
export interface Repricing {
  model: string;
  fromDay: string;
  tier: SiteTier | null;
  /** The site it happens on; when absent, every site whose provider list knows the model. */
  site?: FakeSite;
}

/** ModelScope's own offer of a model: a tier, `unpriced` (served, but paid by the month, not in credits), or null (not served). */
export type ModelScopeOffer = SiteTier | 'unpriced' | null;

export interface ProviderListOptions {
  now: () => number;
  repricings: readonly Repricing[];
  tierSpelling: TierSpelling;
  /** The international site answers the list too (it was never seen there). */
  aiProviderList: boolean;
  /** Both sites answer the list with a 502 gateway page. */
  providerListDown: boolean;
}

/** A repricing's day is compared as text, so it must be written YYYY-MM-DD. */
export function checkRepricings(repricings: readonly Repricing[]): readonly Repricing[] {
  const bad = repricings.find((repricing) => !/^\d{4}-\d{2}-\d{2}$/.test(repricing.fromDay));
  if (bad) throw new Error(`fake ModelScope: repricing of ${bad.model} needs fromDay as YYYY-MM-DD, not ${bad.fromDay}`);
  return repricings;
}

/** The repricing of `model` in force on `day`: the latest by day, and of two from the same day the later listed. */
function repricingOn(repricings: readonly Repricing[], site: FakeSite, model: string, day: string): Repricing | undefined {
  return repricings
    .filter((repricing) => repricing.model === model && (repricing.site ?? site) === site && repricing.fromDay <= day)
    .reduce<Repricing | undefined>((latest, repricing) => (latest === undefined || repricing.fromDay >= latest.fromDay ? repricing : latest), undefined);
}

/** ModelScope's offer of `model` on the Beijing day of `at`, or undefined for a model the site's provider list does not know. */
export function modelScopeOffer(catalogue: SiteCatalogue, repricings: readonly Repricing[], model: string, at: number): ModelScopeOffer | undefined {
  if (!Object.hasOwn(catalogue.otherProviders, model)) return undefined;
  const repricing = repricingOn(repricings, catalogue.site, model, beijingDay(at));
  if (repricing !== undefined) return repricing.tier;
  return catalogue.modelTiers[model] ?? (catalogue.monthlyLimits[model] !== undefined ? 'unpriced' : null);
}

/** Whether an offer is paid in credits, at its tier's price. */
export function isPriced(offer: ModelScopeOffer | undefined): offer is SiteTier {
  return offer !== undefined && offer !== null && offer !== 'unpriced';
}

/** GET on the list: keyless (Authorization and cookies are ignored), on the site's website hosts only. */
export function answerProviderList(
  res: ServerResponse,
  search: URLSearchParams,
  catalogue: SiteCatalogue,
  onApiInferenceHost: boolean,
  options: ProviderListOptions,
): void {
  if (onApiInferenceHost) return sendJson(res, 404, notFoundBody());
  if (options.providerListDown) return sendHtml(res, 502, gatewayPage(502));
  if (catalogue.site === 'ai' && !options.aiProviderList) return sendJson(res, 404, notFoundBody());
  const model = search.get('ModelId')?.trim() ?? '';
  if (model === '') return sendJson(res, 400, providerListBadRequestBody());
  const offer = modelScopeOffer(catalogue, options.repricings, model, options.now());
  // An id the site does not know answers 500, as the real one does.
  if (offer === undefined) return sendJson(res, 500, providerListErrorBody());
  const providers = [
    ...(offer === null ? [] : [modelScopeEntry(offer, catalogue, options.tierSpelling)]),
    ...(catalogue.otherProviders[model] ?? []).map((provider) => providerEntry(provider, false)),
  ];
  sendJson(res, 200, {
    Code: 200,
    Success: true,
    // A model nobody serves has no list at all.
    Data: { TotalCount: providers.length, Providers: providers.length > 0 ? providers : null },
    Message: 'success',
    RequestId: randomUUID(),
  });
}

/** ModelScope's own entry: the only one with a price (credits a call) and a tier. */
function modelScopeEntry(offer: SiteTier | 'unpriced', catalogue: SiteCatalogue, spelling: TierSpelling) {
  if (offer === 'unpriced') return providerEntry(MODELSCOPE_PROVIDER, true);
  const price = catalogue.tierPrices[offer];
  if (price === undefined) throw new Error(`fake ModelScope's ${catalogue.site} site has no tier ${offer}`);
  const text = catalogue.tierTexts[spelling][offer] ?? offer;
  return providerEntry(MODELSCOPE_PROVIDER, true, { CostTier: text, EstimatedMagicGrainCost: price });
}

function providerEntry(provider: ProviderName, hosted: boolean, cost: Readonly<Record<string, string | number>> = {}) {
  return {
    Name: provider.name,
    ChineseName: provider.chineseName,
    ...cost,
    Hosted: hosted,
    Logo: `https://resources.modelscope.cn/provider-logos/${provider.name.toLowerCase()}.png`,
  };
}
