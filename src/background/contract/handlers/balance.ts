import { i18n } from '#i18n';
import { refreshAccount } from '@src/account/refresh';
import { viewOf } from '@src/account/view-of';
import { probeModels } from '@src/check/run';
import type { BalanceItem, BalanceReply, BalanceRequest } from '@src/contract';
import { defaultFavourites } from '@src/storage/default-models';
import { activeFavourites } from '@src/storage/favourite-lists';
import { checkSummaryText } from '../../check-summary';
import { callerAccount, type Caller } from '../caller';
import { accountRefusal, refusal } from '../replies';

/**
 * The original service's check: every model named (without `models`, the active list for our own pages and the built-in
 * defaults of the key's site for another extension) probed at once, or its fresh result reused. Nothing is stored.
 * Our pages asking with the saved key see the prices known to it (the provider list's, read beside the probes when
 * due); another extension's prices are always null.
 */
export async function handleBalance(request: BalanceRequest, caller: Caller): Promise<BalanceReply> {
  const resolved = await callerAccount(request, caller);
  if (!resolved.ok) return accountRefusal('balance', resolved, caller);
  const { account, saved } = resolved;
  const models = request.models ?? (saved ? await activeFavourites() : defaultFavourites(account.site));
  if (models.length === 0) return refusal('balance', i18n.t('reply.noFavourites'), { code: 'invalid_request', field: 'models' });
  // Our own pages see the prices known to the saved account: the due offers are read beside the probes, free, so a
  // model the provider list prices is answered, not a failure for want of a price.
  const [checked] = await Promise.all([
    probeModels(account, models, { force: request.force ?? false }),
    saved && refreshAccount(saved, { maxAgeMs: Infinity, models }),
  ]);
  const rows = saved ? (await viewOf(saved, models)).rows : [];
  const data = checked.map((item): BalanceItem => {
    const row = rows.find((candidate) => candidate.model === item.model);
    return { ...item, price: row?.price?.price ?? null, calls_left_estimate: row?.derived?.calls ?? null };
  });
  const priced = new Set(data.flatMap((item) => (item.price === null ? [] : [item.model])));
  const { ok, text } = checkSummaryText({ checked, free: [], unserved: [], learned: [], priced });
  return { success: ok, data, message: text };
}
