import { i18n } from '#i18n';
import { preferencesItem, type Preferences } from '@src/storage/preferences';
import { useStoredValue } from './use-stored-value';

/** On/off choices that change what the extension does by itself or lets others do. */
export function PreferencesSection() {
  const [preferences, save] = useStoredValue(preferencesItem);
  if (!preferences) return null;
  const toggle = (name: keyof Preferences) => (checked: boolean) => void save((current) => ({ ...current, [name]: checked }));
  return (
    <section id="preferences" aria-labelledby="preferences-title">
      <h2 id="preferences-title">{i18n.t('ui.nav.preferences')}</h2>
      <label className="check">
        <input type="checkbox" checked={preferences.checkOnOpen} onChange={(event) => toggle('checkOnOpen')(event.target.checked)} />
        {i18n.t('ui.prefs.checkOnOpen')}
      </label>
      <label className="check">
        <input type="checkbox" checked={preferences.externalAccess} onChange={(event) => toggle('externalAccess')(event.target.checked)} />
        {i18n.t('ui.prefs.externalAccess')}
      </label>
      <p className="hint">{i18n.t('ui.prefs.externalAccessHint')}</p>
    </section>
  );
}
