// ModelScope's two sites as the fake serves them: the China site (modelscope.cn) and the international site
// (modelscope.ai). Each has its own hosts, tokens, catalogue, tiers and prices; the Host header says which site a
// request reached. The international site's facts are medium confidence (/work/shared/modelscope-upstream.md).
import {
  CHINESE_TIER_TEXT,
  FAKE_HANGUP,
  FAKE_MODELS,
  MODEL_LIMITS,
  MODEL_TIERS,
  CATALOGUE_IDS,
  CREDIT_WORLD_HEADER_MODELS,
  OTHER_PROVIDERS,
  TIER_PRICES,
  TIER_TEXT,
  type FakeTier,
  type FakeWorld,
  type ProviderName,
  type TierSpelling,
} from './behaviours';

export type FakeSite = 'cn' | 'ai';
export const FAKE_SITES: readonly FakeSite[] = ['cn', 'ai'];

/** Every host of each site; the first is API-Inference's. */
export const SITE_HOSTS: Readonly<Record<FakeSite, readonly string[]>> = {
  cn: ['api-inference.modelscope.cn', 'modelscope.cn', 'www.modelscope.cn'],
  ai: ['api-inference.modelscope.ai', 'modelscope.ai', 'www.modelscope.ai'],
};

/** Both sites' hosts, the China site's first. */
export const MODELSCOPE_HOSTS: readonly string[] = [...SITE_HOSTS.cn, ...SITE_HOSTS.ai];

/** A Host header's name: lower case, without the port. */
const hostName = (host: string) => host.toLowerCase().replace(/:\d+$/, '');

/** The site a Host header names (any case, with or without a port), or null for any other host. */
export function siteOfHost(host: string): FakeSite | null {
  const name = hostName(host);
  return FAKE_SITES.find((site) => SITE_HOSTS[site].includes(name)) ?? null;
}

/** Whether a Host header names either site's API-Inference host, where the website's own endpoints are not. */
export function isApiInferenceHost(host: string): boolean {
  return FAKE_SITES.some((site) => SITE_HOSTS[site][0] === hostName(host));
}

/** The world of the international site when a test names none: its users pay in credits too. */
export const DEFAULT_AI_WORLD: FakeWorld = 'credits';

/** The world a site is in: `world` is the China site's (as it was before there were two), `aiWorld` the other's. */
export function worldOn(site: FakeSite, worlds: { world: FakeWorld; aiWorld: FakeWorld }): FakeWorld {
  return site === 'ai' ? worlds.aiWorld : worlds.world;
}

// ---- Keys -------------------------------------------------------------------------------------

/** A token of the international site from the start; every other token is the China site's unless registered. */
export const AI_DEMO_KEY = 'ms-' + 'a1a1'.repeat(8);

// ---- The international site's models and tiers ---------------------------------------------------

export type AiTier = 'discount' | 'lite' | 'standard' | 'ultra';
/** A tier of either site. */
export type SiteTier = FakeTier | AiTier;

/** `model_tier` as the international site writes it (the words seen there; their case is a guess). */
export const AI_TIER_TEXT: Readonly<Record<AiTier, string>> = { discount: 'discount', lite: 'lite', standard: 'standard', ultra: 'ultra' };

/** Credits a call costs in each tier of the international site (seen 2026-08). */
export const AI_TIER_PRICES: Readonly<Record<AiTier, number>> = { discount: 0.2, lite: 0.5, standard: 1, ultra: 2 };

/** Sends the monthly quota headers instead of being paid in credits, as `Qwen-Ambassador/*` models were seen doing. */
export const AMBASSADOR_MODEL = 'Qwen-Ambassador/Qwen3-Coder-480B-A35B-Instruct';
/** Calls a month of each monthly-counted model, per token (5,500 seen). */
export const MONTHLY_LIMIT = 5500;
/** Served by the international site only. */
export const AI_ONLY_MODEL = 'meta-llama/Llama-4-Maverick-17B-128E-Instruct';
/** Served by the international site only, in its cheapest tier. */
export const AI_DISCOUNT_MODEL = 'Qwen/Qwen3-8B';

export interface AiModel {
  id: string;
  /** Daily calls in the quota world. */
  modelLimit: number;
  tier: AiTier;
}

/**
 * The international site's paid models: two of its own, and four the China site serves too. Kimi-K2.5 costs 0.5
 * here and 1 on the China site, so a price learned on one site is visibly wrong on the other.
 */
