import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { CreditsView } from '@src/account/credits-view';
import type { Site } from '@src/contract';
import { websiteHost, websiteUrl } from '@src/modelscope/endpoints';
import { missingText, sourceLine } from './credits-source';
import { clockText, creditsText } from './format';

// The website itself: a visit while signed in is what grants the daily login credits (not the API).
const openSite = (site: Site) => void browser.tabs.create({ url: websiteUrl(site) });

function Grant({ label, arrived }: { label: string; arrived: boolean }) {
  return (
    <li className={arrived ? 'grant arrived' : 'grant missing'}>
      <span aria-hidden="true">{arrived ? '✓' : '○'}</span>{' '}
      {i18n.t('ui.credits.grant', [label, arrived ? i18n.t('ui.credits.grantArrived') : i18n.t('ui.credits.grantNotYet')])}
    </li>
  );
}

/** Whether today's login and Alibaba Cloud grants arrived, how to get the login one, and the next expiry. */
export function GrantStatus({ credits, site, now }: { credits: CreditsView; site: Site; now: number }) {
  const { grants, sources } = credits;
  if (grants === null) {
    return (
      <div className="credits-grants">
        <p className="credits-missing">{missingText('grants', sources.grants.status)}</p>
      </div>
    );
  }
  const expiry = grants.nextExpiry;
  return (
    <div className="credits-grants">
      <ul>
        <Grant label={i18n.t('ui.credits.loginGrant')} arrived={grants.dailyActive} />
        <Grant label={i18n.t('ui.credits.aliyunGrant')} arrived={grants.aliyun} />
      </ul>
      {!grants.dailyActive && (
        <p className="login-grant">
          <button type="button" className="small" onClick={() => openSite(site)}>{i18n.t('ui.credits.openSite', [websiteHost(site)])}</button>{' '}
          <span className="hint">{i18n.t('ui.credits.loginGrantHow')}</span>
        </p>
      )}
      {expiry && <p>{i18n.t('ui.credits.expiry', [creditsText(expiry.credits), clockText(expiry.at, now)])}</p>}
      <p className="hint source">{sourceLine('grants', sources.grants, now)}</p>
    </div>
  );
}
