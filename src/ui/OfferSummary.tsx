import { i18n } from '#i18n';
import type { OfferEntry } from '@src/account/offers';
import { ageText } from './format';
import { listFailureText, priceText, unservedText } from './offer-text';

/**
 * What the provider list says of a model, in a few words with the read's age: "ultra · 2 credits · read 2 min ago",
 * "not served: DashScope serves it", or why it could not be read. "Reading…" before the first answer.
 */
export function OfferSummary({ entry, now }: { entry: OfferEntry | undefined; now: number }) {
  if (entry === undefined) return <span className="hint offer">{i18n.t('ui.offer.reading')}</span>;
  const { value, read_at: readAt, last } = entry;
  const age = readAt === null ? null : ageText(readAt, now);
  if (value === null) return <span className="hint offer problem">{listFailureText(last.outcome === 'ok' ? 'unreadable' : last.outcome)}</span>;
  const said = value.served
    ? value.price === null
      ? i18n.t('ui.offer.servedNoPrice')
      : priceText({ price: value.price, tier: value.tier, rawTier: value.rawTier })
    : unservedText(value);
  return (
    <span className={value.served ? 'hint offer' : 'hint offer unserved'}>
      {said}
      {age && ` · ${i18n.t('ui.offer.readAgo', [age])}`}
      {last.outcome !== 'ok' && ` · ${listFailureText(last.outcome)}`}
    </span>
  );
}
