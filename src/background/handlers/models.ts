import { i18n } from '#i18n';
import { DEFAULT_SITE, type ModelsReply, type ModelsRequest, type Site } from '@src/contract';
import { fetchModelCatalogue } from '@src/modelscope/catalogue';
import { checkSettingsItem } from '@src/storage/check-settings';
import { activeKey } from '@src/storage/keyring';
import type { Caller } from '../caller';
import { refusal, siteAccessRefusal } from '../replies';
import { hasSiteAccess } from '../site-access';

/** The site whose catalogue is asked for: the one named, or for our own pages, the active key's. */
async function catalogueSite(request: ModelsRequest, caller: Caller): Promise<Site> {
  if (request.site !== undefined || caller.external) return request.site ?? DEFAULT_SITE;
  return (await activeKey())?.site ?? DEFAULT_SITE;
}

/** The API-Inference catalogue of one site. Free and keyless. */
export async function handleModels(request: ModelsRequest, caller: Caller): Promise<ModelsReply> {
  const site = await catalogueSite(request, caller);
  if (!(await hasSiteAccess(site))) return siteAccessRefusal('models', site);
  const { timeoutSeconds } = await checkSettingsItem.get();
  const outcome = await fetchModelCatalogue({ site, timeoutMs: timeoutSeconds * 1000 });
  if (!outcome.ok) {
    return refusal('models', i18n.t('reply.catalogueFailed', [outcome.error]), { code: outcome.kind, status: outcome.status });
  }
  return { success: true, data: outcome.ids, message: i18n.t('reply.catalogue', [outcome.ids.length]) };
}