export const AI_REAL_MODELS: readonly AiModel[] = [
  { id: AI_DISCOUNT_MODEL, modelLimit: 1000, tier: 'discount' },
  { id: 'deepseek-ai/DeepSeek-V4-Flash', modelLimit: 200, tier: 'lite' },
  { id: 'moonshotai/Kimi-K2.5', modelLimit: 500, tier: 'lite' },
  { id: 'Qwen/Qwen3-Coder-480B-A35B-Instruct', modelLimit: 500, tier: 'standard' },
  { id: AI_ONLY_MODEL, modelLimit: 500, tier: 'standard' },
  { id: 'ZhipuAI/GLM-5.1', modelLimit: 200, tier: 'ultra' },
];

// ---- One site's world, as the handlers read it ------------------------------------------------

export interface SiteCatalogue {
  site: FakeSite;
  /** What GET /v1/models lists. */
  catalogueIds: readonly string[];
  /** Every model a chat completion may name (the catalogue and fake/hangup). */
  knownModels: ReadonlySet<string>;
  /** Daily call limits of the models whose calls are counted in the quota headers. */
  modelLimits: Readonly<Record<string, number>>;
  /** Monthly call limits of the models that send the monthly headers (and are never paid in credits). */
  monthlyLimits: Readonly<Record<string, number>>;
  /** The tier of every model ModelScope serves for credits, unless repriced (providers.ts). */
  modelTiers: Readonly<Record<string, SiteTier>>;
  /** Every model the site's provider list knows, with the providers other than ModelScope that serve it. */
  otherProviders: Readonly<Record<string, readonly ProviderName[]>>;
  /** `model_tier` and `CostTier` as the site writes each of its tiers, in each spelling. */
  tierTexts: Readonly<Record<TierSpelling, Readonly<Record<string, string>>>>;
  /** Credits a call costs in each of the site's tiers, cheapest first. */
  tierPrices: Readonly<Record<string, number>>;
  /** In the credit world these still send the four daily quota headers. */
  creditWorldHeaderModels: readonly string[];
}

const FAULT_IDS = FAKE_MODELS.map((m) => m.id);
const FAULT_LIMITS = Object.fromEntries(Object.entries(MODEL_LIMITS).filter(([id]) => FAULT_IDS.includes(id)));

export const CN_SITE: SiteCatalogue = {
  site: 'cn',
  catalogueIds: CATALOGUE_IDS,
  knownModels: new Set([...CATALOGUE_IDS, FAKE_HANGUP]),
  modelLimits: MODEL_LIMITS,
  monthlyLimits: {},
  modelTiers: MODEL_TIERS,
  otherProviders: OTHER_PROVIDERS,
  tierTexts: { english: TIER_TEXT, chinese: CHINESE_TIER_TEXT },
  tierPrices: TIER_PRICES,
  creditWorldHeaderModels: CREDIT_WORLD_HEADER_MODELS,
};

/** What the international site's GET /v1/models lists: its models, the monthly one, and the fault models but fake/hangup. */
export const AI_CATALOGUE_IDS: readonly string[] = [
  ...AI_REAL_MODELS.map((m) => m.id),
  AMBASSADOR_MODEL,
  ...FAULT_IDS.filter((id) => id !== FAKE_HANGUP),
];

export const AI_SITE: SiteCatalogue = {
  site: 'ai',
  catalogueIds: AI_CATALOGUE_IDS,
  knownModels: new Set([...AI_CATALOGUE_IDS, FAKE_HANGUP]),
  modelLimits: { ...Object.fromEntries(AI_REAL_MODELS.map((m) => [m.id, m.modelLimit])), ...FAULT_LIMITS },
  monthlyLimits: { [AMBASSADOR_MODEL]: MONTHLY_LIMIT },
  modelTiers: Object.fromEntries(AI_REAL_MODELS.map((m) => [m.id, m.tier])),
  // Only ModelScope serves its models; the monthly one without a credits price.
  otherProviders: Object.fromEntries([...AI_REAL_MODELS.map((m) => m.id), AMBASSADOR_MODEL].map((id) => [id, []])),
  // The Chinese names are the China site's website's; the international site keeps its English keys.
  tierTexts: { english: AI_TIER_TEXT, chinese: AI_TIER_TEXT },
  tierPrices: AI_TIER_PRICES,
  creditWorldHeaderModels: [],
};

export const SITE_CATALOGUES: Readonly<Record<FakeSite, SiteCatalogue>> = { cn: CN_SITE, ai: AI_SITE };
