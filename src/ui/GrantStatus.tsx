import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import type { CreditsView } from '@src/account/credits-view';
import type { Site } from '@src/contract';
import { websiteHost, websiteUrl } from '@src/modelscope/endpoints';
import { missingText, sourceLine } from './credits-source';
import { expiryText } from './expiry-text';

// The website itself: a visit while signed in is what grants the daily login credits (not the API).
const openSite = (site: Site) => void browser.tabs.create({ url: websiteUrl(site) });

/** "Open modelscope.cn": where the day's login grant is earned, and the other credits of the day. */
export function LoginGrantButton({ site }: { site: Site }) {
  return (
    <button type="button" className="small" onClick={() => openSite(site)} title={i18n.t('ui.credits.loginGrantHow')}>
      {i18n.t('ui.credits.openSite', [websiteHost(site)])}
    </button>
  );
}

function Grant({ label, arrived }: { label: string; arrived: boolean }) {
  return (
    <li className={arrived ? 'grant arrived' : 'grant missing'}>
      <span aria-hidden="true">{arrived ? '✓' : '○'}</span>{' '}
      {i18n.t('ui.credits.grant', [label, arrived ? i18n.t('ui.credits.grantArrived') : i18n.t('ui.credits.grantNotYet')])}
    </li>
  );
}

/** The details of the grants: whether today's two arrived, how to get the login one, and every expiry ahead. */
export function GrantStatus({ credits, site, now }: { credits: CreditsView; site: Site; now: number }) {
  const { grants, sources } = credits;
  if (grants === null) return <p className="credits-missing">{missingText('grants', sources.grants.status)}</p>;
  return (
    <div className="credits-grants">
      <h3>{i18n.t('ui.credits.grantsTitle')}</h3>
      <ul>
        <Grant label={i18n.t('ui.credits.loginGrant')} arrived={grants.dailyActive} />
        <Grant label={i18n.t('ui.credits.aliyunGrant')} arrived={grants.aliyun} />
      </ul>
      {!grants.dailyActive && (
        <p className="login-grant">
          <LoginGrantButton site={site} /> <span className="hint">{i18n.t('ui.credits.loginGrantHow')}</span>
        </p>
      )}
      {grants.expiries.length === 0 ? (
        <p>{i18n.t('ui.credits.noExpiries')}</p>
      ) : (
        <ul className="expiries">
          {grants.expiries.map((expiry) => (
            <li key={expiry.at}>
              <time dateTime={new Date(expiry.at).toISOString()}>{expiryText(expiry, now)}</time>
            </li>
          ))}
        </ul>
      )}
      <p className="hint source">{sourceLine('grants', sources.grants, now)}</p>
    </div>
  );
}
