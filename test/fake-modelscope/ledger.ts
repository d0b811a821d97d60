// Per-key call counters, as ModelScope keeps them: daily ones for the account and per model, and the monthly ones of
// the international site's Qwen-Ambassador models. One set per site.
import { ACCOUNT_LIMIT, beijingDay, type QuotaSnapshot } from './behaviours';

function limitOf(limits: Readonly<Record<string, number>>, model: string, what: string, site: string): number {
  const limit = limits[model];
  if (limit === undefined) throw new Error(`fake ModelScope does not count ${what} for ${model} on the ${site} site`);
  return limit;
}

const modelSlot = (key: string, model: string) => `${key}\n${model}`;
const keyOfSlot = (slot: string) => slot.slice(0, slot.indexOf('\n'));

function checkRemaining(remaining: number): void {
  if (!Number.isInteger(remaining) || remaining < 0) throw new Error(`remaining must be a whole number >= 0`);
}

export class QuotaLedger {
  private readonly account = new Map<string, number>();
  private readonly models = new Map<string, number>();

  /** `limits`: the daily call limit of every model whose calls the site counts. */
  constructor(
    private readonly limits: Readonly<Record<string, number>>,
    private readonly site: string,
  ) {}

  snapshot(key: string, model: string): QuotaSnapshot {
    const limit = limitOf(this.limits, model, 'calls', this.site);
    return {
      accountLimit: ACCOUNT_LIMIT,
      accountRemaining: this.account.get(key) ?? ACCOUNT_LIMIT,
      modelLimit: limit,
      modelRemaining: this.models.get(modelSlot(key, model)) ?? limit,
    };
  }

  /** Spends one call when both the account and the model have one left; the snapshot is taken after. */
  spend(key: string, model: string): { spent: boolean; quota: QuotaSnapshot } {
    const before = this.snapshot(key, model);
    if (before.accountRemaining === 0 || before.modelRemaining === 0) return { spent: false, quota: before };
    this.account.set(key, before.accountRemaining - 1);
    this.models.set(modelSlot(key, model), before.modelRemaining - 1);
    return { spent: true, quota: this.snapshot(key, model) };
  }

  setModelRemaining(key: string, model: string, remaining: number): void {
    limitOf(this.limits, model, 'calls', this.site);
    checkRemaining(remaining);
    this.models.set(modelSlot(key, model), remaining);
  }

  setAccountRemaining(key: string, remaining: number): void {
    checkRemaining(remaining);
    this.account.set(key, remaining);
  }

  /** Whether any counter of this key has moved. */
  has(key: string): boolean {
    return this.account.has(key) || [...this.models.keys()].some((slot) => keyOfSlot(slot) === key);
  }

  clear(): void {
    this.account.clear();
    this.models.clear();
  }
}

export interface MonthlyQuota {
  limit: number;
  remaining: number;
}

/** Calls left this month per key and model, starting again at the limit on each new Beijing month. */
export class MonthlyLedger {
  private readonly models = new Map<string, { month: string; remaining: number }>();

  constructor(
    private readonly limits: Readonly<Record<string, number>>,
    private readonly site: string,
    private readonly now: () => number,
  ) {}

  private month(): string {
    return beijingDay(this.now()).slice(0, 7);
  }

  snapshot(key: string, model: string): MonthlyQuota {
    const limit = limitOf(this.limits, model, 'monthly calls', this.site);
    const counter = this.models.get(modelSlot(key, model));
    return { limit, remaining: counter?.month === this.month() ? counter.remaining : limit };
  }

  /** Spends one of this month's calls when one is left; the snapshot is taken after. */
  spend(key: string, model: string): { spent: boolean; quota: MonthlyQuota } {
    const before = this.snapshot(key, model);
    if (before.remaining === 0) return { spent: false, quota: before };
    this.models.set(modelSlot(key, model), { month: this.month(), remaining: before.remaining - 1 });
    return { spent: true, quota: this.snapshot(key, model) };
  }

  /** Sets what is left of the current month. */
  setRemaining(key: string, model: string, remaining: number): void {
    limitOf(this.limits, model, 'monthly calls', this.site);
    checkRemaining(remaining);
    this.models.set(modelSlot(key, model), { month: this.month(), remaining });
  }

  has(key: string): boolean {
    return [...this.models.keys()].some((slot) => keyOfSlot(slot) === key);
  }

  clear(): void {
    this.models.clear();
  }
}
