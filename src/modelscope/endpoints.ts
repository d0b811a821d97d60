import type { Site } from '@src/contract/site';

/** The only place that knows ModelScope's URLs: each site has its own API-Inference host and Magicube family. */
interface SiteHosts {
  apiInference: string;
  /** Where the website's free APIs live: the Magicube family and the provider list (the China site's bare domain too). */
  webApi: string;
  /** The website a signed-in visit to which earns the daily login grant. */
  website: string;
}

const SITE_HOSTS: Readonly<Record<Site, SiteHosts>> = {
  cn: { apiInference: 'https://api-inference.modelscope.cn', webApi: 'https://modelscope.cn', website: 'https://modelscope.cn' },
  ai: { apiInference: 'https://api-inference.modelscope.ai', webApi: 'https://www.modelscope.ai', website: 'https://modelscope.ai' },
};

export const chatCompletionsUrl = (site: Site) => `${SITE_HOSTS[site].apiInference}/v1/chat/completions`;
export const modelsUrl = (site: Site) => `${SITE_HOSTS[site].apiInference}/v1/models`;
const magicubeUrl = (site: Site, path: string) => `${SITE_HOSTS[site].webApi}/openapi/v1/magicubes/${path}`;
export const magicubeBalanceUrl = (site: Site) => magicubeUrl(site, 'balance');
export const magicubeSpendRatesUrl = (site: Site) => magicubeUrl(site, 'spend/rates');
export const magicubeEarnRulesUrl = (site: Site) => magicubeUrl(site, 'earn/rules');
/**
 * The providers that serve a model, with API-Inference's price and tier: keyless. On a host the manifest already holds,
 * since a new required host would disable an installed extension until the user accepts it.
 */
export const providerListUrl = (site: Site, model: string) =>
  `${SITE_HOSTS[site].webApi}/api/v1/inference/list_model_providers?${new URLSearchParams({ ModelId: model })}`;
/** A model's page on the site, where its providers and price are shown. */
export const modelPageUrl = (site: Site, model: string) => `${SITE_HOSTS[site].website}/models/${model.split('/').map(encodeURIComponent).join('/')}`;
/** Where a user creates an access token for the site. */
export const accessTokenPageUrl = (site: Site) => `${SITE_HOSTS[site].website}/my/myaccesstoken`;
/** The site's home page: a signed-in visit there earns the day's login grant. */
export const websiteUrl = (site: Site) => SITE_HOSTS[site].website;
/** The site's website host as people write it ("modelscope.cn"). */
export const websiteHost = (site: Site) => new URL(SITE_HOSTS[site].website).host;

/**
 * The host permissions a site's requests need. The China site's are the manifest's required ones; the international
 * site's are optional, asked for when the user adds an international key.
 */
export function siteHostPatterns(site: Site): string[] {
  const hosts = SITE_HOSTS[site];
  return [...new Set([hosts.apiInference, hosts.webApi, hosts.website])].map((origin) => `${origin}/*`);
}

/** The page size the ledger tools use; a shorter page is the last one. */
export const MAGICUBE_PAGE_SIZE = 100;

/** The smallest chat completion that still returns the quota headers; it spends one call. */
export function probeRequestBody(model: string): string {
  return JSON.stringify({
    model,
    messages: [{ role: 'user', content: 'hi' }],
    max_tokens: 1,
    stream: false,
    // Qwen3-style thinking models reject non-streaming calls without this.
    enable_thinking: false,
  });
}

export function authHeaders(apiKey: string): Record<string, string> {
  return { Authorization: `Bearer ${apiKey}` };
}

/** The kinds of Magicube transaction the ledger lists: confirmed spends, and grants earned. */
export type MagicubeTransactionType = 'SPEND_CONFIRM' | 'EARN';

/** One page (from 1) of the site's Magicube ledger, newest first. */
export function magicubeTransactionsUrl(site: Site, type: MagicubeTransactionType, page: number): string {
  const query = new URLSearchParams({ type, page: String(page), page_size: String(MAGICUBE_PAGE_SIZE) });
  return `${magicubeUrl(site, 'transactions')}?${query}`;
}
