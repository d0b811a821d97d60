import { quietly } from '@src/lib/quietly';
import type { ProbeResult } from '@src/modelscope/probe';
import { activeFavourites } from '@src/storage/favourite-lists';
import { activeAccount } from './active';
import { alertAfterWrite } from './alerts';
import { redrawBadge } from './badge';
import { creditsView, usableBalance } from './credits-view';
import { appendHistory } from './history';
import type { AccountRecord } from './record';

/** What a write of one account stored: the results a check just probed, and the record a read left. */
export interface Written {
  probed?: readonly ProbeResult[];
  /** The record after a read at `at`: of the free sources when `sources`, and of whatever offers were due. */
  read?: { record: AccountRecord; at: number; sources: boolean };
}

/**
 * Everything that follows a write of a key's account, called from this one place (refresh.ts): the history, the alerts
 * of the active account, and the badge, drawn once. Nothing here throws: each part failing is logged by its name alone.
 */
export async function followWrite(keyId: string, { probed = [], read }: Written): Promise<void> {
  const balanceRead = read && read.record.balance.read_at === read.at ? usableBalance(read.record) : null;
  const reading = balanceRead ? { at: read!.at, available: balanceRead.balance.available_balance } : undefined;
  await quietly('history', () => appendHistory(keyId, { results: probed, reading }));
  await quietly('alerts', async () => {
    const [active, favourites] = await Promise.all([activeAccount(), activeFavourites()]);
    if (active?.keyId !== keyId) return;
    const now = Date.now();
    const credits = read?.sources ? creditsView(read.record, now) : null;
    const balanceRefused = read?.record.balance.last.outcome === 'refused' && read.record.balance.last.at === read.at;
    await alertAfterWrite({ active, favourites, probed, credits, balanceRefused, offers: read?.record.offers ?? null, now });
  });
  await quietly('the badge', redrawBadge);
}
