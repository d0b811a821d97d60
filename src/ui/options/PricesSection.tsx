import { i18n } from '#i18n';
import { DEFAULT_SITE, type Site } from '@src/contract';
import type { TierPrice } from '@src/modelscope/magicube-shapes';
import type { AccountPictureRecord } from '@src/storage/account-pictures';
import { favouriteListsItem } from '@src/storage/favourite-lists';
import { forgetPrice, savePrice } from '@src/storage/model-prices';
import { missingText } from '../credits-source';
import { siteName } from '../site-name';
import { useAccountPicture } from '../use-account-picture';
import { useActiveKey } from '../use-active-key';
import { useModelPrices } from '../use-model-prices';
import { useStoredValue } from '../use-stored-value';
import { PricesTable } from './PricesTable';

/** The tiers ModelScope priced for this account, or why there are none to pick from. */
function tierChoice(secret: string | null, picture: AccountPictureRecord | null): { tiers: TierPrice[] | null; noTiers: string | null } {
  if (secret === null) return { tiers: null, noTiers: i18n.t('ui.prices.noKey') };
  const tiers = picture?.prices.value?.filter((tier) => tier.price > 0) ?? [];
  if (tiers.length > 0) return { tiers, noTiers: null };
  const why = picture === null ? i18n.t('ui.prices.notRead') : missingText('prices', picture.prices.last.outcome);
  return { tiers: null, noTiers: i18n.t('ui.prices.noTiers', [why]) };
}

const setByHand = (site: Site, model: string, tier: TierPrice) =>
  savePrice(site, model, { tier: tier.tier, rawTier: tier.rawTier, price: tier.price, learned_at: Date.now(), source: 'manual' });

/** The price of each model of the lists: learned from the ledger, set by hand, or not known yet. */
export function PricesSection() {
  const keyState = useActiveKey();
  // Prices are a fact of one site: the active key's.
  const site = keyState?.site ?? DEFAULT_SITE;
  const picture = useAccountPicture(keyState?.secret, site);
  const prices = useModelPrices(site);
  const [lists] = useStoredValue(favouriteListsItem);
  if (keyState === undefined || picture === undefined || prices === undefined || !lists) return null;
  const models = [...new Set(lists.lists.flatMap((list) => list.models))];
  const { tiers, noTiers } = tierChoice(keyState.secret, picture);
  return (
    <section id="prices" aria-labelledby="prices-title">
      <h2 id="prices-title">{i18n.t('ui.prices.title')}</h2>
      <p className="hint">{i18n.t('ui.prices.intro')} {i18n.t('ui.prices.ofSite', [siteName(site)])}</p>
      <PricesTable
        models={models}
        prices={prices}
        tiers={tiers}
        noTiers={noTiers}
        onSetTier={(model, tier) => setByHand(site, model, tier)}
        onForget={(model) => forgetPrice(site, model)}
      />
    </section>
  );
}
