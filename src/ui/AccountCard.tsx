import { i18n } from '#i18n';
import type { CreditsView, TierCalls } from '@src/account/credits-view';
import type { Site } from '@src/contract';
import { missingText, sourceLine } from './credits-source';
import { creditsText, formatCount, formatCredits } from './format';
import { GrantStatus } from './GrantStatus';
import { TodaySpend } from './TodaySpend';
import { useNow } from './use-now';

/** "≈ 280 / 140 / 70 calls at 0.5 / 1 / 2 credits a call": what the available credits buy in each tier. */
function Buys({ buys, credits }: { buys: readonly TierCalls[] | null; credits: CreditsView }) {
  if (buys === null) return <p className="hint">{missingText('rates', credits.sources.rates.status)}</p>;
  if (buys.length === 0) return null;
  return (
    <p className="credits-buys">
      {i18n.t('ui.credits.buys', [buys.map((tier) => formatCount(tier.calls)).join(' / '), buys.map((tier) => formatCredits(tier.price)).join(' / ')])}
    </p>
  );
}

function Balance({ credits, now }: { credits: CreditsView; now: number }) {
  const { balance, sources } = credits;
  if (balance === null) return <p className="credits-missing">{missingText('balance', sources.balance.status)}</p>;
  return (
    <div className="credits-balance">
      <p className="magicube">
        <strong className="magicube-value">{i18n.t('ui.credits.available', [creditsText(balance.available_balance)])}</strong>
      </p>
      <Buys buys={credits.buys} credits={credits} />
      {balance.frozen_amount > 0 && <p className="hint">{i18n.t('ui.credits.frozen', [creditsText(balance.frozen_amount)])}</p>}
      <p className="hint source">{sourceLine('balance', sources.balance, now)}</p>
    </div>
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
 * The popup's lead: the active key's credits and what they buy, today's spend by tier, the daily grants and the next
 * expiry, and the pace. Each part says where its figures come from and how old they are; a part whose source never
 * answered says so, and is never shown as 0.
 */
export function AccountCard({ credits, problem, site }: Props) {
  // The free figures refresh every minute or so: their ages are said to the second.
  const now = useNow(10_000);
  return (
    <section className="account-card" aria-label={i18n.t('ui.credits.title')}>
      {credits === null && problem === null && <p className="hint">{i18n.t('ui.credits.loading')}</p>}
      {problem !== null && <p className="problem">{i18n.t('ui.credits.failed', [problem])}</p>}
      {credits !== null && (
        <>
          <div className="credits-top">
            <Balance credits={credits} now={now} />
            <GrantStatus credits={credits} site={site} now={now} />
          </div>
          <TodaySpend credits={credits} now={now} />
        </>
      )}
    </section>
  );
}
