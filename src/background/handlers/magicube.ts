import { i18n } from '#i18n';
import type { MagicubeReply, MagicubeRequest } from '@src/contract';
import { fetchMagicubeBalance } from '@src/modelscope/magicube';
import { checkSettingsItem } from '@src/storage/check-settings';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { callerApiKey, type Caller } from '../caller';
import { storeMagicubeOutcome } from '../magicube-refresh';
import { missingKeyMessage, refusal } from '../replies';

/** The account's Magicube credits. Free to read, so it needs no cache. */
export async function handleMagicube(request: MagicubeRequest, caller: Caller): Promise<MagicubeReply> {
  const apiKey = await callerApiKey(request.api_key, caller);
  if (!apiKey) return refusal('magicube', missingKeyMessage(caller.external), { code: 'invalid_request', field: 'api_key' });
  const { timeoutSeconds } = await checkSettingsItem.get();
  const outcome = await fetchMagicubeBalance(apiKey, { timeoutMs: timeoutSeconds * 1000 });
  // Our own pages' reads feed the badge and the history too; another extension's stay its own business.
  if (!caller.external) await storeMagicubeOutcome(await keyFingerprint(apiKey), outcome);
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
