import { i18n } from '#i18n';
import type { MagicubeReply, MagicubeRequest } from '@src/contract';
import { callerApiKey, type Caller } from '../caller';
import { readMagicube } from '../magicube-refresh';
import { missingKeyMessage, refusal } from '../replies';

/** The account's Magicube credits. Free to read, so it needs no cache. */
export async function handleMagicube(request: MagicubeRequest, caller: Caller): Promise<MagicubeReply> {
  const apiKey = await callerApiKey(request.api_key, caller);
  if (!apiKey) return refusal('magicube', missingKeyMessage(caller.external), { code: 'invalid_request', field: 'api_key' });
  const outcome = await readMagicube(apiKey, !caller.external);
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
