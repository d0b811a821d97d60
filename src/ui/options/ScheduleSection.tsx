import { alertSettingsItem } from '@src/storage/alerts';
import { activeList, favouriteListsItem } from '@src/storage/favourite-lists';
import { scheduleItem } from '@src/storage/schedule';
import { updateTogether } from '@src/storage/validated-item';
import { useStoredValue } from '../use-stored-value';
import { ScheduleForm } from './ScheduleForm';

const SCHEDULE_AND_ALERTS = { schedule: scheduleItem, alerts: alertSettingsItem };

/** Automatic checks and alerts, with what the schedule costs for the active list; one Save, one write. */
export function ScheduleSection() {
  const [schedule] = useStoredValue(scheduleItem);
  const [alerts] = useStoredValue(alertSettingsItem);
  const [lists] = useStoredValue(favouriteListsItem);
  if (!schedule || !alerts || !lists) return null;
  return (
    <section id="schedule">
      <ScheduleForm
        schedule={schedule}
        alerts={alerts}
        modelCount={activeList(lists).models.length}
        onSave={(next) => updateTogether(SCHEDULE_AND_ALERTS, () => next)}
      />
    </section>
  );
}
