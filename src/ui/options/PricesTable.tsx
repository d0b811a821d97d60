import { i18n } from '#i18n';
import { useState } from 'react';
import type { TierPrice } from '@src/modelscope/magicube-shapes';
import type { ModelPrice, SitePrices } from '@src/storage/model-prices';
import type { WriteResult } from '@src/storage/write-result';
import { learningNoteText } from '../CallsLeftCell';
import { callsText, creditsText, dateText } from '../format';
import { writeProblemText } from '../problem-text';
import { tierName } from '../tier-name';

interface Props {
  /** Every model of the favourite lists, in list order. */
  models: readonly string[];
  prices: SitePrices;
  /** The tiers a model can be set to, with their prices; null when ModelScope has not given them. */
  tiers: readonly TierPrice[] | null;
  /** Why there are no tiers to pick from, when there are none. */
  noTiers: string | null;
  onSetTier: (model: string, tier: TierPrice) => Promise<WriteResult<unknown>>;
  onForget: (model: string) => Promise<WriteResult<unknown>>;
}

function howKnown(price: ModelPrice | undefined, model: string, prices: SitePrices): string {
  if (price) return i18n.t(price.source === 'manual' ? 'ui.prices.manual' : 'ui.prices.learned', [dateText(price.learned_at)]);
  const note = prices.notes[model];
  return note ? `${i18n.t('ui.prices.unknown')} · ${learningNoteText(note)}` : i18n.t('ui.prices.unknown');
}

/**
 * Each model's tier and price and how it is known, with a tier to set by hand (the tiers and prices ModelScope
 * gives) and a price to forget, so the next Check learns it again. Every write's result is said.
 */
export function PricesTable({ models, prices, tiers, noTiers, onSetTier, onForget }: Props) {
  const [status, setStatus] = useState<string | null>(null);
  const say = async (write: Promise<WriteResult<unknown>>, done: string) => {
    const saved = await write;
    setStatus(saved.ok ? done : writeProblemText(saved.problem));
  };
  const setTier = (model: string, tierId: string) => {
    const tier = tiers?.find((candidate) => candidate.tier === tierId);
    if (!tier) return;
    void say(onSetTier(model, tier), i18n.t('ui.prices.savedTier', [model, tierName(tier.tier, tier.rawTier), creditsText(tier.price)]));
  };
  const forget = (model: string) => void say(onForget(model), i18n.t('ui.prices.forgotten', [model, callsText(1)]));

  if (models.length === 0) return <p className="hint">{i18n.t('ui.prices.empty')}</p>;
  return (
    <>
      {noTiers && <p className="hint">{noTiers}</p>}
      <table className="prices">
        <thead>
          <tr>
            <th scope="col">{i18n.t('ui.prices.model')}</th>
            <th scope="col">{i18n.t('ui.prices.tier')}</th>
            <th scope="col">{i18n.t('ui.prices.price')}</th>
            <th scope="col">{i18n.t('ui.prices.known')}</th>
            <th scope="col"><span className="visually-hidden">{i18n.t('ui.col.actions')}</span></th>
          </tr>
        </thead>
        <tbody>
          {models.map((model) => {
            const price = prices.models[model];
            const listed = price && tiers?.some((tier) => tier.tier === price.tier);
            return (
              <tr key={model} data-model={model}>
                <th scope="row" className="model-id">{model}</th>
                <td>
                  {tiers ? (
                    <select aria-label={i18n.t('ui.prices.tierOf', [model])} value={listed ? price.tier : ''} onChange={(event) => setTier(model, event.target.value)}>
                      {!listed && <option value="">{price ? tierName(price.tier, price.rawTier) : i18n.t('ui.prices.pickTier')}</option>}
                      {tiers.map((tier) => (
                        <option key={tier.tier} value={tier.tier}>
                          {i18n.t('ui.prices.tierOption', [tierName(tier.tier, tier.rawTier), creditsText(tier.price)])}
                        </option>
                      ))}
                    </select>
                  ) : (
                    (price && tierName(price.tier, price.rawTier)) ?? i18n.t('ui.unknown')
                  )}
                </td>
                <td>{price ? i18n.t('ui.prices.perCall', [creditsText(price.price)]) : i18n.t('ui.unknown')}</td>
                <td className="hint">{howKnown(price, model, prices)}</td>
                <td>
                  {price && (
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
