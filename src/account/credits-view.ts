import type { Balance, GrantRow, GrantRule, LedgerRow, TierPrice } from '@src/modelscope/magicube-shapes';
import { callsLeftFromCredits } from '@src/quota/calls-from-credits';
import { estimateCreditRunOut } from '@src/quota/credit-pace';
import { dailyGrantsToday, grantExpiries, type GrantExpiry } from '@src/quota/daily-grants';
import { toHundredths } from '@src/quota/hundredths';
import { lastReset, quotaDay } from '@src/quota/reset-time';
import { dailySpendSeries, type SpendSeries } from '@src/quota/spend-series';
import { todayByTier, type TodaySpend } from '@src/quota/today-by-tier';
import type { AccountRecord, SourceName, SourceOutcome } from './record';

/** The days of spend the ledger is read over, and the Options chart shows. */
export const LEDGER_DAYS = 14;

/** How a source last answered, and when the figures shown from it were read (null: none shown). */
export interface SourceView {
  status: SourceOutcome;
  readAt: number | null;
  /** Rows the last read left out because ModelScope sent them unusable (the figures may then be short). */
  dropped: number;
}

/** Credits that expire at one moment. */
export interface ExpiryView extends GrantExpiry {
  /**
   * "Up to": the ledger shows spending since these were granted (or was not read), and ModelScope does not say which
   * grant a spend drew on, so some may be gone already. False: exactly these credits expire.
   */
  upTo: boolean;
}

export interface GrantsView {
  /** Whether today's login grant (`daily_active`) and Alibaba Cloud grant (`aliyun_bindlogin`) arrived. */
  dailyActive: boolean;
  aliyun: boolean;
  /** Every expiry still ahead among the grants read, soonest first. */
  expiries: ExpiryView[];
}

/** One way to earn short-term credits that still has room today. */
export interface EarnableRule {
  ruleKey: string;
  /** ModelScope's own title of it (in Chinese on both sites). */
  title: string | null;
  /** Credits each time, and the times left today. */
  credits: number;
  timesLeft: number;
}

/** What the earn rules still offer today on the website: their credits add up to `credits`. */
export interface EarnableView {
  credits: number;
  rules: EarnableRule[];
}

/** What the available balance buys in one tier: floor(available / price) calls. */
export interface TierCalls {
  tier: string;
  rawTier: string;
  price: number;
  calls: number;
}

/** The account in credits, from the free sources; a part whose source never answered is null, never 0. */
export interface CreditsView {
  sources: Readonly<Record<SourceName, SourceView>>;
  /** Null when the balance was never read, or the key was refused. */
  balance: Balance | null;
  /** Today (Beijing day) by tier, from a ledger read today: every app using this token. */
  today: TodaySpend | null;
  /** At today's pace the available balance lasts until about then (an estimate); null: not spending, or beyond today. */
  runOutAt: number | null;
  grants: GrantsView | null;
  /** Short-term credits the website still offers today (besides the two daily grants); null while the rules are unknown. */
  earnable: EarnableView | null;
  /** What a call costs in each tier, as ModelScope lists it. */
  rates: readonly TierPrice[] | null;
  /** What the balance buys in each priced tier, cheapest first; null while the balance or the rates are unknown. */
  buys: TierCalls[] | null;
  /** Credits per day over LEDGER_DAYS days; days the ledger did not cover say so. */
  spend: SpendSeries;
}

/** The balance the account can spend, with its source: unusable once the key was refused. */
export function usableBalance(record: AccountRecord): { balance: Balance; readAt: number } | null {
  const { value, read_at: readAt, last } = record.balance;
  return value !== null && readAt !== null && last.outcome !== 'refused' ? { balance: value, readAt } : null;
}

/** A value read since today began; an earlier one says nothing about today's spend or grants. */
function readToday<T>({ value, read_at: readAt }: { value: T | null; read_at: number | null }, now: number): T | null {
  return value !== null && readAt !== null && readAt >= lastReset(now) ? value : null;
}

/** Whether the ledger shows credits spent on or after the day of `at`; null while it was not read today. */
function spentSince(ledger: readonly LedgerRow[] | null, at: number): boolean | null {
  if (ledger === null) return null;
  const day = quotaDay(at);
  return ledger.some((row) => quotaDay(row.at) >= day && toHundredths(row.credits) > 0);
}

