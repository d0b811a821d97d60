import { i18n } from '#i18n';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import type { RowView } from '@src/account/rows';
import type { SitePrices } from '@src/storage/model-prices';
import { CheckActions } from './CheckActions';
import { PaceLine } from './PaceLine';
import { QuotaChart } from './QuotaChart';
import { ResetCountdown } from './ResetCountdown';
import { orderRows, type RowOrder } from './result-rows';
import { ResultsTable } from './ResultsTable';
import { ResultsToolbar } from './ResultsToolbar';
import type { Check } from './use-check';
import { useKeyHistory } from './use-key-history';

interface Props {
  keyId: string;
  /** The active list's rows, in the user's order, from the account's view. */
  rows: readonly RowView[];
  /** The site's stored model prices, which the cost of a Check is counted at. */
  prices: SitePrices;
  check: Check;
  now: number;
}

const openCatalogue = () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#lists') });

/** The popup's body: check the active list, its rows with today's chart and pace, what the last check said. */
export function ActiveListResults({ keyId, rows, prices, check, now }: Props) {
  const history = useKeyHistory(keyId);
  const [order, setOrder] = useState<RowOrder>('list');
  return (
    <>
      <CheckActions keyId={keyId} rows={rows} prices={prices} now={now} busy={check.checking.size > 0} onCheck={check.checkAll} />
      <ResultsToolbar rows={rows} order={order} onOrder={setOrder} now={now} />
      <ResultsTable
        rows={orderRows(rows, order)}
        checking={check.checking}
        now={now}
        onRecheck={check.checkOne}
        onPickFromCatalogue={openCatalogue}
        details={(model) => (
          <>
            <QuotaChart model={model} points={history.models[model] ?? []} now={now} />
            <PaceLine points={history.models[model] ?? []} now={now} />
          </>
        )}
      />
      {rows.length === 0 && <p className="hint">{i18n.t('ui.lists.empty')}</p>}
      <p role="status" className="summary">{check.summary}</p>
      <ResetCountdown now={now} />
    </>
  );
}
