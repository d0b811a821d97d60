import { i18n } from '#i18n';
import type { MagicubeReply, MagicubeRequest } from '@src/contract';
import { fetchMagicubeBalance } from '@src/modelscope/magicube';
import { checkSettingsItem } from '@src/storage/check-settings';
import { callerAccount, type Caller } from '../caller';
import { accountRefusal, refusal } from '../replies';

/** The account's Magicube credits, read alone. Free to read, so it needs no cache; nothing is kept. */
export async function handleMagicube(request: MagicubeRequest, caller: Caller): Promise<MagicubeReply> {
  const resolved = await callerAccount(request, caller);
  if (!resolved.ok) return accountRefusal('magicube', resolved, caller);
  const { apiKey, site } = resolved.account;
  const { timeoutSeconds } = await checkSettingsItem.get();
  const outcome = await fetchMagicubeBalance(apiKey, { site, timeoutMs: timeoutSeconds * 1000 });
  if (!outcome.ok) {
    return refusal('magicube', i18n.t('reply.magicubeFailed', [outcome.error]), { code: outcome.kind, status: outcome.status });
  }
  const { available_balance, frozen_amount, total_balance } = outcome.balance;
  return {
    success: true,
    data: { available_balance, frozen_amount, total_balance },
    message: i18n.t('reply.magicubeBalance', [available_balance, frozen_amount, total_balance]),
  };
}
