import type { CreditsPicture, Site } from '@src/contract';
import { SingleFlight } from '@src/engine/single-flight';
import { keyFingerprint } from '@src/lib/key-fingerprint';
import { quietly } from '@src/lib/quietly';
import { readAccountPicture, type AccountPicture } from '@src/modelscope/account-picture';
import type { MagicubeOutcome } from '@src/modelscope/magicube';
import { creditsPicture } from '@src/quota/credits-picture';
import { startOfQuotaDays } from '@src/quota/reset-time';
import type { MagicubeRecord } from '@src/quota/types';
import { accountPictureFor, newestRead, pictureAfterRead, saveAccountPicture, type AccountPictureRecord } from '@src/storage/account-pictures';
import { activeKeyWithId } from '@src/storage/active-key-id';
import { checkSettingsItem } from '@src/storage/check-settings';
import { activeFavourites } from '@src/storage/favourite-lists';
import { magicubeRecordFor, saveMagicubeRecord } from '@src/storage/magicube-balance';
import { pricesFor } from '@src/storage/model-prices';
import { scheduleItem } from '@src/storage/schedule';
import { alertKeyRefused, alertOnCredits } from './alerts';
import type { Account } from './caller';
import { refreshBadge } from './badge';
import { recordMagicubeReading } from './history-recorder';
import { hasSiteAccess } from './site-access';

/** Our pages' figures younger than this are answered from storage: opening the popup twice reads once. */
export const PICTURE_FRESH_MS = 60_000;
/** The ledger is read over the history window, and never fewer days than the Options chart shows. */
const LEDGER_DAYS_AT_LEAST = 14;

/** What the free reads left about one key: the picture record, and the balance as the Magicube record keeps it. */
export interface AccountState {
  record: AccountPictureRecord;
  magicube: MagicubeRecord | null;
}

/** A Magicube record from a balance read: its balance, that the key was refused, or null when it says neither. */
function magicubeRecordOf(outcome: MagicubeOutcome, at: number): MagicubeRecord | null {
  const checked_at = new Date(at).toISOString();
  if (outcome.ok) return { status: 'ok', checked_at, balance: outcome.balance };
  return outcome.kind === 'auth' ? { status: 'refused', checked_at } : null;
}

/**
 * Keeps what a balance read says about one key: its balance (and a history reading), or that the key is refused,
 * with the refused-key alert. Any other failure says nothing new about the account: the last balance read stands.
 * Gives whether anything was kept.
 */
async function keepMagicubeOutcome(keyId: string, outcome: MagicubeOutcome, at: number): Promise<boolean> {
  const record = magicubeRecordOf(outcome, at);
  if (record === null) return false;
  await saveMagicubeRecord(keyId, record);
  if (record.status === 'ok') await recordMagicubeReading(keyId, { at, available: record.balance.available_balance });
  else await alertKeyRefused(keyId, at);
  return true;
}

/**
 * The Magicube balance path: keeps a balance read of one key, and redraws the badge, which falls back to the
 * balance (the worker does not watch its own writes).
 */
export async function storeMagicubeOutcome(keyId: string, outcome: MagicubeOutcome, at = Date.now()): Promise<void> {
  if (await keepMagicubeOutcome(keyId, outcome, at)) await quietly('the badge', refreshBadge);
}

async function readPicture({ apiKey, site }: Account, now: number): Promise<AccountPicture> {
  const [{ timeoutSeconds }, { historyDays }] = await Promise.all([checkSettingsItem.get(), scheduleItem.get()]);
  // One window for the ledger and the grants: the history's days cover the grants' last two days, and more.
  const since = startOfQuotaDays(Math.max(historyDays, LEDGER_DAYS_AT_LEAST), now);
  return readAccountPicture(apiKey, { site, timeoutMs: timeoutSeconds * 1000, since });
}

/** Reads every free source of one key and keeps what came back; what follows (badge, alerts) is called from here. */
async function readAndKeep(account: Account, keyId: string): Promise<AccountState> {
  const at = Date.now();
  const read = await readPicture(account, at);
  await keepMagicubeOutcome(keyId, read.balance, at);
  let record: AccountPictureRecord | null = null;
  const saved = await saveAccountPicture(keyId, (previous) => (record = pictureAfterRead(previous, read, at)));
  // The reply still carries what was read; only the stored copy is missing, and the log says why.
  if (!saved.ok) console.warn(`ModelScope Quota: the account picture was not stored (${saved.problem.code})`);
  const state: AccountState = { record: record ?? pictureAfterRead(null, read, at), magicube: await magicubeRecordFor(keyId) };
  await quietly('the badge', refreshBadge);
  await quietly('the credit alerts', () => alertOnCredits(keyId, pictureWithoutModels(state, at), at));
  return state;
}

const keptReads = new SingleFlight<AccountState>();
const ownReads = new SingleFlight<AccountState>();

/** Reads and keeps one key's whole free picture; reads already under way for the key are shared. Spends no call. */
export async function refreshAccount(account: Account): Promise<AccountState> {
  const keyId = await keyFingerprint(account.apiKey, account.site);
  return keptReads.run(keyId, () => readAndKeep(account, keyId));
}

/** Reads and keeps the active key's picture: the periodic refresh, skipped while its site's hosts are not granted. */
export async function refreshActiveAccount(): Promise<void> {
  const active = await activeKeyWithId();
  if (active && (await hasSiteAccess(active.key.site))) await refreshAccount({ apiKey: active.secret, site: active.key.site });
}

/** Our own pages' picture of a key: from storage when younger than PICTURE_FRESH_MS, otherwise read again. */
export async function accountForOurPages(account: Account, now = Date.now()): Promise<{ state: AccountState; readAt: number; fromStorage: boolean }> {
  const keyId = await keyFingerprint(account.apiKey, account.site);
  const stored = await accountPictureFor(keyId);
  const age = stored === null ? Infinity : now - newestRead(stored);
  if (stored !== null && age >= 0 && age < PICTURE_FRESH_MS) {
    return { state: { record: stored, magicube: await magicubeRecordFor(keyId) }, readAt: newestRead(stored), fromStorage: true };
  }
  const state = await refreshAccount(account);
  return { state, readAt: newestRead(state.record), fromStorage: false };
}

/** Another extension's picture of its own key: read now, never stored, never followed. */
export async function accountForOtherExtension(account: Account): Promise<AccountState> {
  const keyId = await keyFingerprint(account.apiKey, account.site);
  return ownReads.run(keyId, async () => {
    const at = Date.now();
    const read = await readPicture(account, at);
    return { record: pictureAfterRead(null, read, at), magicube: magicubeRecordOf(read.balance, at) };
  });
}

/** The picture our pages see: with the active list's models and the site's learned prices. */
export async function picturedForOurPages(state: AccountState, site: Site, now: number): Promise<CreditsPicture> {
  const [models, prices] = await Promise.all([activeFavourites(), pricesFor(site)]);
  return creditsPicture({ magicube: state.magicube, account: state.record, prices: prices.models, models, now });
}

/** The account's figures alone: what another extension sees of its own key, and what the alerts look at. */
export function pictureWithoutModels(state: AccountState, now: number): CreditsPicture {
  return creditsPicture({ magicube: state.magicube, account: state.record, prices: {}, models: [], now });
}
