import { i18n } from '#i18n';
import type { ReactNode } from 'react';
import { browser } from 'wxt/browser';
import { activeList, favouriteListsItem } from '@src/storage/favourite-lists';
import { AccountCard } from '@src/ui/AccountCard';
import { ActiveAccountProvider, useActiveAccount } from '@src/ui/active-account';
import { ActiveListResults } from '@src/ui/ActiveListResults';
import { FirstRunGuide } from '@src/ui/FirstRunGuide';
import { KeySwitcher } from '@src/ui/KeySwitcher';
import { ListSwitcher } from '@src/ui/ListSwitcher';
import { RepairNotice } from '@src/ui/RepairNotice';
import { SiteAccessBanner } from '@src/ui/SiteAccess';
import { useAccountView } from '@src/ui/use-account-view';
import { useCheck } from '@src/ui/use-check';
import { useNow } from '@src/ui/use-now';
import { useRefresh } from '@src/ui/use-refresh';
import { useStoredValue } from '@src/ui/use-stored-value';

/** The name, the key and list switchers (once there is a choice), and the way to Settings, in one line. */
function Header({ children }: { children?: ReactNode }) {
  return (
    <header>
      <h1>{i18n.t('extName')}</h1>
      <div className="switchers">{children}</div>
      <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {i18n.t('ui.openOptions')}
      </button>
    </header>
  );
}

/** The popup on the active account: its view, drawn from storage, and the free read asked for on open. */
function Popup() {
  const account = useActiveAccount();
  const [lists] = useStoredValue(favouriteListsItem);
  const now = useNow();
  const models = lists && activeList(lists).models;
  // Here rather than below the first-run guide, so a check on open happens once per popup, whatever the key does.
  const check = useCheck(account?.secret, models ?? []);
  const problem = useRefresh(account?.keyId, models);
  const view = useAccountView(account, models, now);
  if (account === undefined || lists === undefined) return null;
  if (!account.keyId) {
    return (
      <main className="popup">
        <Header />
        <FirstRunGuide />
      </main>
    );
  }
  if (view === undefined) return null;
  return (
    <main className="popup">
      <Header>
        <KeySwitcher keyring={account.keyring} />
        <ListSwitcher lists={lists} activeKeyId={account.keyring.activeId} />
      </Header>
      <RepairNotice />
      <SiteAccessBanner site={account.site} />
      <AccountCard credits={view.credits} problem={problem} site={account.site} />
      <ActiveListResults keyId={account.keyId} site={account.site} rows={view.rows} check={check} now={now} />
    </main>
  );
}

export function App() {
  return (
    <ActiveAccountProvider>
      <Popup />
    </ActiveAccountProvider>
  );
}
