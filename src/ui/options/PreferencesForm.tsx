import { i18n } from '#i18n';
import type { Preferences } from '@src/storage/preferences';
import type { WriteResult } from '@src/storage/write-result';
import { useWriteProblem } from '../use-write-problem';

interface Props {
  preferences: Preferences;
  onToggle: (name: keyof Preferences, on: boolean) => Promise<WriteResult<unknown>>;
}

/** On/off choices that change what the extension does by itself or lets others do. */
export function PreferencesForm({ preferences, onToggle }: Props) {
  const [problem, attempt] = useWriteProblem();
  return (
    <>
      <label className="check">
        <input type="checkbox" checked={preferences.checkOnOpen} onChange={(event) => void attempt(onToggle('checkOnOpen', event.target.checked))} />
        {i18n.t('ui.prefs.checkOnOpen')}
      </label>
      <label className="check">
        <input type="checkbox" checked={preferences.externalAccess} onChange={(event) => void attempt(onToggle('externalAccess', event.target.checked))} />
        {i18n.t('ui.prefs.externalAccess')}
      </label>
      <p className="hint">{i18n.t('ui.prefs.externalAccessHint')}</p>
      {problem && <p role="alert" className="problem">{problem}</p>}
    </>
  );
}
