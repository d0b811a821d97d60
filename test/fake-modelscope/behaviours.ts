// The fake ModelScope's catalogue: keys, models, limits and the exact bodies ModelScope answers with. Models, tiers and
// prices here are the China site's; the international site's are in sites.ts.
// Every behaviour reproduces a fact in /work/shared/modelscope-upstream.md.
import { randomUUID } from 'node:crypto';

// ---- Keys -------------------------------------------------------------------------------------

export const DEMO_KEY = 'ms-' + '0123456789abcdef'.repeat(2);
/** 401 on every endpoint. */
export const REVOKED_KEY = 'ms-' + 'dead'.repeat(8);
/** 403 on chat completions (account not bound to Alibaba Cloud); Magicube still answers. */
export const UNBOUND_KEY = 'ms-' + 'b0b0'.repeat(8);
/** 429 QuotaLimitExceed on the Magicube balance; chat completions work. */
export const MAGICUBE_LIMITED_KEY = 'ms-' + 'c0de'.repeat(8);

const KEY_PATTERN = /^ms-[0-9a-f]{32}$/;

export type KeyStatus = 'valid' | 'invalid' | 'unbound' | 'magicube-limited';

/** The token of an `Authorization: Bearer <token>` header, or null when there is none. */
export function bearerKey(authorization: string | undefined): string | null {
  return /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1] ?? null;
}

/** A missing key, a malformed one and a revoked one all get the same 401. */
export function keyStatus(key: string | null): KeyStatus {
  if (key === null || !KEY_PATTERN.test(key) || key === REVOKED_KEY) return 'invalid';
  if (key === UNBOUND_KEY) return 'unbound';
  if (key === MAGICUBE_LIMITED_KEY) return 'magicube-limited';
  return 'valid';
}

// ---- Models -----------------------------------------------------------------------------------

export const ACCOUNT_LIMIT = 2000;

export interface RealModel {
  id: string;
  modelLimit: number;
}

export const REAL_MODELS: readonly RealModel[] = [
  { id: 'Qwen/Qwen3-Coder-480B-A35B-Instruct', modelLimit: 500 },
  { id: 'ZhipuAI/GLM-4.7', modelLimit: 500 },
  { id: 'deepseek-ai/DeepSeek-V4-Flash', modelLimit: 200 },
  { id: 'deepseek-ai/DeepSeek-V4-Pro', modelLimit: 100 },
  { id: 'ZhipuAI/GLM-5.1', modelLimit: 200 },
  { id: 'moonshotai/Kimi-K2.5', modelLimit: 500 },
  { id: 'MiniMax/MiniMax-M2.5', modelLimit: 500 },
];

/** The models the provider list showed ModelScope serving in 2026-08 (and MiniMax-M3, mentioned since). */
export const SERVED_MODELS: readonly RealModel[] = [
  { id: 'Qwen/Qwen3.5-397B-A17B', modelLimit: 500 },
  { id: 'deepseek-ai/DeepSeek-V4-Flash-0731', modelLimit: 500 },
  { id: 'ZhipuAI/GLM-5.2', modelLimit: 500 },
  { id: 'Qwen/Qwen3-Coder-30B-A3B-Instruct', modelLimit: 500 },
  { id: 'stepfun-ai/Step-3.7-Flash', modelLimit: 500 },
  { id: 'MiniMax/MiniMax-M3', modelLimit: 500 },
];

export const FAKE_NO_HEADERS = 'fake/no-headers';
export const FAKE_GARBAGE_HEADERS = 'fake/garbage-headers';
export const FAKE_PARTIAL_HEADERS = 'fake/partial-headers';
export const FAKE_EXHAUSTED = 'fake/exhausted';
export const FAKE_BUSY = 'fake/busy';
export const FAKE_BUSY_ONCE = 'fake/busy-once';
export const FAKE_BAD_REQUEST = 'fake/bad-request';
export const FAKE_FORBIDDEN = 'fake/forbidden';
export const FAKE_HTML_502 = 'fake/html-502';
export const FAKE_FLAKY = 'fake/flaky';
export const FAKE_SLOW = 'fake/slow';
export const FAKE_RESET = 'fake/reset';
export const FAKE_HANGUP = 'fake/hangup';
export const FAKE_NOT_JSON = 'fake/not-json';
export const FAKE_ECHO_KEY = 'fake/echo-key';
export const FAKE_HUGE_ERROR = 'fake/huge-error';

