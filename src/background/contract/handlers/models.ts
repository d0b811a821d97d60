import { i18n } from '#i18n';
import { activeAccount } from '@src/account/active';
import { DEFAULT_SITE, type ModelsReply, type ModelsRequest, type Site } from '@src/contract';
import { catalogueOf } from '../../catalogue';
import type { Caller } from '../caller';
import { refusal, siteAccessRefusal } from '../replies';

/** The site whose catalogue is asked for: the one named, or for our own pages, the active key's. */
async function catalogueSite(request: ModelsRequest, caller: Caller): Promise<Site> {
  if (request.site !== undefined || caller.external) return request.site ?? DEFAULT_SITE;
  return (await activeAccount())?.site ?? DEFAULT_SITE;
}

/** The API-Inference catalogue of one site. Free and keyless. */
export async function handleModels(request: ModelsRequest, caller: Caller): Promise<ModelsReply> {
  const site = await catalogueSite(request, caller);
  const outcome = await catalogueOf(site);
  if (outcome.ok) return { success: true, data: outcome.ids, message: i18n.t('reply.catalogue', [outcome.ids.length]) };
  if (outcome.kind === 'no_site_access') return siteAccessRefusal('models', site);
  return refusal('models', i18n.t('reply.catalogueFailed', [outcome.error]), { code: outcome.kind, status: outcome.status });
}
