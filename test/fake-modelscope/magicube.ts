// GET /openapi/v1/magicubes/*: balance, transactions (SPEND_CONFIRM and EARN), spend/rates and earn/rules. All free.
// The same paths and shapes on both sites, each answering from its own accounts, tiers and prices. The Bearer token
// alone is enough, as a real capture (2026-09-22) shows.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  badParameterBody,
  beijingDay,
  bearerKey,
  daysBetween,
  garbageGrantRows,
  garbageSpendRows,
  ignoredLedgerBody,
  ignoredRulesBody,
  lifetimeDays,
  magicubeAmount,
  magicubeBalanceBody,
  magicubeInvalidTokenBody,
  magicubeQuotaLimitBody,
  magicubeTime,
  pageSizeLimitBody,
  spendRatesBody,
  type FakeWorld,
  type KeyStatus,
  type MagicubeTimeFormat,
  type TierSpelling,
} from './behaviours';
import type { CreditAccounts, GrantEntry, SpendEntry } from './credits';
import { EARN_RULES, earnRuleOf, earnRuleRow } from './earn-rules';
import { sendJson } from './reply';
import { worldOn, type FakeSite, type SiteCatalogue } from './sites';

const MAGICUBE_PREFIX = '/openapi/v1/magicubes/';

export interface MagicubeOptions {
  /** The China site's world. */
  world: FakeWorld;
  /** The international site's world. */
  aiWorld: FakeWorld;
  /** The ledger and earn rules answer a 200 without their data, whatever the request carries. */
  ledgerWithheld: boolean;
  timeFormat: MagicubeTimeFormat;
  /** How the China site writes its tiers in the ledger and rates. */
  tierSpelling: TierSpelling;
  amountsAsStrings: boolean;
  /** Mix rows with unreadable amounts and dates into the ledger pages. */
  garbageRows: boolean;
  /** Earn rules say `today_count` instead of `today_used`. */
  rulesTodayCount: boolean;
  /** Grants carry their expiry (`expire_days`, `expire_at`, `days_remaining`); otherwise only the 24 h rule tells it. */
  grantExpireAt: boolean;
  now: () => number;
}

const MAX_PAGE_SIZE = 100;
const DEFAULT_PAGE_SIZE = 10;
const LEDGER_TYPES = ['SPEND_CONFIRM', 'EARN'] as const;
type LedgerType = (typeof LEDGER_TYPES)[number];

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
  switch (endpoint) {
    case 'balance':
      return sendJson(res, 200, worldOn(on.site, options) === 'credits' ? creditBalanceBody(credits, key) : magicubeBalanceBody());
    case 'transactions':
      return answerTransactions(res, search, on, key, options);
    case 'spend/rates':
      return sendJson(res, 200, spendRatesBody(catalogue.tierPrices, catalogue.tierTexts[options.tierSpelling]));
    case 'earn/rules':
      return sendJson(res, 200, options.ledgerWithheld ? ignoredRulesBody() : earnRulesBody(credits, key, options));
  }
}

function creditBalanceBody(credits: CreditAccounts, key: string) {
  const { total, available, frozen } = credits.balance(key);
  return { success: true, request_id: randomUUID(), data: { total_balance: total, available_balance: available, frozen_amount: frozen } };
}

/** The page and page size asked for (default 1 and 10), or null when either is not a whole number from 1. */
function pagingOf(search: URLSearchParams): { page: number; size: number } | null {
  const page = Number(search.get('page') ?? '1');
  const size = Number(search.get('page_size') ?? DEFAULT_PAGE_SIZE);
  if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1) return null;
  return { page, size };
}

function answerTransactions(res: ServerResponse, search: URLSearchParams, on: MagicubeSite, key: string, options: MagicubeOptions): void {
  if (options.ledgerWithheld) return sendJson(res, 200, ignoredLedgerBody());
  const type = search.get('type');
  if (type !== null && !(LEDGER_TYPES as readonly string[]).includes(type)) {
    return sendJson(res, 400, badParameterBody('type must be SPEND_CONFIRM or EARN'));
  }
  const paging = pagingOf(search);
  if (paging === null) return sendJson(res, 400, badParameterBody('page and page_size must be whole numbers from 1'));
  if (paging.size > MAX_PAGE_SIZE) return sendJson(res, 403, pageSizeLimitBody(MAX_PAGE_SIZE));
  const rows = ledgerRows(on, key, options, type as LedgerType | null);
  const records = rows.slice((paging.page - 1) * paging.size, paging.page * paging.size);
  sendJson(res, 200, { success: true, request_id: randomUUID(), data: { page: paging.page, page_size: paging.size, records, total: rows.length } });
}

