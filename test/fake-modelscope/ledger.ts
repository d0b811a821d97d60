// Per-key daily call counters, as ModelScope keeps them: one for the account, one per model.
import { ACCOUNT_LIMIT, MODEL_LIMITS, type QuotaSnapshot } from './behaviours';

function modelLimit(model: string): number {
  const limit = MODEL_LIMITS[model];
  if (limit === undefined) throw new Error(`fake ModelScope does not count calls for ${model}`);
  return limit;
}

const modelSlot = (key: string, model: string) => `${key}\n${model}`;

function checkRemaining(remaining: number): void {
  if (!Number.isInteger(remaining) || remaining < 0) throw new Error(`remaining must be a whole number >= 0`);
}

export class QuotaLedger {
  private readonly account = new Map<string, number>();
  private readonly models = new Map<string, number>();

  snapshot(key: string, model: string): QuotaSnapshot {
    const limit = modelLimit(model);
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
    modelLimit(model);
    checkRemaining(remaining);
    this.models.set(modelSlot(key, model), remaining);
  }

  setAccountRemaining(key: string, remaining: number): void {
    checkRemaining(remaining);
    this.account.set(key, remaining);
  }

  clear(): void {
    this.account.clear();
    this.models.clear();
  }
}
