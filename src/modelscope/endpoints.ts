import type { Site } from '@src/contract/site';

/** The only place that knows ModelScope's URLs: each site has its own API-Inference host and Magicube family. */
interface SiteHosts {
  apiInference: string;
  /** Where the Magicube endpoints live (the China site serves them on its bare domain too). */
  magicube: string;
  /** The website a signed-in visit to which earns the daily login grant. */
  website: string;
}

const SITE_HOSTS: Readonly<Record<Site, SiteHosts>> = {
  cn: { apiInference: 'https://api-inference.modelscope.cn', magicube: 'https://modelscope.cn', website: 'https://modelscope.cn' },
  ai: { apiInference: 'https://api-inference.modelscope.ai', magicube: 'https://www.modelscope.ai', website: 'https://modelscope.ai' },
};

export const chatCompletionsUrl = (site: Site) => `${SITE_HOSTS[site].apiInference}/v1/chat/completions`;
export const modelsUrl = (site: Site) => `${SITE_HOSTS[site].apiInference}/v1/models`;
const magicubeUrl = (site: Site, path: string) => `${SITE_HOSTS[site].magicube}/openapi/v1/magicubes/${path}`;
export const magicubeBalanceUrl = (site: Site) => magicubeUrl(site, 'balance');
export const magicubeSpendRatesUrl = (site: Site) => magicubeUrl(site, 'spend/rates');
export const magicubeEarnRulesUrl = (site: Site) => magicubeUrl(site, 'earn/rules');
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
  return [...new Set([hosts.apiInference, hosts.magicube, hosts.website])].map((origin) => `${origin}/*`);
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

const MODELSCOPE_HOSTS = new Set(['modelscope.cn', 'www.modelscope.cn', 'modelscope.ai', 'www.modelscope.ai']);

/**
 * The token as Bearer and, for ModelScope's own hosts only, also as the two headers without which the ledger and
 * rules endpoints are reported to answer a 200 without data.
 */
export function magicubeAuthHeaders(url: string, apiKey: string): Record<string, string> {
  const host = URL.canParse(url) ? new URL(url).host : '';
  if (!MODELSCOPE_HOSTS.has(host)) return authHeaders(apiKey);
  return { ...authHeaders(apiKey), 'OpenAPI-Token': apiKey, 'X-Modelfun-Token': apiKey };
}