export const FAKE_MODELS: readonly { id: string; description: string }[] = [
  { id: FAKE_NO_HEADERS, description: '200 with a normal body and none of the four quota headers (post-2026-08 reality).' },
  { id: FAKE_GARBAGE_HEADERS, description: '200 with the four quota headers present but unusable ("", "abc", "-5", "12.5").' },
  { id: FAKE_PARTIAL_HEADERS, description: '200 with only the two model headers (limit 300, decrementing), no account headers.' },
  { id: FAKE_EXHAUSTED, description: '429 "Request limit exceeded." with headers 2000/1500 account, 100/0 model.' },
  { id: FAKE_BUSY, description: '429 "Request limit exceeded." without quota headers (too many at once).' },
  { id: FAKE_BUSY_ONCE, description: 'Like fake/busy on the first call per key since reset, then a normal model (limit 400).' },
  { id: FAKE_BAD_REQUEST, description: '400 with an empty body.' },
  { id: FAKE_FORBIDDEN, description: '403 "please bind your alibaba cloud account before use", even for valid keys.' },
  { id: FAKE_HTML_502, description: '502 text/html nginx gateway page.' },
  { id: FAKE_FLAKY, description: 'First call per key since reset: 503 HTML gateway page; then a normal model (limit 300).' },
  { id: FAKE_SLOW, description: 'Waits slowMs before answering as a normal model (limit 300).' },
  { id: FAKE_RESET, description: '200 and the four headers (limit 300), then the connection drops mid-body.' },
  { id: FAKE_HANGUP, description: 'The connection drops before anything is sent; not in GET /v1/models.' },
  { id: FAKE_NOT_JSON, description: '200 with the four headers (limit 300) and a text/plain body "this is not json".' },
  { id: FAKE_ECHO_KEY, description: '400 whose error message echoes the full bearer key sent (must be redacted).' },
  { id: FAKE_HUGE_ERROR, description: '500 JSON error whose message is 100,000 characters long.' },
];

/** Plain, well-behaved models (limit 500) for batches larger than the real ids: up to 60 of them. */
export const POOL_MODELS: readonly string[] = Array.from({ length: 60 }, (_, index) => `pool/model-${index + 1}`);
const POOL_LIMIT = 500;

/** The real ids the fake serves: the seed's examples and the ones seen served since. */
const NAMED_MODELS: readonly RealModel[] = [...REAL_MODELS, ...SERVED_MODELS];

/** Daily call limit of every model whose calls are counted, per key. */
export const MODEL_LIMITS: Readonly<Record<string, number>> = {
  ...Object.fromEntries(NAMED_MODELS.map((m) => [m.id, m.modelLimit])),
  ...Object.fromEntries(POOL_MODELS.map((id) => [id, POOL_LIMIT])),
  [FAKE_PARTIAL_HEADERS]: 300,
  [FAKE_BUSY_ONCE]: 400,
  [FAKE_FLAKY]: 300,
  [FAKE_SLOW]: 300,
  [FAKE_RESET]: 300,
  [FAKE_NOT_JSON]: 300,
};

const ALL_MODEL_IDS = new Set([...NAMED_MODELS.map((m) => m.id), ...FAKE_MODELS.map((m) => m.id), ...POOL_MODELS]);

/** Qwen3-style thinking models reject non-streaming calls unless `enable_thinking` is false. */
export function requiresThinkingOff(id: string): boolean {
  return id.includes('Qwen3');
}

/** What GET /v1/models lists: everything but fake/hangup, which cannot be shown to answer. */
export const CATALOGUE_IDS: readonly string[] = [...ALL_MODEL_IDS].filter((id) => id !== FAKE_HANGUP);

/** `created` of every catalogue entry (2026-01-01T00:00:00Z), fixed so tests can compare. */
export const CATALOGUE_CREATED = 1767225600;

// ---- Probe request ----------------------------------------------------------------------------

