import type { Site } from '@src/contract';
import { hasHostAccess } from '@src/lib/host-access';
import { siteHostPatterns } from '@src/modelscope/endpoints';

/**
 * Whether the browser lets the extension reach a site's hosts: the China site's are asked for at install, the
 * international site's only when the user adds a key of it (and the user may take either back). Without them a
 * request would fail in the browser, so none is sent.
 */
export function hasSiteAccess(site: Site): Promise<boolean> {
  return hasHostAccess(siteHostPatterns(site));
}
