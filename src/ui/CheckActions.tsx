import { i18n } from '#i18n';
import type { BalanceItem, Site } from '@src/contract';
import { checkSettingsItem } from '@src/storage/check-settings';
import type { SitePrices } from '@src/storage/model-prices';
import { checkCostSummary, checkCostText } from './check-cost';
import { useFreshModels } from './use-fresh-models';
import { useStoredValue } from './use-stored-value';

interface Props {
  secret: string;
  site: Site;
  models: readonly string[];
  results: Readonly<Record<string, BalanceItem>>;
  prices: SitePrices;
  now: number;
  busy: boolean;
  onCheck: () => void;
}

/**
 * The check button, and what pressing it costs before it is pressed: calls where a probe tells something (a price
 * to learn, quota headers to read, every model when the user asked for that), credits at the known prices, and the
 * models that cost nothing (calls left from the balance, fresh results reused).
 */
export function CheckActions({ secret, site, models, results, prices, now, busy, onCheck }: Props) {
  const [checkSettings] = useStoredValue(checkSettingsItem);
  const fresh = useFreshModels(secret, site, models, checkSettings?.cacheSeconds, results, now);
  const cost = checkSettings && checkCostSummary({ models, prices, results, probeEveryModel: checkSettings.probeEveryModel, fresh });
  return (
    <div className="actions">
      <button type="button" className="primary" onClick={onCheck} disabled={busy || models.length === 0}>
        {busy ? i18n.t('ui.checking') : i18n.t('ui.check')}
      </button>
      {cost && <span className="hint cost">{checkCostText(cost)}</span>}
    </div>
  );
}