export interface Probe {
  model: string;
  enableThinking: unknown;
}

/** The model and enable_thinking of a chat-completion body, or null when it is not JSON with a string model. */
export function parseProbe(body: string): Probe | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const { model, enable_thinking: enableThinking } = parsed as Record<string, unknown>;
  return typeof model === 'string' ? { model, enableThinking } : null;
}

// ---- Quota headers ----------------------------------------------------------------------------

export const QUOTA_HEADERS = {
  accountLimit: 'modelscope-ratelimit-requests-limit',
  accountRemaining: 'modelscope-ratelimit-requests-remaining',
  modelLimit: 'modelscope-ratelimit-model-requests-limit',
  modelRemaining: 'modelscope-ratelimit-model-requests-remaining',
} as const;

/** The monthly count the international site's Qwen-Ambassador models were seen sending instead (2026-08). */
export const MONTHLY_QUOTA_HEADERS = {
  limit: 'modelscope-ratelimit-model-month-requests-limit',
  remaining: 'modelscope-ratelimit-model-month-requests-remaining',
} as const;

export interface QuotaSnapshot {
  accountLimit: number;
  accountRemaining: number;
  modelLimit: number;
  modelRemaining: number;
}

export function quotaHeaders(q: QuotaSnapshot, scope: 'all' | 'model-only'): Record<string, string> {
  const model = {
    [QUOTA_HEADERS.modelLimit]: String(q.modelLimit),
    [QUOTA_HEADERS.modelRemaining]: String(q.modelRemaining),
  };
  if (scope === 'model-only') return model;
  return {
    [QUOTA_HEADERS.accountLimit]: String(q.accountLimit),
    [QUOTA_HEADERS.accountRemaining]: String(q.accountRemaining),
    ...model,
  };
}

export const GARBAGE_HEADERS: Readonly<Record<string, string>> = {
  [QUOTA_HEADERS.accountLimit]: '',
  [QUOTA_HEADERS.accountRemaining]: 'abc',
  [QUOTA_HEADERS.modelLimit]: '-5',
  [QUOTA_HEADERS.modelRemaining]: '12.5',
};

export const EXHAUSTED_HEADERS: Readonly<Record<string, string>> = quotaHeaders(
  { accountLimit: ACCOUNT_LIMIT, accountRemaining: 1500, modelLimit: 100, modelRemaining: 0 },
  'all',
);

// ---- Bodies -----------------------------------------------------------------------------------

export const AUTH_FAILED_MESSAGE =
  'Authentication failed, please make sure that a valid ModelScope token is supplied.';
export const UNBOUND_MESSAGE = 'please bind your alibaba cloud account before use';
export const LIMIT_EXCEEDED_MESSAGE = 'Request limit exceeded.';
export const THINKING_MESSAGE = 'parameter.enable_thinking must be set to false for non-streaming calls';
export const HUGE_ERROR_LENGTH = 100_000;

export const authFailedBody = () => ({ error: { message: AUTH_FAILED_MESSAGE, request_id: randomUUID() } });
export const unboundBody = () => ({ error: { message: UNBOUND_MESSAGE, request_id: randomUUID() } });
// The plural `errors` key is what ModelScope really sends on a 429.
export const limitExceededBody = () => ({ errors: { message: LIMIT_EXCEEDED_MESSAGE, request_id: randomUUID() } });
export const thinkingBody = () => ({ error: { message: THINKING_MESSAGE } });
export const modelNotFoundBody = (id: string) => ({
  error: { message: `Model not found: ${id}`, request_id: randomUUID() },
});
export const echoKeyBody = (key: string) => ({
  error: { message: `invalid token ${key} for model ${FAKE_ECHO_KEY}`, request_id: randomUUID() },
});
export const hugeErrorBody = () => ({ error: { message: 'x'.repeat(HUGE_ERROR_LENGTH), request_id: randomUUID() } });
export const notFoundBody = () => ({ error: { message: 'Not found' } });

