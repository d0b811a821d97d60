import { i18n } from '#i18n';
import { DEFAULT_SITE } from '@src/contract';
import type { LedgerRow } from '@src/modelscope/magicube-shapes';
import { dailySpendSeries, type LedgerRead } from '@src/quota/spend-series';
import type { AccountPictureRecord } from '@src/storage/account-pictures';
import { scheduleItem } from '@src/storage/schedule';
import { missingText } from '../credits-source';
import { ResetCountdown } from '../ResetCountdown';
import { SpendChart } from '../SpendChart';
import { UsageHistory } from '../UsageHistory';
import { useAccountPicture } from '../use-account-picture';
import { useActiveKey } from '../use-active-key';
import { useKeyHistory } from '../use-key-history';
import { useNow } from '../use-now';
import { useStoredValue } from '../use-stored-value';

/** The days of the ledger chart: the window the background reads the ledger over. */
const LEDGER_DAYS = 14;

/**
 * The stored ledger read with its rows typed: storage validated each row with its LedgerRowSchema on read, but its
 * record schema is built from a plain `z.ZodType`, so the rows reach here as `unknown`.
 */
function storedLedger(picture: AccountPictureRecord | null): LedgerRead | null {
  const value = picture?.ledger.value;
  return value ? { ...value, rows: value.rows as LedgerRow[] } : null;
}

/** Why there is no ledger chart: never read yet, or how its last read failed. */
function noLedgerText(picture: AccountPictureRecord | null): string {
  if (picture === null) return i18n.t('ui.ledgerChart.notRead');
  return missingText('ledger', picture.ledger.last.outcome);
}

/**
 * Spend per day for the active key: from the Magicube ledger wherever it answered (exact, every app using the
 * token); otherwise what this extension recorded from its own checks, said as such.
 */
export function HistorySection() {
  const keyState = useActiveKey();
  const site = keyState?.site ?? DEFAULT_SITE;
  const history = useKeyHistory(keyState?.secret, site);
  const picture = useAccountPicture(keyState?.secret, site);
  const [schedule] = useStoredValue(scheduleItem);
  const now = useNow();
  if (!schedule || picture === undefined) return null;
  const ledger = picture?.ledger;
  const series = dailySpendSeries(storedLedger(picture), LEDGER_DAYS, now);
  return (
    <section id="history" aria-labelledby="history-title">
      <h2 id="history-title">{i18n.t('ui.nav.history')}</h2>
      {series.answered && ledger ? (
        <SpendChart days={series.days} source={{ status: ledger.last.outcome, readAt: ledger.read_at }} now={now} />
      ) : (
        <>
          <p className="hint">{i18n.t('ui.ledgerChart.localOnly', [noLedgerText(picture)])}</p>
          <UsageHistory pointsByModel={history.models} days={schedule.historyDays} now={now} />
        </>
      )}
      <ResetCountdown now={now} />
    </section>
  );
}
