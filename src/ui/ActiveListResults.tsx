import { i18n } from '#i18n';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import type { BalanceItem, Site } from '@src/contract';
import type { SitePrices } from '@src/storage/model-prices';
import type { RowCredits } from './calls-left';
import { CheckActions } from './CheckActions';
import { PaceLine } from './PaceLine';
import { QuotaChart } from './QuotaChart';
import { ResetCountdown } from './ResetCountdown';
import { orderRows, type RowOrder } from './result-rows';
import { ResultsTable } from './ResultsTable';
import { ResultsToolbar } from './ResultsToolbar';
import type { Check } from './use-check';
import { balanceFigure, ledgerAnswers, type CreditsView } from './use-credits';
import { useKeyHistory } from './use-key-history';
import { useNow } from './use-now';

interface Props {
  secret: string;
  /** The active key's site, whose history and prices these are. */
  site: Site;
  /** The active list's models, in the user's order. */
  models: readonly string[];
  results: Readonly<Record<string, BalanceItem>>;
  /** The account picture, whose balance gives calls left where ModelScope sends no quota headers. */
  credits: CreditsView | undefined;
  /** The site's stored model prices and learning notes. */
  prices: SitePrices;
  check: Check;
}

const openCatalogue = () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#lists') });

/** The popup's body: check the active list, its rows with today's chart and pace, what the last check said. */
export function ActiveListResults({ secret, site, models, results, credits, prices, check }: Props) {
  const history = useKeyHistory(secret, site);
  const now = useNow();
  const [order, setOrder] = useState<RowOrder>('list');
  const rowCredits: RowCredits = { prices, balance: balanceFigure(credits), ledgerAnswers: ledgerAnswers(credits) };
  return (
    <>
      <CheckActions
        secret={secret}
        site={site}
        models={models}
        results={results}
        prices={prices}
        now={now}
        busy={check.checking.size > 0}
        onCheck={check.checkAll}
      />
      <ResultsToolbar models={models} results={results} credits={rowCredits} order={order} onOrder={setOrder} now={now} />
      <ResultsTable
        models={orderRows(models, results, rowCredits, order)}
        results={results}
        credits={rowCredits}
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
