import { i18n } from '#i18n';
import { useState, type FormEvent } from 'react';
import { CHECK_SETTINGS_RANGES, CheckSettingsSchema, type CheckSettings } from '@src/storage/check-settings';
import type { WriteResult } from '@src/storage/write-result';
import { numberOrNaN, wholeNumberRangeText } from '../number-field';
import { NumberField } from '../NumberField';
import { useDraft } from '../use-draft';
import { writeProblemText } from '../problem-text';

interface Props {
  value: CheckSettings;
  onSave: (settings: CheckSettings) => Promise<WriteResult<unknown>>;
}

type Field = keyof typeof CHECK_SETTINGS_RANGES;
const FIELDS: Array<{ name: Field; label: 'ui.concurrency' | 'ui.timeout' | 'ui.cacheAge'; hint: 'ui.concurrencyHint' | 'ui.timeoutHint' | 'ui.cacheAgeHint' }> = [
  { name: 'concurrency', label: 'ui.concurrency', hint: 'ui.concurrencyHint' },
  { name: 'timeoutSeconds', label: 'ui.timeout', hint: 'ui.timeoutHint' },
  { name: 'cacheSeconds', label: 'ui.cacheAge', hint: 'ui.cacheAgeHint' },
];

/** Concurrency, timeout and cache age, each with its range (nothing out of range is saved), and what a Check probes. */
export function CheckSettingsForm({ value, onSave }: Props) {
  const [draft, setDraft] = useDraft<Record<Field, string>>(toDraft(value), value);
  const [probeEveryModel, setProbeEveryModel] = useDraft(value.probeEveryModel, value);
  const [status, setStatus] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = CheckSettingsSchema.safeParse({
      concurrency: numberOrNaN(draft.concurrency),
      timeoutSeconds: numberOrNaN(draft.timeoutSeconds),
      cacheSeconds: numberOrNaN(draft.cacheSeconds),
      probeEveryModel,
    });
    if (!parsed.success) {
      const field = FIELDS.find(({ name }) => name === parsed.error.issues[0]?.path[0]);
      setStatus(field ? outOfRangeText(field) : i18n.t('ui.settingsInvalid', [i18n.t('storage.problem.invalidValue', [i18n.t('ui.settings')])]));
      return;
    }
    const saved = await onSave(parsed.data);
    setStatus(saved.ok ? i18n.t('ui.saved') : writeProblemText(saved.problem));
  };

  return (
    <form onSubmit={(event) => void submit(event)} className="settings" noValidate>
      <h2>{i18n.t('ui.settings')}</h2>
      {FIELDS.map(({ name, label, hint }) => {
        const range = CHECK_SETTINGS_RANGES[name];
        return (
          <NumberField
            key={name}
            id={`setting-${name}`}
            label={i18n.t(label)}
            range={range}
            value={draft[name]}
            onChange={(text) => setDraft({ ...draft, [name]: text })}
            hint={i18n.t(hint, [range.min, range.max])}
          />
        );
      })}
      <label className="check">
        <input type="checkbox" checked={probeEveryModel} onChange={(event) => setProbeEveryModel(event.target.checked)} />
        {i18n.t('ui.probeEveryModel')}
      </label>
      <p className="hint">{i18n.t('ui.probeEveryModelHint')}</p>
      <button type="submit" className="primary">{i18n.t('ui.save')}</button>
      {status && <p role="status">{status}</p>}
    </form>
  );
}

/** "Not saved: Probes at once must be a whole number from 1 to 20". */
function outOfRangeText({ name, label }: (typeof FIELDS)[number]): string {
  return i18n.t('ui.settingsInvalid', [wholeNumberRangeText(i18n.t(label), CHECK_SETTINGS_RANGES[name])]);
}

function toDraft(settings: CheckSettings): Record<Field, string> {
  return {
    concurrency: String(settings.concurrency),
    timeoutSeconds: String(settings.timeoutSeconds),
    cacheSeconds: String(settings.cacheSeconds),
  };
}
