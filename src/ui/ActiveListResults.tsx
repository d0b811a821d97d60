import { i18n } from '#i18n';
import { useState, type ReactNode } from 'react';
import { browser } from 'wxt/browser';
import type { RowView } from '@src/account/rows';
import type { Site } from '@src/contract';
import { CheckActions } from './CheckActions';
import { CopyResultsButton } from './CopyResultsButton';
import { timeAgo } from './format';
import { ResetCountdown } from './ResetCountdown';
import { orderRows, resultsAsText, type RowOrder } from './result-rows';
import { ResultsTable } from './ResultsTable';
import { RowDetails } from './RowDetails';
import type { Check } from './use-check';
import { useKeyHistory } from './use-key-history';

interface Props {
  keyId: string;
  site: Site;
  /** The active list's rows, in the user's order, from the account's view. */
  rows: readonly RowView[];
  check: Check;
  now: number;
}

const openCatalogue = () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#lists') });

function RowOrderPicker({ order, onOrder }: { order: RowOrder; onOrder: (order: RowOrder) => void }) {
  return (
    <select aria-label={i18n.t('ui.sort')} value={order} onChange={(event) => onOrder(event.target.value === 'remaining' ? 'remaining' : 'list')}>
      <option value="list">{i18n.t('ui.sortList')}</option>
      <option value="remaining">{i18n.t('ui.sortRemaining')}</option>
    </select>
  );
}

/** Under the rows: what "≈" means and where it comes from, and when the list was last probed. */
function Footnote({ rows, now, children }: { rows: readonly RowView[]; now: number; children: ReactNode }) {
  const lastChecked = rows
    .flatMap((row) => (row.result ? [row.result.checked_at] : []))
    .sort()
    .at(-1);
  const parts = [lastChecked ? i18n.t('ui.lastChecked', [timeAgo(lastChecked, now)]) : i18n.t('ui.neverChecked')];
  if (rows.some((row) => row.callsLeft.kind === 'derived')) parts.unshift(i18n.t('ui.rows.footnote'));
  return (
    <div className="footnote">
      <p className="hint">{parts.join(' · ')}</p>
      {children}
    </div>
  );
}

/** The popup's body: check the active list, one line per model with its details a click away, what the last check said. */
export function ActiveListResults({ keyId, site, rows, check, now }: Props) {
  const history = useKeyHistory(keyId);
  const [order, setOrder] = useState<RowOrder>('list');
  const counted = rows.some((row) => row.callsLeft.kind === 'headers');
  return (
    <>
      <div className="actions">
        <CheckActions keyId={keyId} rows={rows} now={now} busy={check.checking.size > 0} onCheck={check.checkAll} />
      </div>
      <ResultsTable
        rows={orderRows(rows, order)}
        checking={check.checking}
        now={now}
        onRecheck={check.checkOne}
        onPickFromCatalogue={openCatalogue}
        details={(row) => <RowDetails row={row} site={site} points={history.models[row.model] ?? []} now={now} />}
      />
      {rows.length === 0 ? (
        <p className="hint">{i18n.t('ui.lists.empty')}</p>
      ) : (
        <Footnote rows={rows} now={now}>
          <RowOrderPicker order={order} onOrder={setOrder} />
          <CopyResultsButton text={() => resultsAsText(orderRows(rows, order))} />
        </Footnote>
      )}
      <p role="status" className="summary">{check.summary}</p>
      {/* The daily reset matters only where ModelScope still counts calls in headers. */}
      {counted && <ResetCountdown now={now} />}
    </>
  );
}
