import { i18n } from '#i18n';
import { useState, type FormEvent } from 'react';
import { AlertSettingsSchema, LOGIN_GRANT_HOUR_RANGE, THRESHOLD_RANGES, type AlertSettings } from '@src/storage/alerts';
import { HISTORY_DAYS_RANGE, INTERVALS, ScheduleSchema, dailyCallCeiling, type Interval, type Schedule } from '@src/storage/schedule';
import type { WriteResult } from '@src/storage/write-result';
import { numberOrNaN, wholeNumberRangeText } from '../number-field';
import { NumberField } from '../NumberField';
import { writeProblemText } from '../problem-text';
import { useDraft } from '../use-draft';

interface Props {
  schedule: Schedule;
  alerts: AlertSettings;
  /** Models in the active list: what each automatic check may spend. */
  modelCount: number;
  /** Both land together or neither does. */
  onSave: (next: { schedule: Schedule; alerts: AlertSettings }) => Promise<WriteResult<unknown>>;
}

interface Draft {
  /** null is off. */
  checkEvery: Interval | null;
  magicubeEvery: Interval | null;
  historyDays: string;
  lowQuota: boolean;
  thresholdKind: 'share' | 'calls';
  /** Both kinds keep their own value, so switching back and forth loses nothing. */
  percent: string;
  calls: string;
  keyRefused: boolean;
  /** Beijing hour; null is off. */
  loginGrantMissingByHour: number | null;
  creditsExpiring: boolean;
  offerChanged: boolean;
}

const DEFAULT_CALLS_THRESHOLD = 20;

function toDraft(schedule: Schedule, alerts: AlertSettings): Draft {
  const { threshold } = alerts;
  return {
    checkEvery: schedule.checkEveryMinutes,
    magicubeEvery: schedule.magicubeEveryMinutes,
    historyDays: String(schedule.historyDays),
    lowQuota: alerts.lowQuota,
    thresholdKind: threshold.kind,
    percent: String(threshold.kind === 'share' ? threshold.percent : 10),
    calls: String(threshold.kind === 'calls' ? threshold.calls : DEFAULT_CALLS_THRESHOLD),
    keyRefused: alerts.keyRefused,
    loginGrantMissingByHour: alerts.loginGrantMissingByHour,
    creditsExpiring: alerts.creditsExpiring,
    offerChanged: alerts.offerChanged,
  };
}

const LOGIN_GRANT_HOURS = Array.from(
  { length: LOGIN_GRANT_HOUR_RANGE.max - LOGIN_GRANT_HOUR_RANGE.min + 1 },
  (_, index) => LOGIN_GRANT_HOUR_RANGE.min + index,
);


/** What automatic checks will cost, said before they are turned on. */
function costSentence(checkEvery: Interval | null, modelCount: number): string {
  if (checkEvery === null) return i18n.t('schedule.costOff');
  if (modelCount === 0) return i18n.t('schedule.costEmpty');
  return i18n.t('schedule.cost', modelCount, [modelCount, checkEvery, dailyCallCeiling(modelCount, checkEvery)]);
}

interface IntervalSelectProps {
  id: string;
  value: Interval | null;
  onChange: (value: Interval | null) => void;
}

function IntervalSelect({ id, value, onChange }: IntervalSelectProps) {
  const pick = (text: string) => onChange(INTERVALS.find((minutes) => String(minutes) === text) ?? null);
  return (
    <select id={id} value={String(value ?? '')} onChange={(event) => pick(event.target.value)}>
      <option value="">{i18n.t('schedule.off')}</option>
      {INTERVALS.map((minutes) => (
        <option key={minutes} value={String(minutes)}>{i18n.t('schedule.everyMinutes', [minutes])}</option>
      ))}
    </select>
  );
}

