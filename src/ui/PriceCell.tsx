import { i18n } from '#i18n';
import type { RowView } from '@src/account/rows';
import { otherProviders, priceSourceText, priceText, unservedText } from './offer-text';

/** What one call costs, with its tier, or who serves a model API-Inference does not; its source is on hover. */
export function PriceCell({ row, now }: { row: RowView; now: number }) {
  if (row.callsLeft.kind === 'unserved') {
    const { offer } = row.callsLeft;
    return <span className="hint" title={unservedText(offer)}>{offer.others.length > 0 ? i18n.t('ui.rows.elsewhere', [otherProviders(offer)]) : i18n.t('ui.unknown')}</span>;
  }
  if (row.price === null) return <span className="quota unknown">{i18n.t('ui.unknown')}</span>;
  return <span title={priceSourceText(row.price, now)}>{priceText(row.price)}</span>;
}
