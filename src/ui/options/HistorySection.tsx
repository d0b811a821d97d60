import { i18n } from '#i18n';
import type { CreditsView } from '@src/account/credits-view';
import { activeList, favouriteListsItem } from '@src/storage/favourite-lists';
import { scheduleItem } from '@src/storage/schedule';
import { useActiveAccount } from '../active-account';
import { missingText } from '../credits-source';
import { ResetCountdown } from '../ResetCountdown';
import { SpendChart } from '../SpendChart';
import { UsageHistory } from '../UsageHistory';
import { useAccountView } from '../use-account-view';
import { useKeyHistory } from '../use-key-history';
import { useNow } from '../use-now';
import { useStoredValue } from '../use-stored-value';

/** Why there is no ledger chart: never read yet, or how its last read failed. */
function noLedgerText(credits: CreditsView | null): string {
  if (credits === null) return i18n.t('ui.ledgerChart.notRead');
  return missingText('ledger', credits.sources.ledger.status);
}

/**
 * Spend per day for the active key: from the Magicube ledger wherever it answered (exact, every app using the
 * token); otherwise what this extension recorded from its own checks, said as such.
 */
export function HistorySection() {
  const account = useActiveAccount();
  const [schedule] = useStoredValue(scheduleItem);
  const [lists] = useStoredValue(favouriteListsItem);
  const now = useNow();
  const view = useAccountView(account, lists && activeList(lists).models, now);
  const history = useKeyHistory(account?.keyId);
  if (!schedule || account === undefined || (account.keyId !== null && view === undefined)) return null;
  const credits = view?.credits ?? null;
  return (
    <section id="history" aria-labelledby="history-title">
      <h2 id="history-title">{i18n.t('ui.nav.history')}</h2>
      {credits?.spend.answered ? (
        <SpendChart days={credits.spend.days} source={credits.sources.ledger} now={now} />
      ) : (
        <>
          <p className="hint">{i18n.t('ui.ledgerChart.localOnly', [noLedgerText(credits)])}</p>
          <UsageHistory pointsByModel={history.models} days={schedule.historyDays} now={now} />
        </>
      )}
      <ResetCountdown now={now} />
    </section>
  );
}
