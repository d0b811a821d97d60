import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { CreditsPicture, Site } from '@src/contract';
import { websiteHost, websiteUrl } from '@src/modelscope/endpoints';
import { missingText, sourceLine, sourceState } from './credits-source';
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
export function GrantStatus({ picture, site, now }: { picture: CreditsPicture; site: Site; now: number }) {
  const { grants, sources } = picture;
  if (grants === null) {
    return (
      <div className="credits-grants">
        <p className="credits-missing">{missingText('grants', sources.grants.status)}</p>
      </div>
    );
  }
  const expiry = grants.next_expiry;
  return (
    <div className="credits-grants">
      <ul>
        <Grant label={i18n.t('ui.credits.loginGrant')} arrived={grants.daily_active} />
        <Grant label={i18n.t('ui.credits.aliyunGrant')} arrived={grants.aliyun_bindlogin} />
      </ul>
      {!grants.daily_active && (
        <p className="login-grant">
          <button type="button" className="small" onClick={() => openSite(site)}>{i18n.t('ui.credits.openSite', [websiteHost(site)])}</button>{' '}
          <span className="hint">{i18n.t('ui.credits.loginGrantHow')}</span>
        </p>
      )}
      {expiry && <p>{i18n.t('ui.credits.expiry', [creditsText(expiry.credits), clockText(Date.parse(expiry.at), now)])}</p>}
      <p className="hint source">{sourceLine('grants', sourceState(sources.grants), now)}</p>
    </div>
  );
}
