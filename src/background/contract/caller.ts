import { accountOf, activeAccount, type Account, type ActiveAccount } from '@src/account/active';
import { DEFAULT_SITE, type Site } from '@src/contract';
import { hasSiteAccess } from '../site-access';

/** Who sent a message: our own pages, or another extension (which never sees or uses anything saved). */
export interface Caller {
  external: boolean;
}

export type AccountResolution =
  /** `saved`: the active saved key, which only our own pages may ask with (by leaving `api_key` out). */
  | { ok: true; account: Account; saved: ActiveAccount | null }
  | { ok: false; problem: 'no_key' | 'no_site_access'; site: Site };

/**
 * The account a request runs with: the key it sent, on the site it names (China by default), or for our own pages
 * only, the active saved key on its own site. Refused before anything is sent when the browser has not granted the
 * site's hosts.
 */
export async function callerAccount(request: { api_key?: string; site?: Site }, caller: Caller): Promise<AccountResolution> {
  const saved = request.api_key === undefined && !caller.external ? await activeAccount() : null;
  const account = request.api_key !== undefined ? await accountOf(request.api_key, request.site ?? DEFAULT_SITE) : saved;
  if (account === null) return { ok: false, problem: 'no_key', site: request.site ?? DEFAULT_SITE };
  if (!(await hasSiteAccess(account.site))) return { ok: false, problem: 'no_site_access', site: account.site };
  return { ok: true, account, saved };
}
