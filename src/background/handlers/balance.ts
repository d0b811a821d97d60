import { i18n } from '#i18n';
import type { BalanceItem, BalanceReply, BalanceRequest } from '@src/contract';
import { defaultFavourites } from '@src/storage/default-models';
import { activeFavourites } from '@src/storage/favourite-lists';
import { callerAccount, type Caller } from '../caller';
import { checkAndKeep, checkForOtherExtension, type CheckReport } from '../checking';
import { accountRefusal, refusal } from '../replies';


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
  const resolved = await callerAccount(request, caller);
  if (!resolved.ok) return accountRefusal('balance', resolved, caller);
  const { apiKey, site } = resolved.account;
  // Other extensions never use what the user saved; without a list they get the built-in defaults of the key's site.
  const models = request.models ?? (caller.external ? defaultFavourites(site) : await activeFavourites());
  if (models.length === 0) return refusal('balance', i18n.t('reply.noFavourites'), { code: 'invalid_request', field: 'models' });
  const target = { apiKey, site, models, force: request.force ?? false };
  // Only our own pages' checks are kept for the popup, and follow the plan; another extension's results are its own
  // business, and it gets exactly the models it named (or the defaults) probed.
  if (caller.external) {
    const items = await checkForOtherExtension(target);
    return summary({ items, checked: items, free: [], learned: [] });
  }
  // Without `models`, our pages mean "Check the active list": only where a probe tells something.
  return summary(await checkAndKeep({ ...target, planned: request.models === undefined }));
}
