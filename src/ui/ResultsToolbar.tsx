import { i18n } from '#i18n';
import type { RowView } from '@src/account/rows';
import { CopyResultsButton } from './CopyResultsButton';
import { timeAgo } from './format';
import { orderRows, resultsAsText, type RowOrder } from './result-rows';

interface Props {
  rows: readonly RowView[];
  order: RowOrder;
  onOrder: (order: RowOrder) => void;
  now: number;
}

/** When the list was last checked, the row order, and copying the results. */
export function ResultsToolbar({ rows, order, onOrder, now }: Props) {
  const lastChecked = rows
    .flatMap((row) => (row.result ? [row.result.checked_at] : []))
    .sort()
    .at(-1);
  return (
    <div className="toolbar">
      <span className="hint">{lastChecked ? i18n.t('ui.lastChecked', [timeAgo(lastChecked, now)]) : i18n.t('ui.neverChecked')}</span>
      <span>
        <label htmlFor="row-order">{i18n.t('ui.sort')}</label>{' '}
        <select id="row-order" value={order} onChange={(event) => onOrder(event.target.value === 'remaining' ? 'remaining' : 'list')}>
          <option value="list">{i18n.t('ui.sortList')}</option>
          <option value="remaining">{i18n.t('ui.sortRemaining')}</option>
        </select>
      </span>
      <CopyResultsButton text={() => resultsAsText(orderRows(rows, order))} />
    </div>
  );
}
