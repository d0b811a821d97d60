import { i18n } from '#i18n';
import { preferencesItem } from '@src/storage/preferences';
import { useStoredValue } from '../use-stored-value';
import { PreferencesForm } from './PreferencesForm';

/** The preferences; each toggle changes its own field of what is stored when it lands. */
export function PreferencesSection() {
  const [preferences, update] = useStoredValue(preferencesItem);
  if (!preferences) return null;
  return (
    <section id="preferences" aria-labelledby="preferences-title">
      <h2 id="preferences-title">{i18n.t('ui.nav.preferences')}</h2>
      <PreferencesForm preferences={preferences} onToggle={(name, on) => update((current) => ({ ...current, [name]: on }))} />
    </section>
  );
}
