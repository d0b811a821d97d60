import { i18n } from '#i18n';
import type { BalanceItem, BalanceReply, BalanceRequest } from '@src/contract';
import { DEFAULT_FAVOURITES } from '@src/storage/default-models';
import { activeFavourites } from '@src/storage/favourite-lists';
import { callerApiKey, type Caller } from '../caller';
import { checkAndKeep, checkForOtherExtension } from '../checking';
import { missingKeyMessage, refusal } from '../replies';

/** The key and models to check: a caller's own, or (for our own pages only) the active saved key and list. */
async function resolveTarget(request: BalanceRequest, caller: Caller) {
  // Other extensions never use what the user saved; without a list they get the built-in defaults.
  const models = request.models ?? (caller.external ? DEFAULT_FAVOURITES : await activeFavourites());
  return { apiKey: await callerApiKey(request.api_key, caller), models };
}

function summary(items: BalanceItem[]): BalanceReply {
  const failed = items.filter((item) => item.error !== null).length;
  return {
    success: failed === 0,
    data: items,
    message: i18n.t('reply.balanceSummary', items.length, [items.length, items.length - failed, failed]),
  };
}

export async function handleBalance(request: BalanceRequest, caller: Caller): Promise<BalanceReply> {
  const { apiKey, models } = await resolveTarget(request, caller);
  if (!apiKey) return refusal('balance', missingKeyMessage(caller.external), { code: 'invalid_request', field: 'api_key' });
  if (models.length === 0) return refusal('balance', i18n.t('reply.noFavourites'), { code: 'invalid_request', field: 'models' });
  const target = { apiKey, models, force: request.force ?? false };
  // Only our own pages' checks are kept for the popup; another extension's results are its own business.
  return summary(caller.external ? await checkForOtherExtension(target) : await checkAndKeep(target));
}
