import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { DEFAULT_SITE } from '@src/contract';
import { activeList, favouriteListsItem } from '@src/storage/favourite-lists';
import { AccountCard } from '@src/ui/AccountCard';
import { ActiveListResults } from '@src/ui/ActiveListResults';
import { FirstRunGuide } from '@src/ui/FirstRunGuide';
import { KeySwitcher } from '@src/ui/KeySwitcher';
import { ListSwitcher } from '@src/ui/ListSwitcher';
import { RepairNotice } from '@src/ui/RepairNotice';
import { SiteAccessBanner } from '@src/ui/SiteAccess';
import { useActiveKey } from '@src/ui/use-active-key';
import { useCheck } from '@src/ui/use-check';
import { useCredits } from '@src/ui/use-credits';
import { useLatestResults } from '@src/ui/use-latest-results';
import { useModelPrices } from '@src/ui/use-model-prices';
import { useStoredValue } from '@src/ui/use-stored-value';

function Header() {
  return (
    <header>
      <h1>{i18n.t('extName')}</h1>
      <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {i18n.t('ui.openOptions')}
      </button>
    </header>
  );
}

export function App() {
  const keyState = useActiveKey();
  const [lists] = useStoredValue(favouriteListsItem);
  const secret = keyState?.secret;
  const site = keyState?.site ?? DEFAULT_SITE;
  const results = useLatestResults(secret, site);
  const models = lists ? activeList(lists).models : [];
  // Here rather than below the first-run guide, so a check on open happens once per popup, whatever the key does.
  const check = useCheck(secret, models);
  const credits = useCredits(secret, site, check.checksDone);
  const prices = useModelPrices(site);

  if (keyState === undefined || lists === undefined || results === undefined || prices === undefined) return null;
  if (!secret) {
    return (
      <main className="popup">
        <Header />
        <FirstRunGuide />
      </main>
    );
  }
  return (
    <main className="popup">
      <Header />
      <RepairNotice />
      <SiteAccessBanner site={site} />
      <div className="switchers">
        <KeySwitcher keyring={keyState.keyring} />
        <ListSwitcher lists={lists} activeKeyId={keyState.keyring.activeId} />
      </div>
      <AccountCard view={credits} site={site} />
      <ActiveListResults secret={secret} site={site} models={models} results={results} credits={credits} prices={prices} check={check} />
    </main>
  );
}
