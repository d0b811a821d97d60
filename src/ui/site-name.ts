import { i18n } from '#i18n';
import type { Site } from '@src/contract';
import { websiteHost } from '@src/modelscope/endpoints';

/** A site as people name it: "China site (modelscope.cn)", "国际站（modelscope.ai）". */
export function siteName(site: Site): string {
  return i18n.t(`ui.site.${site}`, [websiteHost(site)]);
}

