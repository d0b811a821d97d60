import type { QuotaNumbers } from '@src/modelscope/quota-headers';

/** One recorded check of a model: its numbers when it was checked (epoch milliseconds, kept to the second). */
export type HistoryPoint = QuotaNumbers & { at: number };

/** One read of the Magicube balance: the credits available then. */
export interface MagicubeReading {
  at: number;
  available: number;
}
