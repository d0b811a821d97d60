import { useEffect, useState } from 'react';
import { SITES, type Site } from '@src/contract';
import { hasHostAccess, releaseHostAccess, requestHostAccess, watchHostAccess } from '@src/lib/host-access';
import { siteHostPatterns } from '@src/modelscope/endpoints';
import type { Keyring } from '@src/storage/keyring';

/** Sites whose hosts the manifest grants at install; the others' are optional, asked for with their first key. */
const GRANTED_AT_INSTALL: ReadonlySet<Site> = new Set(['cn']);

/** Whether adding a key of the site makes the browser ask for its hosts. */
export const asksForAccess = (site: Site) => !GRANTED_AT_INSTALL.has(site);

/**
 * Asks the browser for a site's hosts; call it in the click's handler before anything is awaited. Hosts already
 * granted (the China site's come with the install) are answered at once, with no prompt; Firefox lets a user take
 * even those back, and then this asks for them again.
 */
export function askForSiteAccess(site: Site): Promise<boolean> {
  return requestHostAccess(siteHostPatterns(site));
}

/** Gives back the optional hosts of every site no saved key belongs to any more. */
export async function releaseUnusedSiteAccess(keyring: Keyring): Promise<void> {
  const used = new Set(keyring.keys.map((key) => key.site));
  const unused = SITES.filter((site) => asksForAccess(site) && !used.has(site));
  await Promise.all(unused.map((site) => releaseHostAccess(siteHostPatterns(site))));
}

/** Whether the browser lets the extension reach a site's hosts, kept in step as the user grants or takes them back. */
export function useSiteAccess(site: Site): boolean | undefined {
  const [granted, setGranted] = useState<boolean>();
  useEffect(() => {
    let live = true;
    const read = () => void hasHostAccess(siteHostPatterns(site)).then((value) => live && setGranted(value));
    read();
    const stop = watchHostAccess(read);
    return () => {
      live = false;
      stop();
    };
  }, [site]);
  return granted;
}