/**
 * The grants read today, with each expiry ahead. An expiry is "up to" when the ledger shows spending since its grants
 * came (or was not read), or when the balance holds less than the credits expiring by then: no more can expire than
 * the account has, whatever the ledger says.
 */
function grants(rows: readonly GrantRow[] | null, ledger: readonly LedgerRow[] | null, available: number | null, now: number): GrantsView | null {
  if (rows === null) return null;
  const { daily_active: dailyActive, aliyun_bindlogin: aliyun } = dailyGrantsToday(rows, now);
  let expiring = 0;
  const expiries = grantExpiries(rows, now).map((expiry) => {
    expiring += toHundredths(expiry.credits);
    const beyondBalance = available !== null && expiring > toHundredths(available);
    return { ...expiry, upTo: beyondBalance || (spentSince(ledger, expiry.issuedAt) ?? true) };
  });
  return { dailyActive, aliyun, expiries };
}

/** The two daily grants have their own line (they come from a visit to the website, and an Alibaba Cloud binding). */
const DAILY_GRANTS: ReadonlySet<string> = new Set(['daily_active', 'aliyun_bindlogin']);

/** The short-term rules with room left today: each one's credits times the times it can still pay out today. */
export function earnableToday(rules: readonly GrantRule[]): EarnableView {
  const open = rules.flatMap((rule): EarnableRule[] =>
    rule.scene === 'short_term' && !DAILY_GRANTS.has(rule.ruleKey) && rule.credits !== null && rule.credits > 0 && rule.todayRemain !== null && rule.todayRemain > 0
      ? [{ ruleKey: rule.ruleKey, title: rule.title, credits: rule.credits, timesLeft: rule.todayRemain }]
      : [],
  );
  const hundredths = open.reduce((sum, rule) => sum + toHundredths(rule.credits) * rule.timesLeft, 0);
  return { credits: hundredths / 100, rules: open.sort((a, b) => b.credits * b.timesLeft - a.credits * a.timesLeft) };
}

function sources(record: AccountRecord, balanceShown: boolean): Record<SourceName, SourceView> {
  const view = ({ last, read_at: readAt }: { last: AccountRecord['ledger']['last']; read_at: number | null }): SourceView => ({
    status: last.outcome,
    readAt,
    dropped: last.dropped,
  });
  return {
    balance: { ...view(record.balance), readAt: balanceShown ? record.balance.read_at : null },
    ledger: view(record.ledger),
    grants: view(record.grants),
    rates: view(record.rates),
    rules: view(record.rules),
  };
}

/** What the balance buys in each priced tier, cheapest first. */
export function buysOf(balance: Balance | null, rates: readonly TierPrice[] | null): TierCalls[] | null {
  if (balance === null || rates === null) return null;
  return rates
    .filter((rate) => rate.price > 0)
    .sort((a, b) => a.price - b.price)
    .map(({ tier, rawTier, price }) => ({ tier, rawTier, price, calls: callsLeftFromCredits(balance.available_balance, price) ?? 0 }));
}

/** The account in credits, from what the free reads left behind. */
export function creditsView(record: AccountRecord, now: number): CreditsView {
  const usable = usableBalance(record);
  const balance = usable?.balance ?? null;
  const ledgerRows: readonly LedgerRow[] | null = readToday(record.ledger, now)?.rows ?? null;
  const rules = readToday(record.rules, now);
  const runOutAt = balance === null || ledgerRows === null ? null : estimateCreditRunOut(ledgerRows, balance.available_balance, now);
  return {
    sources: sources(record, balance !== null),
    balance,
    today: ledgerRows === null ? null : todayByTier(ledgerRows, now),
    runOutAt,
    grants: grants(readToday(record.grants, now)?.rows ?? null, ledgerRows, balance?.available_balance ?? null, now),
    earnable: rules === null ? null : earnableToday(rules),
    rates: record.rates.value,
    buys: buysOf(balance, record.rates.value),
    spend: dailySpendSeries(record.ledger.value, LEDGER_DAYS, now),
  };
}
