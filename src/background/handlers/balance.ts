import { i18n } from '#i18n';
import type { BalanceItem, BalanceReply, BalanceRequest } from '@src/contract';
import { DEFAULT_FAVOURITES } from '@src/storage/default-models';
import { activeFavourites } from '@src/storage/favourite-lists';
import { callerApiKey, type Caller } from '../caller';
import { checkAndKeep, checkForOtherExtension, type CheckReport } from '../checking';
import { missingKeyMessage, refusal } from '../replies';

/** The key and models to check: a caller's own, or (for our own pages only) the active saved key and list. */
async function resolveTarget(request: BalanceRequest, caller: Caller) {
  // Other extensions never use what the user saved; without a list they get the built-in defaults.
  const models = request.models ?? (caller.external ? DEFAULT_FAVOURITES : await activeFavourites());
  return { apiKey: await callerApiKey(request.api_key, caller), models };
}

/**
 * A result that says how many calls are left: ModelScope's own numbers, or "no quota reported" for a model whose price
 * is known (the balance then says it). Anything else is counted as failed.
 */
function answered(item: BalanceItem): boolean {
  return item.error === null || (item.error_kind === 'no_quota_headers' && item.price !== null);
}

function summaryMessage({ checked, free, learned }: CheckReport, failed: number): string {
  if (checked.length === 0) return i18n.t('reply.checkNothingToProbe', free.length, [free.length]);
  const parts = [i18n.t('reply.balanceSummary', checked.length, [checked.length, checked.length - failed, failed])];
  if (free.length > 0) parts.push(i18n.t('reply.checkAlsoFree', free.length, [free.length]));
  if (learned.length > 0) parts.push(i18n.t('reply.learnLearned', learned.length, [learned.length]));
  return parts.join('');
}

function summary(report: CheckReport): BalanceReply {
  const failed = report.checked.filter((item) => !answered(item)).length;
  return { success: failed === 0, data: report.items, message: summaryMessage(report, failed) };
}

export async function handleBalance(request: BalanceRequest, caller: Caller): Promise<BalanceReply> {
  const { apiKey, models } = await resolveTarget(request, caller);
  if (!apiKey) return refusal('balance', missingKeyMessage(caller.external), { code: 'invalid_request', field: 'api_key' });
  if (models.length === 0) return refusal('balance', i18n.t('reply.noFavourites'), { code: 'invalid_request', field: 'models' });
  const target = { apiKey, models, force: request.force ?? false };
  // Only our own pages' checks are kept for the popup, and follow the plan; another extension's results are its own
  // business, and it gets exactly the models it named (or the defaults) probed.
  if (caller.external) {
    const items = await checkForOtherExtension(target);
    return summary({ items, checked: items, free: [], learned: [] });
  }
  // Without `models`, our pages mean "Check the active list": only where a probe tells something.
  return summary(await checkAndKeep({ ...target, planned: request.models === undefined }));
}
