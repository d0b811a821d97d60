import { i18n } from '#i18n';
import { alertSettingsItem } from '@src/storage/alerts';
import { checkSettingsItem } from '@src/storage/check-settings';
import { activeList, favouriteListsItem } from '@src/storage/favourite-lists';
import { scheduleItem } from '@src/storage/schedule';
import { CheckSettingsForm } from '@src/ui/CheckSettingsForm';
import { KeysSection } from '@src/ui/KeysSection';
import { ListsSection } from '@src/ui/ListsSection';
import { PreferencesSection } from '@src/ui/PreferencesSection';
import { RepairNotice } from '@src/ui/RepairNotice';
import { ResetCountdown } from '@src/ui/ResetCountdown';
import { ScheduleForm } from '@src/ui/ScheduleForm';
import { TransferSection } from '@src/ui/TransferSection';
import { UsageHistory } from '@src/ui/UsageHistory';
import { useActiveKey } from '@src/ui/use-active-key';
import { useKeyHistory } from '@src/ui/use-key-history';
import { useNow } from '@src/ui/use-now';
import { useStoredValue } from '@src/ui/use-stored-value';

const SECTIONS = [
  ['keys', 'ui.nav.keys'],
  ['lists', 'ui.nav.lists'],
  ['checks', 'ui.nav.checks'],
  ['schedule', 'ui.nav.schedule'],
  ['history', 'ui.nav.history'],
  ['preferences', 'ui.nav.preferences'],
  ['transfer', 'ui.nav.transfer'],
] as const;

/** Automatic checks and alerts, with what the schedule costs for the active list. */
function ScheduleSection() {
  const [schedule, saveSchedule] = useStoredValue(scheduleItem);
  const [alerts, saveAlerts] = useStoredValue(alertSettingsItem);
  const [lists] = useStoredValue(favouriteListsItem);
  if (!schedule || !alerts || !lists) return null;
  return (
    <section id="schedule">
      <ScheduleForm
        schedule={schedule}
        alerts={alerts}
        modelCount={activeList(lists).models.length}
        onSaveSchedule={async (next) => void (await saveSchedule(() => next))}
        onSaveAlerts={async (next) => void (await saveAlerts(() => next))}
      />
    </section>
  );
}

/** Calls used per day for the active key, over the days history is kept. */
function HistorySection() {
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

export function App() {
  const [settings, saveSettings] = useStoredValue(checkSettingsItem);
  return (
    <main className="options">
      <h1>{i18n.t('ui.settingsTitle')}</h1>
      <nav aria-label={i18n.t('ui.settingsTitle')}>
        {SECTIONS.map(([id, label]) => (
          <a key={id} href={`#${id}`}>{i18n.t(label)}</a>
        ))}
      </nav>
      <RepairNotice />
      <KeysSection />
      <ListsSection />
      <section id="checks">{settings && <CheckSettingsForm value={settings} onSave={async (next) => void (await saveSettings(() => next))} />}</section>
      <ScheduleSection />
      <HistorySection />
      <PreferencesSection />
      <TransferSection />
    </main>
  );
}
