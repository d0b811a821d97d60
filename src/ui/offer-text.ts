import { i18n } from '#i18n';
import type { OfferReadOutcome } from '@src/account/offers';
import type { OfferChange, PriceView } from '@src/account/rows';
import type { Offer } from '@src/modelscope/providers';
import { ageText, creditsText, dateText, shortDateText, uiLanguage } from './format';
import { tierName } from './tier-name';

/** Who else serves a model, in the reader's language where ModelScope gives a Chinese name: "DashScope, Moonshot". */
export function otherProviders(offer: Offer): string {
  const chinese = uiLanguage().toLowerCase().startsWith('zh');
  return offer.others.map((other) => (chinese && other.chineseName ? other.chineseName : other.name)).join(i18n.t('ui.offer.separator'));
}

/** Why a model cannot be called with a ModelScope token: others serve it with their own keys, or nobody does. */
export function unservedText(offer: Offer): string {
  return offer.others.length > 0 ? i18n.t('ui.offer.servedByOthers', [otherProviders(offer)]) : i18n.t('ui.offer.servedByNobody');
}

/** Why the provider list told nothing of a model, in words. */
export function listFailureText(reason: Exclude<OfferReadOutcome, 'ok'>): string {
  switch (reason) {
    case 'no_such_model':
      return i18n.t('ui.offer.failed.no_such_model');
    case 'not_offered':
      return i18n.t('ui.offer.failed.not_offered');
    case 'unreachable':
      return i18n.t('ui.offer.failed.unreachable');
    case 'unreadable':
      return i18n.t('ui.offer.failed.unreadable');
    case 'upstream_error':
      return i18n.t('ui.offer.failed.upstream_error');
  }
}

/** "2 credits" with its tier where known: "ultra · 2 credits". */
export function priceText(price: Pick<PriceView, 'price' | 'tier' | 'rawTier'>): string {
  const tier = tierName(price.tier, price.rawTier);
  return tier === null ? creditsText(price.price) : i18n.t('ui.offer.tierPrice', [tier, creditsText(price.price)]);
}

/** Where a price comes from and how old it is: "ModelScope’s price · read 2 min ago", "learned from the ledger on 5 Oct". */
export function priceSourceText(price: PriceView, now: number): string {
  switch (price.source) {
    case 'providers':
      return i18n.t('ui.offer.fromProviders', [ageText(price.at, now)]);
    case 'ledger':
      return i18n.t('ui.offer.fromLedger', [dateText(price.at)]);
    case 'manual':
      return i18n.t('ui.offer.fromHand', [dateText(price.at)]);
  }
}

const offerPrice = (offer: Offer) => (offer.price === null ? i18n.t('ui.offer.noPrice') : creditsText(offer.price));

/** A change the provider list showed, with its date: "Since 6 Dec: 1 credit → 2 credits a call", "no longer served". */
export function changeText({ at, before, after }: OfferChange): string {
  const day = dateText(at);
  if (before.served && !after.served) return i18n.t('ui.offer.changedUnserved', [day]);
  if (!before.served && after.served) return i18n.t('ui.offer.changedServed', [day, offerPrice(after)]);
  return i18n.t('ui.offer.changedPrice', [day, offerPrice(before), offerPrice(after)]);
}

/** The short mark of a change in the row itself: "↑ 6 Dec", "↓ 6 Dec", "retired 6 Dec". */
export function changeMark({ at, before, after }: OfferChange): string {
  const day = shortDateText(at);
  if (!after.served) return i18n.t('ui.offer.markUnserved', [day]);
  if (before.price !== null && after.price !== null && before.price !== after.price) {
    return i18n.t(after.price > before.price ? 'ui.offer.markUp' : 'ui.offer.markDown', [day]);
  }
  return i18n.t('ui.offer.markChanged', [day]);
}
