import { i18n } from '#i18n';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import type { BalanceItem } from '@src/contract';
import { CheckActions } from './CheckActions';
import { PaceLine } from './PaceLine';
import { QuotaChart } from './QuotaChart';
import { ResetCountdown } from './ResetCountdown';
import { orderRows, type RowOrder } from './result-rows';
import { ResultsTable } from './ResultsTable';
import { ResultsToolbar } from './ResultsToolbar';
import type { Check } from './use-check';
import { useKeyHistory } from './use-key-history';
import { useNow } from './use-now';

interface Props {
  secret: string;
  /** The active list's models, in the user's order. */
  models: readonly string[];
  results: Readonly<Record<string, BalanceItem>>;
  check: Check;
}

const openCatalogue = () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#lists') });

/** The popup's body: check the active list, its rows with today's chart and pace, what the last check said. */
export function ActiveListResults({ secret, models, results, check }: Props) {
  const history = useKeyHistory(secret);
  const now = useNow();
  const [order, setOrder] = useState<RowOrder>('list');
  return (
    <>
      <CheckActions secret={secret} models={models} results={results} now={now} busy={check.checking.size > 0} onCheck={check.checkAll} />
      <ResultsToolbar models={models} results={results} order={order} onOrder={setOrder} now={now} />
      <ResultsTable
        models={orderRows(models, results, order)}
        results={results}
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
      {models.length === 0 && <p className="hint">{i18n.t('ui.lists.empty')}</p>}
      <p role="status" className="summary">{check.summary}</p>
      <ResetCountdown now={now} />
    </>
  );
}
