import { i18n } from '#i18n';
import { useState } from 'react';
import type { CreditsView, TierCalls } from '@src/account/credits-view';
import type { Site } from '@src/contract';
import { missingText, sourceLine, sourcesLine } from './credits-source';
import { EarnableToday } from './EarnableToday';
import { expiryText } from './expiry-text';
import { callsText, creditsText, formatCount, formatCredits } from './format';
import { GrantStatus, LoginGrantButton } from './GrantStatus';
import { TodaySpend } from './TodaySpend';
import { useNow } from './use-now';

/** "≈ 280 / 140 / 70 calls at 0.5 / 1 / 2 credits a call": what the available credits buy in each tier. */
function Buys({ buys, credits }: { buys: readonly TierCalls[] | null; credits: CreditsView }) {
  if (buys === null) return <span className="hint">{missingText('rates', credits.sources.rates.status)}</span>;
  if (buys.length === 0) return null;
  return (
    <span className="credits-buys">
      {i18n.t('ui.credits.buys', [buys.map((tier) => formatCount(tier.calls)).join(' / '), buys.map((tier) => formatCredits(tier.price)).join(' / ')])}
    </span>
  );
}

/** The first line: the available credits, and what they buy. */
function Balance({ credits }: { credits: CreditsView }) {
  const { balance, sources } = credits;
  if (balance === null) return <p className="credits-missing">{missingText('balance', sources.balance.status)}</p>;
  return (
    <p className="credits-balance">
      <strong className="magicube-value">{i18n.t('ui.credits.available', [creditsText(balance.available_balance)])}</strong> <Buys buys={credits.buys} credits={credits} />
    </p>
  );
}

/** Expiries shown in the summary: those of the next day (the short-term grants); the rest are in the details. */
const SUMMARY_EXPIRIES = 2;
const DAY_MS = 86_400_000;

/** The second line: today's spend, the credits that expire next, and the login grant when it has not come. */
function Today({ credits, site, now }: { credits: CreditsView; site: Site; now: number }) {
  const { today, grants, sources } = credits;
  const parts: string[] = [];
  if (today === null) parts.push(missingText('ledger', sources.ledger.status));
  else if (today.totals.credits <= 0) parts.push(i18n.t('ui.credits.todayNone'));
  else if (today.totals.calls === null) parts.push(i18n.t('ui.credits.todaySpent', [creditsText(today.totals.credits)]));
  else parts.push(i18n.t('ui.credits.todaySpentCalls', [creditsText(today.totals.credits), callsText(today.totals.calls)]));
  if (grants === null) parts.push(missingText('grants', sources.grants.status));
  else {
    const soon = grants.expiries.filter((expiry) => expiry.at - now <= DAY_MS);
    parts.push(...soon.slice(0, SUMMARY_EXPIRIES).map((expiry) => expiryText(expiry, now)));
    if (soon.length > SUMMARY_EXPIRIES) parts.push(i18n.t('ui.credits.moreExpiries', [soon.length - SUMMARY_EXPIRIES]));
  }
  return (
    <p className="credits-today-line">
      {parts.join(' · ')}
      {grants !== null && !grants.dailyActive && (
        <>
          {' · '}
          {i18n.t('ui.credits.grant', [i18n.t('ui.credits.loginGrant'), i18n.t('ui.credits.grantNotYet')])} <LoginGrantButton site={site} />
        </>
      )}
    </p>
  );
}

/** The account's details, one click away: the balance's source, the day's spend by tier, the grants, what is left to earn. */
function CreditsDetails({ credits, site, now }: { credits: CreditsView; site: Site; now: number }) {
  return (
    <>
      {credits.balance && credits.balance.frozen_amount > 0 && <p className="hint">{i18n.t('ui.credits.frozen', [creditsText(credits.balance.frozen_amount)])}</p>}
      <p className="hint source">{sourceLine('balance', credits.sources.balance, now)}</p>
      <TodaySpend credits={credits} now={now} />
      <GrantStatus credits={credits} site={site} now={now} />
      <EarnableToday credits={credits} site={site} now={now} />
    </>
  );
}

interface Props {
  /** The account in credits; null before its first read has landed. */
  credits: CreditsView | null;
  /** Why the free sources could not be asked for; null when they could. */
  problem: string | null;
  site: Site;
}

/**
 * The popup's lead, in three lines: the available credits and what they buy; today's spend and the credits that expire
 * next; where these come from and how old they are, opening the details (the day's spend by tier, the grants and every
 * expiry, what can still be earned today, the pace). A part whose source never answered says so, never 0.
 */
export function AccountCard({ credits, problem, site }: Props) {
  // The free figures refresh every minute or so: their ages are said to the second.
  const now = useNow(10_000);
  const [open, setOpen] = useState(false);
  return (
    <section className="account-card" aria-label={i18n.t('ui.credits.title')}>
      {credits === null && problem === null && <p className="hint">{i18n.t('ui.credits.loading')}</p>}
      {problem !== null && <p className="problem">{i18n.t('ui.credits.failed', [problem])}</p>}
      {credits !== null && (
        <>
          <Balance credits={credits} />
          <Today credits={credits} site={site} now={now} />
          <details className="credits-details" onToggle={(event) => setOpen(event.currentTarget.open)}>
            <summary>
              <span className="hint source">{sourcesLine(credits.sources, now)}</span> <span className="details-label">{i18n.t('ui.credits.details')}</span>
            </summary>
            {/* Drawn once opened: the first paint of the popup is the summary alone. */}
            {open && <CreditsDetails credits={credits} site={site} now={now} />}
          </details>
        </>
      )}
    </section>
  );
}
