/** The only place that knows ModelScope's URLs. */
export const API_INFERENCE_ORIGIN = 'https://api-inference.modelscope.cn';
export const CHAT_COMPLETIONS_URL = `${API_INFERENCE_ORIGIN}/v1/chat/completions`;
export const MODELS_URL = `${API_INFERENCE_ORIGIN}/v1/models`;
const MAGICUBE_ORIGIN = 'https://modelscope.cn';
export const MAGICUBE_BALANCE_URL = `${MAGICUBE_ORIGIN}/openapi/v1/magicubes/balance`;
export const MAGICUBE_SPEND_RATES_URL = `${MAGICUBE_ORIGIN}/openapi/v1/magicubes/spend/rates`;
export const MAGICUBE_EARN_RULES_URL = `${MAGICUBE_ORIGIN}/openapi/v1/magicubes/earn/rules`;
/** The page size the ledger tools use; a shorter page is the last one. */
export const MAGICUBE_PAGE_SIZE = 100;
export const ACCESS_TOKEN_PAGE_URL = 'https://modelscope.cn/my/myaccesstoken';

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

/** One page (from 1) of the Magicube ledger, newest first. */
export function magicubeTransactionsUrl(type: MagicubeTransactionType, page: number): string {
  const query = new URLSearchParams({ type, page: String(page), page_size: String(MAGICUBE_PAGE_SIZE) });
  return `${MAGICUBE_ORIGIN}/openapi/v1/magicubes/transactions?${query}`;
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
