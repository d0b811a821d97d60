import { i18n } from '#i18n';
import type { CreditsPicture, Site } from '@src/contract';
import { callsLeftFromCredits } from '@src/quota/calls-from-credits';
import { missingText, sourceLine, sourceState } from './credits-source';
import { creditsText, formatCount, formatCredits } from './format';
import { GrantStatus } from './GrantStatus';
import { TodaySpend } from './TodaySpend';
import type { CreditsView } from './use-credits';
import { useNow } from './use-now';

/** "≈ 280 / 140 / 70 calls at 0.5 / 1 / 2 credits a call": what the available credits buy in each tier. */
function Buys({ available, picture }: { available: number; picture: CreditsPicture }) {
  const { tier_prices: tierPrices, sources } = picture;
  if (tierPrices === null) return <p className="hint">{missingText('prices', sources.prices.status)}</p>;
  const tiers = tierPrices
    .filter((tier) => tier.price > 0)
    .sort((a, b) => a.price - b.price)
    .map((tier) => ({ price: tier.price, calls: callsLeftFromCredits(available, tier.price) ?? 0 }));
  if (tiers.length === 0) return null;
  return (
    <p className="credits-buys">
      {i18n.t('ui.credits.buys', [tiers.map((tier) => formatCount(tier.calls)).join(' / '), tiers.map((tier) => formatCredits(tier.price)).join(' / ')])}
    </p>
  );
}

function Balance({ picture, now }: { picture: CreditsPicture; now: number }) {
  const { balance, sources } = picture;
  if (balance === null) return <p className="credits-missing">{missingText('balance', sources.balance.status)}</p>;
  return (
    <div className="credits-balance">
      <p className="magicube">
        <strong className="magicube-value">{i18n.t('ui.credits.available', [creditsText(balance.available_balance)])}</strong>
      </p>
      <Buys available={balance.available_balance} picture={picture} />
      {balance.frozen_amount > 0 && <p className="hint">{i18n.t('ui.credits.frozen', [creditsText(balance.frozen_amount)])}</p>}
      <p className="hint source">{sourceLine('balance', sourceState(sources.balance), now)}</p>
    </div>
  );
}

/**
 * The popup's lead: the active key's credits and what they buy, today's spend by tier, the daily grants and the next
 * expiry, and the pace. Each part says where its figures come from and how old they are; a part whose source never
 * answered says so, and is never shown as 0.
 */
export function AccountCard({ view, site }: { view: CreditsView | undefined; site: Site }) {
  // The free figures refresh every minute or so: their ages are said to the second.
  const now = useNow(10_000);
  if (!view) return null;
  return (
    <section className="account-card" aria-label={i18n.t('ui.credits.title')}>
      {view.state === 'loading' && <p className="hint">{i18n.t('ui.credits.loading')}</p>}
      {view.state === 'failed' && <p className="problem">{i18n.t('ui.credits.failed', [view.message])}</p>}
      {view.state === 'ok' && (
        <>
          <div className="credits-top">
            <Balance picture={view.picture} now={now} />
            <GrantStatus picture={view.picture} site={site} now={now} />
          </div>
          <TodaySpend picture={view.picture} now={now} />
        </>
      )}
    </section>
  );
}
