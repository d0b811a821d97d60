import type { Site } from '@src/contract';
import { fetchModelCatalogue, type CatalogueOutcome } from '@src/modelscope/catalogue';
import { checkSettingsItem } from '@src/storage/check-settings';
import { hasSiteAccess } from './site-access';

/** A site's API-Inference catalogue, free and keyless; nothing is sent to a site whose hosts are not granted. */
export async function catalogueOf(site: Site): Promise<CatalogueOutcome | { ok: false; kind: 'no_site_access' }> {
  if (!(await hasSiteAccess(site))) return { ok: false, kind: 'no_site_access' };
  const { timeoutSeconds } = await checkSettingsItem.get();
  return fetchModelCatalogue({ site, timeoutMs: timeoutSeconds * 1000 });
}
