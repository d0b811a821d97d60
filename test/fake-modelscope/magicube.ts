// GET /openapi/v1/magicubes/*: balance, transactions (SPEND_CONFIRM and EARN), spend/rates and earn/rules. All free.
// The same paths and shapes on both sites, each answering from its own accounts, tiers and prices.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  DAILY_GRANTS,
  badParameterBody,
  bearerKey,
  earnRule,
  garbageGrantRows,
  garbageSpendRows,
  ignoredLedgerBody,
  ignoredRulesBody,
  magicubeAmount,
  magicubeBalanceBody,
  magicubeInvalidTokenBody,
  magicubeQuotaLimitBody,
  magicubeTime,
  spendRatesBody,
  type DailyGrantRule,
  type FakeWorld,
  type KeyStatus,
  type MagicubeTimeFormat,
} from './behaviours';
import type { CreditAccounts } from './credits';
import { sendJson } from './reply';
import { worldOn, type FakeSite, type SiteCatalogue } from './sites';

const MAGICUBE_PREFIX = '/openapi/v1/magicubes/';

export interface MagicubeOptions {
  /** The China site's world. */
  world: FakeWorld;
  /** The international site's world. */
  aiWorld: FakeWorld;
  /**
   * `extra-headers`: the ledger and rules answer a 200 without data unless OpenAPI-Token and X-Modelfun-Token carry the
   * token. `browser-origin`: they also want the website's own Origin, which an extension cannot send, so they never
   * answer it (the strictest report of the unsettled auth detail).
   */
  magicubeAuth: 'bearer' | 'extra-headers' | 'browser-origin';
  timeFormat: MagicubeTimeFormat;
  amountsAsStrings: boolean;
  /** Mix rows with unreadable amounts and dates into the ledger pages. */
  garbageRows: boolean;
  /** Earn rules say `today_count` instead of `today_used`. */
  rulesTodayCount: boolean;
  /** Grants carry `expire_at` (otherwise only the 24 h rule tells their expiry). */
  grantExpireAt: boolean;
  now: () => number;
}

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 10;

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  return (Array.isArray(value) ? value[0] : value) ?? null;
}

/** Whether the request comes from the site's website itself, as a page of modelscope.cn (or .ai) would. */
function fromTheWebsite(req: IncomingMessage, catalogue: SiteCatalogue): boolean {
  return catalogue.websiteOrigin.test(header(req, 'origin') ?? '');
}

/** Whether the request carries the token in the two extra headers as well as in Authorization. */
function hasExtraTokenHeaders(req: IncomingMessage, key: string): boolean {
  return header(req, 'openapi-token') === key && header(req, 'x-modelfun-token') === key;
}

function pageOf<T>(rows: readonly T[], search: URLSearchParams): T[] | null {
  const page = Number(search.get('page') ?? '1');
  const size = Math.min(MAX_PAGE_SIZE, Number(search.get('page_size') ?? DEFAULT_PAGE_SIZE));
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1) return null;
  return rows.slice((page - 1) * size, page * size);
}

