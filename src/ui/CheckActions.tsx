import { i18n } from '#i18n';
import type { RowView } from '@src/account/rows';
import { checkSettingsItem } from '@src/storage/check-settings';
import { checkCostSummary, checkCostText } from './check-cost';
import { useFreshModels } from './use-fresh-models';
import { useStoredValue } from './use-stored-value';

interface Props {
  keyId: string;
  rows: readonly RowView[];
  now: number;
  busy: boolean;
  onCheck: () => void;
}

/**
 * The check button, and what pressing it costs before it is pressed: calls where a probe tells something (a price
 * to learn, quota headers to read, every model when the user asked for that), credits at the known prices, and the
 * models that cost nothing (calls left from the balance, fresh results reused).
 */
export function CheckActions({ keyId, rows, now, busy, onCheck }: Props) {
  const [checkSettings] = useStoredValue(checkSettingsItem);
  const models = rows.map((row) => row.model);
  const fresh = useFreshModels(keyId, models, checkSettings?.cacheSeconds, `${now}\n${rows.map((row) => row.result?.checked_at).join()}`);
  const cost = checkSettings && checkCostSummary({ rows, probeEveryModel: checkSettings.probeEveryModel, fresh });
  return (
    <>
      <button type="button" className="primary" onClick={onCheck} disabled={busy || models.length === 0}>
        {busy ? i18n.t('ui.checking') : i18n.t('ui.check')}
      </button>
      <span className="hint cost">{cost && checkCostText(cost)}</span>
    </>
  );
}
