import { i18n } from '#i18n';
import type { MagicubeReply, MagicubeRequest } from '@src/contract';
import { callerAccount, type Caller } from '../caller';
import { readMagicube } from '../magicube-refresh';
import { accountRefusal, refusal } from '../replies';

/** The account's Magicube credits. Free to read, so it needs no cache. */
export async function handleMagicube(request: MagicubeRequest, caller: Caller): Promise<MagicubeReply> {
  const resolved = await callerAccount(request, caller);
  if (!resolved.ok) return accountRefusal('magicube', resolved, caller);
  const outcome = await readMagicube(resolved.account, !caller.external);
  if (!outcome.ok) {
    return refusal('magicube', i18n.t('reply.magicubeFailed', [outcome.error]), { code: outcome.kind, status: outcome.status });
  }
  const { available_balance, frozen_amount, total_balance } = outcome.balance;
  return {
    success: true,
    data: outcome.balance,
    message: i18n.t('reply.magicubeBalance', [available_balance, frozen_amount, total_balance]),
  };
}