const ENDPOINTS = ['balance', 'transactions', 'spend/rates', 'earn/rules'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

/** The Magicube endpoint a path names, or null for any other path. */
export function magicubeEndpoint(path: string): Endpoint | null {
  const name = path.startsWith(MAGICUBE_PREFIX) ? path.slice(MAGICUBE_PREFIX.length) : '';
  return (ENDPOINTS as readonly string[]).includes(name) ? (name as Endpoint) : null;
}

/** One site's Magicube side: what its endpoints answer from. */
export interface MagicubeSite {
  site: FakeSite;
  catalogue: SiteCatalogue;
  credits: CreditAccounts;
  /** A key's status on this site: a token of the other site is refused like a bad one. */
  keyStatus(key: string | null): KeyStatus;
}

/** GET on one Magicube endpoint: the key is checked first, as on every ModelScope endpoint. */
export function answerMagicube(
  req: IncomingMessage,
  res: ServerResponse,
  endpoint: Endpoint,
  search: URLSearchParams,
  on: MagicubeSite,
  options: MagicubeOptions,
): void {
  const { catalogue, credits } = on;
  const key = bearerKey(req.headers.authorization);
  const status = on.keyStatus(key);
  if (key === null || status === 'invalid') return sendJson(res, 401, magicubeInvalidTokenBody());
  if (status === 'magicube-limited') return sendJson(res, 429, magicubeQuotaLimitBody());
  const ignored =
    (options.magicubeAuth === 'extra-headers' && !hasExtraTokenHeaders(req, key)) ||
    (options.magicubeAuth === 'browser-origin' && !(hasExtraTokenHeaders(req, key) && fromTheWebsite(req, catalogue)));
  switch (endpoint) {
    case 'balance':
      return sendJson(res, 200, worldOn(on.site, options) === 'credits' ? creditBalanceBody(credits, key) : magicubeBalanceBody());
    case 'transactions':
      return answerTransactions(res, search, on, key, options, ignored);
    case 'spend/rates':
      return sendJson(res, 200, spendRatesBody(catalogue.tierPrices, catalogue.tierText));
    case 'earn/rules':
      return sendJson(res, 200, ignored ? ignoredRulesBody() : earnRulesBody(on, key, options));
  }
}

function creditBalanceBody(credits: CreditAccounts, key: string) {
  const { total, available, frozen } = credits.balance(key);
  return { success: true, request_id: randomUUID(), data: { total_balance: total, available_balance: available, frozen_amount: frozen } };
}

function answerTransactions(
  res: ServerResponse,
  search: URLSearchParams,
  on: MagicubeSite,
  key: string,
  options: MagicubeOptions,
  ignored: boolean,
): void {
  const type = search.get('type');
  if (type !== 'SPEND_CONFIRM' && type !== 'EARN') return sendJson(res, 400, badParameterBody('type must be SPEND_CONFIRM or EARN'));
  if (ignored) return sendJson(res, 200, ignoredLedgerBody());
  const rows = type === 'SPEND_CONFIRM' ? spendRecords(on, key, options) : grantRecords(on.credits, key, options);
  const records = pageOf(rows, search);
  if (records === null) return sendJson(res, 400, badParameterBody('page and page_size must be whole numbers from 1'));
  sendJson(res, 200, { success: true, request_id: randomUUID(), data: { records } });
}

/** Puts the garbage rows second, so that they sit among real rows on the first page. */
function withGarbage<T>(rows: T[], garbage: readonly T[], on: boolean): T[] {
  return on ? [...rows.slice(0, 1), ...garbage, ...rows.slice(1)] : rows;
}

function spendRecords({ catalogue, credits }: MagicubeSite, key: string, options: MagicubeOptions): unknown[] {
  const text = (tier: string) => catalogue.tierText[tier] ?? tier;
  const rows = credits.spendRows(key).map((row) => ({
    gmt_created: magicubeTime(row.at, options.timeFormat),
    model_tier: text(row.tier),
    total_amount: magicubeAmount(row.amount, options.amountsAsStrings),
    count: row.count,
  }));
  // A real tier of the site (its second), so that only the date or the amount is unreadable.
  const garbage = garbageSpendRows(options.now(), options.timeFormat, Object.values(catalogue.tierText)[1]);
  return withGarbage<unknown>(rows, garbage, options.garbageRows);
}

function grantRecords(credits: CreditAccounts, key: string, options: MagicubeOptions): unknown[] {
  const rows = credits.grantRows(key).map((grant) => ({
    gmt_created: magicubeTime(grant.at, options.timeFormat),
    rule_key: grant.ruleKey,
    total_amount: magicubeAmount(grant.amount, options.amountsAsStrings),
    ...(options.grantExpireAt ? { expire_at: magicubeTime(grant.expiresAt, options.timeFormat) } : {}),
  }));
  return withGarbage<unknown>(rows, garbageGrantRows(options.now(), options.timeFormat), options.garbageRows);
}

function earnRulesBody({ catalogue, credits }: MagicubeSite, key: string, options: MagicubeOptions) {
  const rules = (Object.keys(DAILY_GRANTS) as DailyGrantRule[]).map((rule) =>
    earnRule(rule, credits.grantedToday(key, rule), options.rulesTodayCount, catalogue.grantTitles),
  );
  return { success: true, request_id: randomUUID(), data: rules };
}
