import { i18n } from '#i18n';
import type { Site } from '@src/contract';
import { websiteHost } from '@src/modelscope/endpoints';
import { askForSiteAccess, asksForAccess, useSiteAccess } from './site-access';

/** A button that asks the browser for a site's hosts again (after the user refused, or took them back). */
function AllowButton({ site }: { site: Site }) {
  return (
    <button type="button" className="small" onClick={() => void askForSiteAccess(site)}>
      {i18n.t('ui.site.allow', [websiteHost(site)])}
    </button>
  );
}

/** A key's site, and whether the browser lets the extension reach it, with the way to allow it when not. */
export function SiteCell({ site }: { site: Site }) {
  const granted = useSiteAccess(site);
  return (
    <>
      {websiteHost(site)}
      {granted === false && (
        <>
          {' '}
          <span className="problem">{i18n.t('ui.site.notAllowed')}</span> <AllowButton site={site} />
        </>
      )}
    </>
  );
}

/** Said above everything else while the active key's site cannot be reached: nothing can be read or checked. */
export function SiteAccessBanner({ site }: { site: Site }) {
  const granted = useSiteAccess(site);
  if (granted !== false) return null;
  return (
    <p role="alert" className="problem site-access">
      {i18n.t(asksForAccess(site) ? 'ui.site.bannerOptional' : 'ui.site.bannerRevoked', [websiteHost(site)])} <AllowButton site={site} />
    </p>
  );
}