export function completionBody(model: string) {
  return {
    id: `chatcmpl-${randomUUID()}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: 'H' }, finish_reason: 'length' }],
    usage: { prompt_tokens: 9, completion_tokens: 1, total_tokens: 10 },
  };
}

/** GET /v1/models: a site's catalogue, the China site's unless told. */
export function modelsListBody(ids: readonly string[] = CATALOGUE_IDS) {
  return {
    object: 'list',
    data: ids.map((id) => ({
      id,
      object: 'model',
      owned_by: id.split('/')[0],
      created: CATALOGUE_CREATED,
    })),
  };
}

const GATEWAY_TITLES = { 502: '502 Bad Gateway', 503: '503 Service Temporarily Unavailable' } as const;

/** The HTML page an nginx gateway sends in front of a failing upstream. */
export function gatewayPage(status: keyof typeof GATEWAY_TITLES): string {
  const title = GATEWAY_TITLES[status];
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

// ---- Magicube balance -------------------------------------------------------------------------

export const DEMO_MAGICUBE = { total_balance: 143.5, available_balance: 140, frozen_amount: 3.5 } as const;

export const magicubeBalanceBody = () => ({ success: true, request_id: randomUUID(), data: { ...DEMO_MAGICUBE } });
export const magicubeInvalidTokenBody = () => ({
  success: false,
  code: 'InvalidToken',
  message: 'Invalid token',
  request_id: randomUUID(),
});
export const magicubeQuotaLimitBody = () => ({
  success: false,
  code: 'QuotaLimitExceed',
  message: 'quota limit exceeded',
  request_id: randomUUID(),
});

// ---- The credit world (since 2026-08) ---------------------------------------------------------

/**
 * `quota`: the pre-credit fake, where counted models send the four quota headers and the balance is DEMO_MAGICUBE.
 * `credits`: the China site as it is now: calls are paid in Magicube credits by tier, models send no quota headers
 * (but CREDIT_WORLD_HEADER_MODELS), and a model whose provider list lacks ModelScope answers 404. Each site has its own
 * world (the international site's: sites.ts).
 */
export type FakeWorld = 'quota' | 'credits';

/** The China site's world in a fake whose test names none: switch this when the suites move to the credit world. */
export const DEFAULT_WORLD: FakeWorld = 'quota';

export type FakeTier = 'lite' | 'standard' | 'ultra';

/** How the China site writes a tier: its English key (as on the wire since 2026-09), or the website's Chinese name. */
export type TierSpelling = 'english' | 'chinese';

/** `model_tier` and `CostTier` as the China site writes them. */
export const TIER_TEXT: Readonly<Record<FakeTier, string>> = { lite: 'lite', standard: 'standard', ultra: 'ultra' };

/** The website's names of the same tiers, which the China site may write instead. */
export const CHINESE_TIER_TEXT: Readonly<Record<FakeTier, string>> = { lite: '轻量', standard: '主流', ultra: '旗舰' };

/** Credits a call costs in each tier (ModelScope's docs, 2026-08). */
export const TIER_PRICES: Readonly<Record<FakeTier, number>> = { lite: 0.5, standard: 1, ultra: 2 };

const POOL_TIERS: readonly FakeTier[] = ['lite', 'standard', 'ultra'];

/**
 * The tier of every model ModelScope serves for credits on the China site; the fake/* models are fault shapes and are
 * never paid. Qwen3-Coder-480B and GLM-4.7 are absent: only DashScope serves them now (OTHER_PROVIDERS).
 */
export const MODEL_TIERS: Readonly<Record<string, FakeTier>> = {
  'deepseek-ai/DeepSeek-V4-Flash': 'lite',
  'MiniMax/MiniMax-M2.5': 'lite',
  'MiniMax/MiniMax-M3': 'lite',
  'moonshotai/Kimi-K2.5': 'standard',
  'Qwen/Qwen3-Coder-30B-A3B-Instruct': 'standard',
  'stepfun-ai/Step-3.7-Flash': 'standard',
  'deepseek-ai/DeepSeek-V4-Pro': 'ultra',
  'ZhipuAI/GLM-5.1': 'ultra',
  'Qwen/Qwen3.5-397B-A17B': 'ultra',
  'deepseek-ai/DeepSeek-V4-Flash-0731': 'ultra',
  'ZhipuAI/GLM-5.2': 'ultra',
  ...Object.fromEntries(POOL_MODELS.map((id, index) => [id, POOL_TIERS[index % POOL_TIERS.length]!])),
};

/** In the credit world these still send the four quota headers (one per tier), and are paid in credits as well. */
export const CREDIT_WORLD_HEADER_MODELS: readonly string[] = POOL_MODELS.slice(0, 3);

// ---- The provider list (GET /api/v1/inference/list_model_providers) -----------------------------

/** A provider as the list names it; only `ModelScope` is API-Inference, paid in credits. */
export interface ProviderName {
  name: string;
  chineseName: string;
}

export const MODELSCOPE_PROVIDER: ProviderName = { name: 'ModelScope', chineseName: '魔搭社区' };
const DASHSCOPE_PROVIDER: ProviderName = { name: 'DashScope', chineseName: '阿里云百炼' };
const ZHIPU_PROVIDER: ProviderName = { name: 'ZhipuAI', chineseName: '智谱AI' };
const MOONSHOT_PROVIDER: ProviderName = { name: 'Moonshot', chineseName: '月之暗面' };

/** On the site, but served by DashScope alone: not callable with a ModelScope token (seen 2026-08-08). */
export const DASHSCOPE_ONLY_MODELS: readonly string[] = ['Qwen/Qwen3-Coder-480B-A35B-Instruct', 'ZhipuAI/GLM-4.7'];
/** On the site, served by its maker alone, and not in the API-Inference catalogue. */
export const ZHIPU_ONLY_MODEL = 'ZhipuAI/GLM-5';
export const MOONSHOT_ONLY_MODEL = 'moonshotai/Kimi-K3';
/** On the site, served by nobody: `"Providers": null`. */
export const UNSERVED_MODEL = 'Qwen/Qwen3.6-35B-A3B';

/**
 * Every model the China site's provider list knows (any other id answers 500), with the providers other than
 * ModelScope that serve it; whether ModelScope serves it, and at what tier, is MODEL_TIERS'.
 */
export const OTHER_PROVIDERS: Readonly<Record<string, readonly ProviderName[]>> = {
  ...Object.fromEntries(Object.keys(MODEL_TIERS).map((id) => [id, []])),
  'Qwen/Qwen3.5-397B-A17B': [DASHSCOPE_PROVIDER],
  'Qwen/Qwen3-Coder-30B-A3B-Instruct': [DASHSCOPE_PROVIDER],
  'deepseek-ai/DeepSeek-V4-Pro': [DASHSCOPE_PROVIDER],
  ...Object.fromEntries(DASHSCOPE_ONLY_MODELS.map((id) => [id, [DASHSCOPE_PROVIDER]])),
  [ZHIPU_ONLY_MODEL]: [ZHIPU_PROVIDER],
  [MOONSHOT_ONLY_MODEL]: [MOONSHOT_PROVIDER],
  [UNSERVED_MODEL]: [],
};

/** The list's answer to an id it does not know (or when the site fails: a client cannot tell). */
export const providerListErrorBody = () => ({ Code: 500, Success: false, Message: 'Internal Server Error', RequestId: randomUUID() });
export const providerListBadRequestBody = () => ({ Code: 400, Success: false, Message: 'ModelId is required', RequestId: randomUUID() });

// ---- Magicube accounts ------------------------------------------------------------------------

/** The free daily grants, issued once per Beijing day the account is used, expiring 24 h after issue. */
export const DAILY_GRANTS = { daily_active: 200, aliyun_bindlogin: 50 } as const;
export type DailyGrantRule = keyof typeof DAILY_GRANTS;
const DAY_MS = 24 * 3_600_000;
export const GRANT_LIFETIME_MS = DAY_MS;

/** No 2026 body is known for a call refused for want of credits; this guess follows the 429 shape (plural key). */
export const INSUFFICIENT_CREDITS_MESSAGE = 'Insufficient Magicube balance.';
export const insufficientCreditsBody = () => ({ errors: { message: INSUFFICIENT_CREDITS_MESSAGE, request_id: randomUUID() } });

/**
 * How `gmt_created` and `expire_at` are written: every form seen in the wild. `capture` is the real capture's: the
 * Beijing day alone for `gmt_created`, the full Beijing time for `expire_at`; the others write both fields alike.
 */
export type MagicubeTimeFormat = 'capture' | 'beijing-text' | 'date' | 'epoch-seconds' | 'epoch-ms';
export type MagicubeTimeField = 'gmt_created' | 'expire_at';

const BEIJING_OFFSET_MS = 8 * 3_600_000;

/** The Beijing day of a moment, YYYY-MM-DD. */
export function beijingDay(at: number): string {
  return new Date(at + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** Whole days from one YYYY-MM-DD day to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);
}

/** Whole days a grant lasts, rounded up, as `expire_days` says it. */
export function lifetimeDays(at: number, expiresAt: number): number {
  return Math.ceil((expiresAt - at) / DAY_MS);
}

/** A moment as the ledger writes one of its time fields in `format`. */
export function magicubeTime(at: number, format: MagicubeTimeFormat, field: MagicubeTimeField): string | number {
  const form = format === 'capture' ? (field === 'gmt_created' ? 'date' : 'beijing-text') : format;
  const beijing = new Date(at + BEIJING_OFFSET_MS).toISOString();
  if (form === 'date') return beijing.slice(0, 10);
  if (form === 'epoch-seconds') return Math.floor(at / 1000);
  if (form === 'epoch-ms') return at;
  return `${beijing.slice(0, 10)} ${beijing.slice(11, 19)}`;
}

/** Hundredths of a credit as ModelScope writes an amount: a number with decimals, or a numeric string. */
export function magicubeAmount(hundredths: number, asString: boolean): number | string {
  return asString ? (hundredths / 100).toFixed(2) : hundredths / 100;
}

/** The rates endpoint's list: a site's API-Inference tiers (the China site's three unless told), and a rate of another
 * scene that must be ignored. */
export function spendRatesBody(
  prices: Readonly<Record<string, number>> = TIER_PRICES,
  text: Readonly<Record<string, string>> = TIER_TEXT,
) {
  const rates = Object.entries(prices).map(([tier, price]) => ({
    scene: 'api_inference',
    model_tier: text[tier] ?? tier,
    unit: 'request',
    unit_price: price,
    min_charge: price,
  }));
  return { success: true, request_id: randomUUID(), data: { rates: [...rates, { scene: 'notebook', model_tier: 'GPU', unit: 'hour', unit_price: 6, min_charge: 6 }] } };
}

/** What the ledger and rules endpoints answer a request they silently ignore: a 200 without the data. */
export const ignoredLedgerBody = () => ({ success: true, request_id: randomUUID(), data: {} });
export const ignoredRulesBody = () => ({ success: true, request_id: randomUUID() });

/** Rows whose amount or date no parser can read, mixed into ledger pages when `garbageRows` is on. */
export function garbageSpendRows(at: number, format: MagicubeTimeFormat, tierText: string = TIER_TEXT.standard) {
  const spend = { type: 'SPEND_CONFIRM', rule_key: 'api_inference', model_tier: tierText };
  return [
    { gmt_created: 'yesterday', ...spend, total_amount: 1, count: 1 },
    { gmt_created: magicubeTime(at, format, 'gmt_created'), ...spend, total_amount: 'lots', count: 1 },
  ];
}

export function garbageGrantRows(at: number, format: MagicubeTimeFormat) {
  const grant = { type: 'EARN', rule_key: 'daily_active' };
  return [
    { gmt_created: '2026-13-45 99:00:00', ...grant, total_amount: 200, count: 1 },
    { gmt_created: magicubeTime(at, format, 'gmt_created'), ...grant, total_amount: -200, count: 1 },
  ];
}

export const badParameterBody = (message: string) => ({ success: false, code: 'InvalidParameter', message, request_id: randomUUID() });

/** A page larger than the ledger allows: refused like a spent quota, though it is only a paging limit. */
export const pageSizeLimitBody = (maxPageSize: number) => ({
  success: false,
  code: 'QuotaLimitExceed',
  message: `page_size must not exceed ${maxPageSize}`,
  request_id: randomUUID(),
});
