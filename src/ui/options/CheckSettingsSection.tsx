import { checkSettingsItem } from '@src/storage/check-settings';
import { useStoredValue } from '../use-stored-value';
import { CheckSettingsForm } from './CheckSettingsForm';

/** Concurrency, timeout and cache age: the form holds all three, so a save writes the whole item. */
export function CheckSettingsSection() {
  const [settings, update] = useStoredValue(checkSettingsItem);
  return <section id="checks">{settings && <CheckSettingsForm value={settings} onSave={(next) => update(() => next)} />}</section>;
}