/** The rows of one type, or of both mixed (newest first; a spend before a grant of the same moment, as in the capture). */
function ledgerRows(on: MagicubeSite, key: string, options: MagicubeOptions, type: LedgerType | null): unknown[] {
  const spends = type === 'EARN' ? [] : on.credits.spendRows(key).map((row) => ({ at: row.at, record: spendRecord(row, on.catalogue, options) }));
  const grants = type === 'SPEND_CONFIRM' ? [] : on.credits.grantRows(key).map((grant) => ({ at: grant.at, record: grantRecord(grant, options) }));
  const rows = [...spends, ...grants].sort((a, b) => b.at - a.at).map((row) => row.record);
  return withGarbage(rows, garbageOf(on.catalogue, options, type), options.garbageRows);
}

/** Puts the garbage rows second, so that they sit among real rows on the first page. */
function withGarbage<T>(rows: T[], garbage: readonly T[], on: boolean): T[] {
  return on ? [...rows.slice(0, 1), ...garbage, ...rows.slice(1)] : rows;
}

function garbageOf(catalogue: SiteCatalogue, options: MagicubeOptions, type: LedgerType | null): unknown[] {
  // A real tier of the site (its second), so that only the date or the amount is unreadable.
  const spends = garbageSpendRows(options.now(), options.timeFormat, Object.values(catalogue.tierTexts[options.tierSpelling])[1]);
  const grants = garbageGrantRows(options.now(), options.timeFormat);
  return [...(type === 'EARN' ? [] : spends), ...(type === 'SPEND_CONFIRM' ? [] : grants)];
}

/** A (Beijing day, tier) aggregate of confirmed calls, with every field of the capture. */
function spendRecord(row: SpendEntry, catalogue: SiteCatalogue, options: MagicubeOptions) {
  return {
    gmt_created: magicubeTime(row.at, options.timeFormat, 'gmt_created'),
    type: 'SPEND_CONFIRM',
    rule_key: 'api_inference',
    category_key: 'api_inference',
    model_tier: catalogue.tierTexts[options.tierSpelling][row.tier] ?? row.tier,
    title: '',
    description: '',
    category: '',
    total_amount: magicubeAmount(row.amount, options.amountsAsStrings),
    count: row.count,
  };
}

/** One grant, with its rule's words (empty for a rule the rules list does not have) and its exact expiry. */
function grantRecord(grant: GrantEntry, options: MagicubeOptions) {
  const rule = earnRuleOf(grant.ruleKey);
  return {
    gmt_created: magicubeTime(grant.at, options.timeFormat, 'gmt_created'),
    type: 'EARN',
    rule_key: grant.ruleKey,
    category_key: rule?.category_key ?? '',
    title: rule?.title ?? '',
    description: rule?.description ?? '',
    category: rule?.category ?? '',
    total_amount: magicubeAmount(grant.amount, options.amountsAsStrings),
    count: 1,
    ...(options.grantExpireAt ? grantExpiry(grant, options) : {}),
  };
}

function grantExpiry(grant: GrantEntry, options: MagicubeOptions) {
  return {
    expire_days: lifetimeDays(grant.at, grant.expiresAt),
    expire_at: magicubeTime(grant.expiresAt, options.timeFormat, 'expire_at'),
    // Whole Beijing days from today to the expiry's day; an expired grant has none left.
    days_remaining: Math.max(0, daysBetween(beijingDay(options.now()), beijingDay(grant.expiresAt))),
  };
}

function earnRulesBody(credits: CreditAccounts, key: string, options: MagicubeOptions) {
  const rules = EARN_RULES.map((rule) => earnRuleRow(rule, credits.earnedToday(key, rule.rule_key), options.rulesTodayCount));
  return { success: true, request_id: randomUUID(), data: rules };
}
