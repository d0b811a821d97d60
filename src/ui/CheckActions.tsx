import { i18n } from '#i18n';
import type { BalanceItem } from '@src/contract';
import { checkSettingsItem } from '@src/storage/check-settings';
import { useFreshCount } from './use-fresh-count';
import { useStoredValue } from './use-stored-value';

interface Props {
  secret: string;
  models: readonly string[];
  results: Readonly<Record<string, BalanceItem>>;
  now: number;
  busy: boolean;
  onCheck: () => void;
}

/** The check button, and what pressing it costs: one call per model, fresh results reused for free. */
export function CheckActions({ secret, models, results, now, busy, onCheck }: Props) {
  const [checkSettings] = useStoredValue(checkSettingsItem);
  const fresh = useFreshCount(secret, models, checkSettings?.cacheSeconds, results, now);
  const calls = Math.max(0, models.length - fresh);
  return (
    <div className="actions">
      <button type="button" className="primary" onClick={onCheck} disabled={busy || models.length === 0}>
        {busy ? i18n.t('ui.checking') : i18n.t('ui.check')}
      </button>
      <span className="hint cost">
        {i18n.t('ui.cost', [i18n.t('ui.modelCount', models.length), i18n.t('ui.callCount', calls)])}
        {fresh > 0 && ` ${i18n.t('ui.costReused', fresh, [fresh])}`}
      </span>
    </div>
  );
}
