import { DEFAULT_SITE, type Site } from '@src/contract';
import { activeKey, secretOf } from '@src/storage/keyring';
import { hasSiteAccess } from './site-access';

/** Who sent a message: our own pages, or another extension (which never sees or uses anything saved). */
export interface Caller {
  external: boolean;
}

/** The key a request runs with, and the site that key belongs to. */
export interface Account {
  apiKey: string;
  site: Site;
}

export type AccountResolution = { ok: true; account: Account } | { ok: false; problem: 'no_key' | 'no_site_access'; site: Site };

/**
 * The account a request runs with: the key it sent, on the site it names (China by default), or for our own pages
 * only, the active saved key on its own site. Refused before anything is sent when the browser has not granted the
 * site's hosts.
 */
export async function callerAccount(request: { api_key?: string; site?: Site }, caller: Caller): Promise<AccountResolution> {
  let account: Account | null = null;
  if (request.api_key !== undefined) account = { apiKey: request.api_key, site: request.site ?? DEFAULT_SITE };
  else if (!caller.external) {
    const key = await activeKey();
    const secret = key ? await secretOf(key) : null;
    if (key && secret) account = { apiKey: secret, site: key.site };
  }
  if (account === null) return { ok: false, problem: 'no_key', site: request.site ?? DEFAULT_SITE };
  if (!(await hasSiteAccess(account.site))) return { ok: false, problem: 'no_site_access', site: account.site };
  return { ok: true, account };
}
