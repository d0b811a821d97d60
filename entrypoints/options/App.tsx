import { i18n } from '#i18n';
import { CheckSettingsSection } from '@src/ui/options/CheckSettingsSection';
import { HistorySection } from '@src/ui/options/HistorySection';
import { KeysSection } from '@src/ui/options/KeysSection';
import { ListsSection } from '@src/ui/options/ListsSection';
import { PreferencesSection } from '@src/ui/options/PreferencesSection';
import { PricesSection } from '@src/ui/options/PricesSection';
import { ScheduleSection } from '@src/ui/options/ScheduleSection';
import { TransferSection } from '@src/ui/options/TransferSection';
import { ActiveAccountProvider } from '@src/ui/active-account';
import { ListedOffersProvider } from '@src/ui/listed-offers';
import { RepairNotice } from '@src/ui/RepairNotice';

const SECTIONS = [
  ['keys', 'ui.nav.keys'],
  ['lists', 'ui.nav.lists'],
  ['checks', 'ui.nav.checks'],
  ['prices', 'ui.nav.prices'],
  ['schedule', 'ui.nav.schedule'],
  ['history', 'ui.nav.history'],
  ['preferences', 'ui.nav.preferences'],
  ['transfer', 'ui.nav.transfer'],
] as const;

/**
 * Each section loads the stored values it needs and writes its own changes; the active account, and the offers of the
 * listed models, are worked out once for the page.
 */
export function App() {
  return (
    <ActiveAccountProvider>
      <main className="options">
        <h1>{i18n.t('ui.settingsTitle')}</h1>
        <nav aria-label={i18n.t('ui.settingsTitle')}>
          {SECTIONS.map(([id, label]) => (
            <a key={id} href={`#${id}`}>{i18n.t(label)}</a>
          ))}
        </nav>
        <RepairNotice />
        <KeysSection />
        <ListedOffersProvider>
          <ListsSection />
          <CheckSettingsSection />
          <PricesSection />
        </ListedOffersProvider>
        <ScheduleSection />
        <HistorySection />
        <PreferencesSection />
        <TransferSection />
      </main>
    </ActiveAccountProvider>
  );
}
