import type { MagicubeBalance } from '@src/contract';
import type { QuotaNumbers } from '@src/modelscope/quota-headers';

/** One recorded check of a model: its numbers when it was checked. Storage keeps these; the rules read them. */
export interface HistoryPoint extends QuotaNumbers {
  /** Epoch milliseconds (stored to the second). */
  at: number;
}

/** One read of the Magicube balance. */
export interface MagicubeReading {
  at: number;
  available: number;
}

/** The latest Magicube answer for one key: its balance, or that ModelScope refused the key. */
export type MagicubeRecord =
  | { status: 'ok'; checked_at: string; balance: MagicubeBalance }
  | { status: 'refused'; checked_at: string };
