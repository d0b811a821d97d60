import { i18n } from '#i18n';
import { useState } from 'react';
import type { RowView } from '@src/account/rows';
import type { TierPrice } from '@src/modelscope/magicube-shapes';
import type { WriteResult } from '@src/storage/write-result';
import { unpricedText } from '../CallsLeftCell';
import { callsText, creditsText } from '../format';
import { OfferSummary } from '../OfferSummary';
import { listFailureText, priceSourceText, priceText } from '../offer-text';
import { writeProblemText } from '../problem-text';
import { tierName } from '../tier-name';

interface Props {
  /** One row per model of the favourite lists, in list order, from the account's view. */
  rows: readonly RowView[];
  /** The tiers a model can be set to, with their prices; null when ModelScope has not given them. */
  tiers: readonly TierPrice[] | null;
  /** Why there are no tiers to pick from, when there are none. */
  noTiers: string | null;
  onSetTier: (model: string, tier: TierPrice) => Promise<WriteResult<unknown>>;
  onForget: (model: string) => Promise<WriteResult<unknown>>;
  now: number;
}

/**
 * How a row's price is known, with its age, and a failed latest read of the provider list; or why there is no price:
 * a model API-Inference does not serve, or a price not known yet.
 */
function HowKnown({ row, now }: { row: RowView; now: number }) {
  const { price, offer, callsLeft } = row;
  if (callsLeft.kind === 'unserved') return <OfferSummary entry={offer ?? undefined} now={now} />;
  if (price === null) return <>{callsLeft.kind === 'unpriced' ? unpricedText(callsLeft) : i18n.t('ui.prices.unknown')}</>;
  const stale = offer && offer.last.outcome !== 'ok' ? ` · ${listFailureText(offer.last.outcome)}` : '';
  return <>{priceSourceText(price, now) + stale}</>;
}

/** A tier to set by hand, where the provider list gives no price: the tiers and prices ModelScope lists. */
function TierPicker({ row, tiers, onPick }: { row: RowView; tiers: readonly TierPrice[]; onPick: (tier: TierPrice) => void }) {
  const { model, price } = row;
  const listed = price !== null && tiers.some((tier) => tier.tier === price.tier);
  return (
    <select
      aria-label={i18n.t('ui.prices.tierOf', [model])}
      value={listed ? price.tier! : ''}
      onChange={(event) => {
        const tier = tiers.find((candidate) => candidate.tier === event.target.value);
        if (tier) onPick(tier);
      }}
    >
      {!listed && <option value="">{i18n.t('ui.prices.pickTier')}</option>}
      {tiers.map((tier) => (
        <option key={tier.tier} value={tier.tier}>
          {i18n.t('ui.prices.tierOption', [tierName(tier.tier, tier.rawTier) ?? tier.tier, creditsText(tier.price)])}
        </option>
      ))}
    </select>
  );
}

/**
 * Each model's price and how it is known: ModelScope's provider list (whether API-Inference serves it at all, and at
 * which tier), or, where the list gives none, learned from the ledger or set by hand, with a tier to pick and a price
 * to forget so the next Check learns it again. Every write's result is said.
 */
export function PricesTable({ rows, tiers, noTiers, onSetTier, onForget, now }: Props) {
  const [status, setStatus] = useState<string | null>(null);
  const say = async (write: Promise<WriteResult<unknown>>, done: string) => {
    const saved = await write;
    setStatus(saved.ok ? done : writeProblemText(saved.problem));
  };
  const setTier = (model: string, tier: TierPrice) =>
    void say(onSetTier(model, tier), i18n.t('ui.prices.savedTier', [model, tierName(tier.tier, tier.rawTier) ?? tier.tier, creditsText(tier.price)]));
  const forget = (model: string) => void say(onForget(model), i18n.t('ui.prices.forgotten', [model, callsText(1)]));

  if (rows.length === 0) return <p className="hint">{i18n.t('ui.prices.empty')}</p>;
  return (
    <>
      {noTiers && <p className="hint">{noTiers}</p>}
      <table className="prices">
        <thead>
          <tr>
            <th scope="col">{i18n.t('ui.prices.model')}</th>
            <th scope="col">{i18n.t('ui.prices.price')}</th>
            <th scope="col">{i18n.t('ui.prices.known')}</th>
            <th scope="col"><span className="visually-hidden">{i18n.t('ui.col.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const { model, price } = row;
            // A price the provider list gives is ModelScope's own: nothing to set or forget by hand.
            const byHand = row.served !== false && price?.source !== 'providers';
            return (
              <tr key={model} data-model={model}>
                <th scope="row" className="model-id">{model}</th>
                <td>{price ? priceText(price) : row.served === false ? i18n.t('ui.prices.unserved') : i18n.t('ui.unknown')}</td>
                <td className="hint"><HowKnown row={row} now={now} /></td>
                <td className="actions-cell">
                  {byHand && tiers && <TierPicker row={row} tiers={tiers} onPick={(tier) => setTier(model, tier)} />}
                  {byHand && price && (
                    <button type="button" className="small" aria-label={i18n.t('ui.prices.forgetOf', [model])} onClick={() => forget(model)}>
                      {i18n.t('ui.prices.forget')}
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {status && <p role="status">{status}</p>}
    </>
  );
}
