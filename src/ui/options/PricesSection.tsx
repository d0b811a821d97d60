import { i18n } from '#i18n';
import type { CreditsView } from '@src/account/credits-view';
import type { Site } from '@src/contract';
import type { TierPrice } from '@src/modelscope/magicube-shapes';
import { forgetPrice, savePrice } from '@src/storage/model-prices';
import { useActiveAccount } from '../active-account';
import { missingText } from '../credits-source';
import { siteName } from '../site-name';
import { useAccountView } from '../use-account-view';
import { useNow } from '../use-now';
import { useListedOffers } from '../listed-offers';
import { PricesTable } from './PricesTable';

/** The tiers ModelScope priced for this account, or why there are none to pick from. */
function tierChoice(keyId: string | null, credits: CreditsView | null): { tiers: TierPrice[] | null; noTiers: string | null } {
  if (keyId === null) return { tiers: null, noTiers: i18n.t('ui.prices.noKey') };
  const tiers = credits?.rates?.filter((tier) => tier.price > 0) ?? [];
  if (tiers.length > 0) return { tiers, noTiers: null };
  const why = credits === null ? i18n.t('ui.prices.notRead') : missingText('rates', credits.sources.rates.status);
  return { tiers: null, noTiers: i18n.t('ui.prices.noTiers', [why]) };
}

const setByHand = (site: Site, model: string, tier: TierPrice) =>
  savePrice(site, model, { tier: tier.tier, rawTier: tier.rawTier, price: tier.price, learned_at: Date.now(), source: 'manual' });

/** The price of each model of the lists: from ModelScope's provider list, else learned from the ledger or set by hand. */
export function PricesSection() {
  const account = useActiveAccount();
  const now = useNow();
  const offers = useListedOffers();
  const { models } = offers;
  const view = useAccountView(account, models, now);
  if (account === undefined || models === undefined || (account.keyId !== null && view === undefined)) return null;
  // Prices are a fact of one site: the active key's.
  const { site } = account;
  const { tiers, noTiers } = tierChoice(account.keyId, view?.credits ?? null);
  return (
    <section id="prices" aria-labelledby="prices-title">
      <h2 id="prices-title">{i18n.t('ui.prices.title')}</h2>
      <p className="hint">{i18n.t('ui.prices.intro')} {i18n.t('ui.prices.ofSite', [siteName(site)])}</p>
      {view === undefined ? (
        <p className="hint">{noTiers}</p>
      ) : (
        <>
          {models.length > 0 && (
            <p className="row">
              <button type="button" className="small" onClick={() => void offers.read(models, true)}>{i18n.t('ui.prices.readAgain')}</button>
              {offers.problem && <span role="alert" className="problem">{offers.problem}</span>}
            </p>
          )}
          <PricesTable
            rows={view.rows}
            tiers={tiers}
            noTiers={noTiers}
            onSetTier={(model, tier) => setByHand(site, model, tier)}
            onForget={(model) => forgetPrice(site, model)}
            now={now}
          />
        </>
      )}
    </section>
  );
}
