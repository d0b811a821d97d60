// Per-key Magicube accounts of one site: grants that expire, credits held while a call is in flight, and a spend ledger
// that aggregates confirmed calls per (Beijing day, tier) and shows them only after a lag. All amounts in hundredths.
import { DAILY_GRANTS, GRANT_LIFETIME_MS, beijingDay, type DailyGrantRule } from './behaviours';
import type { EarnedToday } from './earn-rules';
import type { SiteTier } from './sites';

export interface CreditSettings {
  now: () => number;
  ledgerLagMs: number;
  /** The daily grants issued on each new Beijing day an account is used. */
  dailyGrants: readonly DailyGrantRule[];
}

export interface GrantEntry {
  ruleKey: string;
  at: number;
  expiresAt: number;
  amount: number;
}

interface Grant extends GrantEntry {
  left: number;
}

/** A ledger row as ModelScope aggregates it; `at` is the first confirmed call's time. */
export interface SpendEntry {
  at: number;
  tier: SiteTier;
  amount: number;
  count: number;
}

interface SpendCell extends SpendEntry {
  /** Confirmed but not yet shown, each with the moment it shows. */
  pending: { showsAt: number; amount: number }[];
}

interface Account {
  grants: Grant[];
  held: number;
  cells: Map<string, SpendCell>;
  grantDays: Set<string>;
}

/** Credits held for one call in flight: confirmed (spent) when the call succeeds, released otherwise. */
export interface Hold {
  confirm(): void;
  release(): void;
}

export interface Balance {
  total: number;
  available: number;
  frozen: number;
}

export class CreditAccounts {
  private readonly accounts = new Map<string, Account>();

  /** `prices`: credits a call costs in each of the site's tiers; `site` names it in errors. */
  constructor(
    private readonly settings: () => CreditSettings,
    private readonly prices: Readonly<Record<string, number>>,
    private readonly site: string,
  ) {}

  /** A call's price in `tier`, in hundredths; a tier the site does not have is a mistake in the test. */
  private priceOf(tier: SiteTier): number {
    const price = this.prices[tier];
    if (price === undefined) throw new Error(`fake ModelScope's ${this.site} site has no tier ${tier}`);
    return Math.round(price * 100);
  }

  private account(key: string): Account {
    let account = this.accounts.get(key);
    if (!account) {
      account = { grants: [], held: 0, cells: new Map(), grantDays: new Set() };
      this.accounts.set(key, account);
    }
    const { now, dailyGrants } = this.settings();
    const at = now();
    const today = beijingDay(at);
    if (!account.grantDays.has(today)) {
      account.grantDays.add(today);
      for (const rule of dailyGrants) this.addGrant(account, rule, DAILY_GRANTS[rule] * 100, at, at + GRANT_LIFETIME_MS);
    }
    return account;
  }

  private addGrant(account: Account, ruleKey: string, amount: number, at: number, expiresAt: number): void {
    account.grants.push({ ruleKey, at, expiresAt, amount, left: amount });
  }

  private unexpired(account: Account): Grant[] {
    const at = this.settings().now();
    return account.grants.filter((grant) => grant.expiresAt > at && grant.left > 0).sort((a, b) => a.expiresAt - b.expiresAt);
  }

  private available(account: Account): number {
    return this.unexpired(account).reduce((sum, grant) => sum + grant.left, 0) - account.held;
  }

  /** Spends from the grants that expire soonest, and records the spend in the ledger (shown after the lag). */
  private spend(account: Account, tier: SiteTier, amount: number): void {
    let owed = amount;
    for (const grant of this.unexpired(account)) {
      const drawn = Math.min(grant.left, owed);
      grant.left -= drawn;
      owed -= drawn;
      if (owed === 0) break;
    }
    const { now, ledgerLagMs } = this.settings();
    const at = now();
    const key = `${beijingDay(at)}\n${tier}`;
    const cell = account.cells.get(key) ?? { at, tier, amount: 0, count: 0, pending: [] };
    cell.pending.push({ showsAt: at + ledgerLagMs, amount });
    account.cells.set(key, cell);
  }

  balance(key: string): Balance {
    const account = this.account(key);
    const available = this.available(account);
    return { total: (available + account.held) / 100, available: available / 100, frozen: account.held / 100 };
  }

  /** Holds one call's price, or gives null when the available credits do not cover it. */
  hold(key: string, tier: SiteTier): Hold | null {
    const price = this.priceOf(tier);
    const account = this.account(key);
    if (this.available(account) < price) return null;
    account.held += price;
    let settled = false;
    const settle = (spent: boolean) => {
      if (settled) return;
      settled = true;
      account.held -= price;
      if (spent) this.spend(account, tier, price);
    };
    return { confirm: () => settle(true), release: () => settle(false) };
  }

  /** Another client with the same token spends `calls` calls in `tier`; gives how many the credits paid for. */
  spendElsewhere(key: string, tier: SiteTier, calls: number): number {
    let spent = 0;
    while (spent < calls) {
      const hold = this.hold(key, tier);
      if (!hold) break;
      hold.confirm();
      spent += 1;
    }
    return spent;
  }

  /** A past day's spend, already shown and already paid for (it leaves today's balance alone). */
  seedSpend(key: string, entry: { at: number; tier: SiteTier; calls: number }): void {
    const price = this.priceOf(entry.tier);
    const account = this.account(key);
    const cellKey = `${beijingDay(entry.at)}\n${entry.tier}`;
    const cell = account.cells.get(cellKey) ?? { at: entry.at, tier: entry.tier, amount: 0, count: 0, pending: [] };
    cell.amount += price * entry.calls;
    cell.count += entry.calls;
    cell.at = Math.min(cell.at, entry.at);
    account.cells.set(cellKey, cell);
  }

  grant(key: string, ruleKey: string, credits: number, at: number, expiresAt: number): void {
    this.addGrant(this.account(key), ruleKey, Math.round(credits * 100), at, expiresAt);
  }

  /** The ledger rows shown now, newest first. */
  spendRows(key: string): SpendEntry[] {
    const account = this.account(key);
    const at = this.settings().now();
    const rows: SpendEntry[] = [];
    for (const cell of account.cells.values()) {
      const shown = cell.pending.filter((entry) => entry.showsAt <= at);
      cell.pending = cell.pending.filter((entry) => entry.showsAt > at);
      cell.amount += shown.reduce((sum, entry) => sum + entry.amount, 0);
      cell.count += shown.length;
      if (cell.count > 0) rows.push({ at: cell.at, tier: cell.tier, amount: cell.amount, count: cell.count });
    }
    return rows.sort((a, b) => b.at - a.at);
  }

  /** Every grant ever issued, newest first. */
  grantRows(key: string): GrantEntry[] {
    return this.account(key)
      .grants.map(({ ruleKey, at, expiresAt, amount }) => ({ ruleKey, at, expiresAt, amount }))
      .sort((a, b) => b.at - a.at);
  }

  /** The grants issued under one rule on the current Beijing day: how many, and their credits. */
  earnedToday(key: string, ruleKey: string): EarnedToday {
    const today = beijingDay(this.settings().now());
    const grants = this.account(key).grants.filter((grant) => grant.ruleKey === ruleKey && beijingDay(grant.at) === today);
    return { count: grants.length, credits: grants.reduce((sum, grant) => sum + grant.amount, 0) / 100 };
  }

  /** Whether this key has an account here yet (any request or helper that touched it opens one). */
  has(key: string): boolean {
    return this.accounts.has(key);
  }

  clear(): void {
    this.accounts.clear();
  }
}