/** Automatic checks (off by default, with their cost), the free Magicube refresh, history length and alerts. */
export function ScheduleForm({ schedule, alerts, modelCount, onSave }: Props) {
  const [draft, setDraft] = useDraft<Draft>(toDraft(schedule, alerts));
  const [status, setStatus] = useState<string | null>(null);
  const change = (part: Partial<Draft>) => setDraft((current) => ({ ...current, ...part }));

  const range = draft.thresholdKind === 'share' ? THRESHOLD_RANGES.percent : THRESHOLD_RANGES.calls;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const nextSchedule = ScheduleSchema.safeParse({
      checkEveryMinutes: draft.checkEvery,
      magicubeEveryMinutes: draft.magicubeEvery,
      historyDays: numberOrNaN(draft.historyDays),
    });
    const nextAlerts = AlertSettingsSchema.safeParse({
      // Alerts this form does not edit are kept as they are.
      ...alerts,
      lowQuota: draft.lowQuota,
      threshold:
        draft.thresholdKind === 'share'
          ? { kind: 'share', percent: numberOrNaN(draft.percent) }
          : { kind: 'calls', calls: numberOrNaN(draft.calls) },
      keyRefused: draft.keyRefused,
      loginGrantMissingByHour: draft.loginGrantMissingByHour,
      creditsExpiring: draft.creditsExpiring,
      offerChanged: draft.offerChanged,
    });
    // The two typed fields are the only ones that can be wrong; the others are picked from what is offered.
    if (!nextSchedule.success) return setStatus(i18n.t('schedule.invalid', [wholeNumberRangeText(i18n.t('schedule.historyDays'), HISTORY_DAYS_RANGE)]));
    if (!nextAlerts.success) return setStatus(i18n.t('schedule.invalid', [wholeNumberRangeText(i18n.t('alerts.thresholdValue'), range)]));
    const saved = await onSave({ schedule: nextSchedule.data, alerts: nextAlerts.data });
    setStatus(saved.ok ? i18n.t('schedule.saved') : writeProblemText(saved.problem));
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="settings schedule-form" noValidate>
      <h2>{i18n.t('schedule.title')}</h2>
      <div className="field">
        <label htmlFor="schedule-check">{i18n.t('schedule.checkEvery')}</label>
        <IntervalSelect id="schedule-check" value={draft.checkEvery} onChange={(checkEvery) => change({ checkEvery })} />
        <p className="cost" aria-live="polite">{costSentence(draft.checkEvery, modelCount)}</p>
        <p className="hint">{i18n.t('schedule.costHint')}</p>
      </div>
      <div className="field">
        <label htmlFor="schedule-magicube">{i18n.t('schedule.magicubeEvery')}</label>
        <IntervalSelect id="schedule-magicube" value={draft.magicubeEvery} onChange={(magicubeEvery) => change({ magicubeEvery })} />
      </div>
      <NumberField
        id="schedule-history-days"
        label={i18n.t('schedule.historyDays')}
        range={HISTORY_DAYS_RANGE}
        value={draft.historyDays}
        onChange={(historyDays) => change({ historyDays })}
        hint={i18n.t('schedule.historyDaysHint', [HISTORY_DAYS_RANGE.min, HISTORY_DAYS_RANGE.max])}
      />

      <h2>{i18n.t('alerts.title')}</h2>
      <div className="field">
        <label>
          <input type="checkbox" checked={draft.lowQuota} onChange={(event) => change({ lowQuota: event.target.checked })} />{' '}
          {i18n.t('alerts.lowQuota')}
        </label>
      </div>
      <div className="field">
        <label htmlFor="alert-threshold-kind">{i18n.t('alerts.thresholdKind')}</label>
        <select
          id="alert-threshold-kind"
          value={draft.thresholdKind}
          disabled={!draft.lowQuota}
          onChange={(event) => change({ thresholdKind: event.target.value === 'calls' ? 'calls' : 'share' })}
        >
          <option value="share">{i18n.t('alerts.thresholdShare')}</option>
          <option value="calls">{i18n.t('alerts.thresholdCalls')}</option>
        </select>
      </div>
      <NumberField
        id="alert-threshold-value"
        label={i18n.t('alerts.thresholdValue')}
        range={range}
        disabled={!draft.lowQuota}
        value={draft.thresholdKind === 'share' ? draft.percent : draft.calls}
        onChange={(text) => change(draft.thresholdKind === 'share' ? { percent: text } : { calls: text })}
        hint={i18n.t(draft.thresholdKind === 'share' ? 'alerts.shareHint' : 'alerts.callsHint', [range.min, range.max])}
      />
      <div className="field">
        <label>
          <input type="checkbox" checked={draft.keyRefused} onChange={(event) => change({ keyRefused: event.target.checked })} />{' '}
          {i18n.t('alerts.keyRefused')}
        </label>
      </div>
      <div className="field">
        <label htmlFor="alert-login-grant">{i18n.t('ui.creditAlerts.loginGrantMissing')}</label>
        <select
          id="alert-login-grant"
          value={draft.loginGrantMissingByHour === null ? '' : String(draft.loginGrantMissingByHour)}
          onChange={(event) => {
            const hour = LOGIN_GRANT_HOURS.find((candidate) => String(candidate) === event.target.value);
            change({ loginGrantMissingByHour: hour ?? null });
          }}
        >
          <option value="">{i18n.t('ui.creditAlerts.off')}</option>
          {LOGIN_GRANT_HOURS.map((hour) => (
            <option key={hour} value={String(hour)}>{i18n.t('ui.creditAlerts.hour', [String(hour).padStart(2, '0')])}</option>
          ))}
        </select>
        <p className="hint">{i18n.t('ui.creditAlerts.loginGrantHint')}</p>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" checked={draft.creditsExpiring} onChange={(event) => change({ creditsExpiring: event.target.checked })} />{' '}
          {i18n.t('ui.creditAlerts.creditsExpiring')}
        </label>
        <p className="hint">{i18n.t('ui.creditAlerts.creditsExpiringHint')}</p>
      </div>
      <div className="field">
        <label>
          <input type="checkbox" checked={draft.offerChanged} onChange={(event) => change({ offerChanged: event.target.checked })} />{' '}
          {i18n.t('ui.creditAlerts.offerChanged')}
        </label>
        <p className="hint">{i18n.t('ui.creditAlerts.offerChangedHint')}</p>
      </div>
      <button type="submit" className="primary">{i18n.t('schedule.save')}</button>
      {status && <p role="status">{status}</p>}
    </form>
  );
}
