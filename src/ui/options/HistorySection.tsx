import { i18n } from '#i18n';
import { scheduleItem } from '@src/storage/schedule';
import { ResetCountdown } from '../ResetCountdown';
import { UsageHistory } from '../UsageHistory';
import { useActiveKey } from '../use-active-key';
import { useKeyHistory } from '../use-key-history';
import { useNow } from '../use-now';
import { useStoredValue } from '../use-stored-value';

/** Calls used per day for the active key, over the days history is kept. */
export function HistorySection() {
  const keyState = useActiveKey();
  const history = useKeyHistory(keyState?.secret);
  const [schedule] = useStoredValue(scheduleItem);
  const now = useNow();
  if (!schedule) return null;
  return (
    <section id="history" aria-labelledby="history-title">
      <h2 id="history-title">{i18n.t('history.usageTitle')}</h2>
      <UsageHistory pointsByModel={history.models} days={schedule.historyDays} now={now} />
      <ResetCountdown now={now} />
    </section>
  );
}
