import { z } from 'zod/mini';
import { MagicubeBalanceSchema } from '@src/contract';
import { keepNewest } from '@src/lib/keep-newest';
import type { MagicubeRecord } from '@src/quota/types';
import { STORAGE_KEYS } from './keys';
import { defineValidatedItem } from './validated-item';

/** The latest Magicube answer for one key: its balance, or that ModelScope refused the key. */
export const MagicubeRecordSchema: z.ZodMiniType<MagicubeRecord> = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), checked_at: z.iso.datetime(), balance: MagicubeBalanceSchema }),
  z.object({ status: z.literal('refused'), checked_at: z.iso.datetime() }),
]);
export type { MagicubeRecord };

/** Per key fingerprint, never per key. */
export const magicubeBalancesItem = defineValidatedItem(
  STORAGE_KEYS.magicubeBalances,
  z.record(z.string(), MagicubeRecordSchema),
  {},
);

const MAX_KEYS_KEPT = 10;

/** Keeps the newest record per key, for the most recently read keys only. */
export async function saveMagicubeRecord(keyId: string, record: MagicubeRecord): Promise<void> {
  await magicubeBalancesItem.update((all) => keepNewest({ ...all, [keyId]: record }, (kept) => Date.parse(kept.checked_at), MAX_KEYS_KEPT));
}

export async function magicubeRecordFor(keyId: string): Promise<MagicubeRecord | null> {
  return (await magicubeBalancesItem.get())[keyId] ?? null;
}
