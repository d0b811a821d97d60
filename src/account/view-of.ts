import { activeFavourites } from '@src/storage/favourite-lists';
import { pricesFor } from '@src/storage/model-prices';
import type { Account } from './active';
import { recordFor } from './record';
import { latestResultsFor } from './results';
import { accountView, type AccountView } from './view';

/** The view of a saved account from what is stored now, for the active list (or `models`). */
export async function viewOf(account: Account, models?: readonly string[]): Promise<AccountView> {
  const [record, results, prices, favourites] = await Promise.all([
    recordFor(account.keyId),
    latestResultsFor(account.keyId),
    pricesFor(account.site),
    models ?? activeFavourites(),
  ]);
  return accountView({ record, results, prices, models: favourites, now: Date.now() });
}
