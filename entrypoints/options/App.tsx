import { i18n } from '#i18n';
import { checkSettingsItem } from '../../src/settings/check-settings';
import { CheckSettingsForm } from '../../src/ui/CheckSettingsForm';
import { KeysSection } from '../../src/ui/KeysSection';
import { ListsSection } from '../../src/ui/ListsSection';
import { PreferencesSection } from '../../src/ui/PreferencesSection';
import { RepairNotice } from '../../src/ui/RepairNotice';
import { TransferSection } from '../../src/ui/TransferSection';
import { useStoredValue } from '../../src/ui/use-stored-value';

const SECTIONS = [
  ['keys', 'ui.nav.keys'],
  ['lists', 'ui.nav.lists'],
  ['checks', 'ui.nav.checks'],
  ['preferences', 'ui.nav.preferences'],
  ['transfer', 'ui.nav.transfer'],
] as const;

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
      <section id="checks">{settings && <CheckSettingsForm value={settings} onSave={saveSettings} />}</section>
      <PreferencesSection />
      <TransferSection />
    </main>
  );
}
