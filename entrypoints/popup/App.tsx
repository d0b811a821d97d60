import { i18n } from '#i18n';
import { useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { activeList, favouriteListsItem, setActiveListModels } from '../../src/settings/favourite-lists';
import { saveActiveSecret } from '../../src/settings/keyring';
import { useActiveKey } from '../../src/ui/use-active-key';
import { ApiKeyField } from '../../src/ui/ApiKeyField';
import { ask } from '../../src/ui/messaging';
import { ModelListField } from '../../src/ui/ModelListField';
import { ResultsTable } from '../../src/ui/ResultsTable';
import { useLatestResults } from '../../src/ui/use-latest-results';
import { useStoredValue } from '../../src/ui/use-stored-value';

export function App() {
  const keyState = useActiveKey();
  const [lists] = useStoredValue(favouriteListsItem);
  const results = useLatestResults(keyState?.secret ?? undefined);
  const [checking, setChecking] = useState(false);
  const [summary, setSummary] = useState<string | null>(null);
  // A click on Check blurs a field whose save is still in flight; the check must see what was typed.
  const pendingSave = useRef<Promise<void>>(Promise.resolve());
  const track = <T,>(save: (value: T) => Promise<void>) => (value: T) => (pendingSave.current = save(value));

  if (keyState === undefined || lists === undefined) return null;
  const favourites = activeList(lists).models;

  const check = async () => {
    setChecking(true);
    setSummary(null);
    try {
      await pendingSave.current;
      const reply = await ask({ type: 'balance' });
      setSummary(reply.message);
    } catch (error) {
      setSummary(error instanceof Error ? error.message : String(error));
    } finally {
      setChecking(false);
    }
  };

  return (
    <main className="popup">
      <header>
        <h1>{i18n.t('extName')}</h1>
        <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('ui.openOptions')}
        </button>
      </header>
      <ApiKeyField value={keyState.secret ?? ''} onSave={track((secret: string) => saveActiveSecret(secret, 'Key 1'))} />
      <ModelListField value={favourites} onSave={track(setActiveListModels)} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void check()} disabled={checking}>
          {checking ? i18n.t('ui.checking') : i18n.t('ui.check')}
        </button>
        <span className="hint">{i18n.t('ui.checkCost', favourites.length, [favourites.length])}</span>
      </div>
      {summary && <p role="status">{summary}</p>}
      <ResultsTable models={favourites} results={results} />
    </main>
  );
}
