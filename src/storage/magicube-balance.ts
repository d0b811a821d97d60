import { z } from 'zod';
import { MagicubeBalanceSchema } from '@src/contract';
import { inOrder } from '@src/lib/in-order';
import { keepNewest } from '@src/lib/keep-newest';
import type { MagicubeRecord } from '@src/quota/types';
import { defineValidatedItem } from './validated-item';

/** The latest Magicube answer for one key: its balance, or that ModelScope refused the key. */
export const MagicubeRecordSchema: z.ZodType<MagicubeRecord> = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), checked_at: z.iso.datetime(), balance: MagicubeBalanceSchema }),
  z.object({ status: z.literal('refused'), checked_at: z.iso.datetime() }),
]);
export type { MagicubeRecord };

/** Per key fingerprint, never per key. */
export const magicubeBalancesItem = defineValidatedItem(
  'local:magicubeBalances',
  z.record(z.string(), MagicubeRecordSchema),
  {},
);

const MAX_KEYS_KEPT = 10;

const recordWrites = inOrder();

/** Keeps the newest record per key, for the most recently read keys only. */
export function saveMagicubeRecord(keyId: string, record: MagicubeRecord): Promise<void> {
  return recordWrites(async () => {
    const all = { ...(await magicubeBalancesItem.get()), [keyId]: record };
    await magicubeBalancesItem.set(keepNewest(all, (kept) => Date.parse(kept.checked_at), MAX_KEYS_KEPT));
  });
}

export async function magicubeRecordFor(keyId: string): Promise<MagicubeRecord | null> {
  return (await magicubeBalancesItem.get())[keyId] ?? null;
}
