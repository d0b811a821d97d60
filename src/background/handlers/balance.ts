import { i18n } from '#i18n';
import type { BalanceReply, BalanceRequest } from '@src/contract';
import { checkModels } from '@src/engine/check-models';
import { SingleFlight } from '@src/engine/single-flight';
import type { ProbeOutcome } from '@src/modelscope/probe';
import { checkSettingsItem } from '@src/storage/check-settings';
import { DEFAULT_FAVOURITES } from '@src/storage/default-models';
import { activeFavourites } from '@src/storage/favourite-lists';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { saveLatestResult } from '@src/storage/latest-results';
import { sessionResultCache } from '@src/storage/result-cache';
import { callerApiKey, type Caller } from '../caller';
import { missingKeyMessage, refusal } from '../replies';

/** Shared by every caller in this service worker's life, so simultaneous identical checks share one probe. */
const probesInFlight = new SingleFlight<ProbeOutcome>();

/** The key and models to check: a caller's own, or (for our own pages only) the active saved key and list. */
async function resolveTarget(request: BalanceRequest, caller: Caller) {
  // Other extensions never use what the user saved; without a list they get the built-in defaults.
  const models = request.models ?? (caller.external ? DEFAULT_FAVOURITES : await activeFavourites());
  return { apiKey: await callerApiKey(request.api_key, caller), models };
}

export async function handleBalance(request: BalanceRequest, caller: Caller): Promise<BalanceReply> {
  const { apiKey, models } = await resolveTarget(request, caller);
  if (!apiKey) return refusal('balance', missingKeyMessage(caller.external), { code: 'invalid_request', field: 'api_key' });
  if (models.length === 0) return refusal('balance', i18n.t('reply.noFavourites'), { code: 'invalid_request', field: 'models' });
  const settings = await checkSettingsItem.get();
  const keyId = await keyFingerprint(apiKey);
  const items = await checkModels(models, apiKey, keyId, { cache: sessionResultCache, singleFlight: probesInFlight }, {
    concurrency: settings.concurrency,
    timeoutMs: settings.timeoutSeconds * 1000,
    cacheMaxAgeMs: settings.cacheSeconds * 1000,
    force: request.force ?? false,
    // Only our own pages' checks are kept for the popup; another extension's results are its own business.
    onResult: caller.external ? undefined : (item) => saveLatestResult(keyId, item),
  });
  const failed = items.filter((item) => item.error !== null).length;
  return {
    success: failed === 0,
    data: items,
    message: i18n.t('reply.balanceSummary', items.length, [items.length, items.length - failed, failed]),
  };
}
