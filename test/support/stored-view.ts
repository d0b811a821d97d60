import { accountOf } from '@src/account/active';
import type { RowView } from '@src/account/rows';
import type { AccountView } from '@src/account/view';
import { viewOf } from '@src/account/view-of';
import type { Site } from '@src/contract';

/** The view of a saved key as the popup would draw it now, from what is stored (the active list, or `models`). */
export async function storedView(secret: string, site: Site = 'cn', models?: readonly string[]): Promise<AccountView> {
  return viewOf(await accountOf(secret, site), models);
}

/** Its rows, by model. */
export async function storedRows(secret: string, site: Site = 'cn', models?: readonly string[]): Promise<Record<string, RowView>> {
  return Object.fromEntries((await storedView(secret, site, models)).rows.map((row) => [row.model, row]));
}
