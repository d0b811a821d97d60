import { i18n } from '#i18n';
import { useEffect, useRef, useState } from 'react';
import { browser } from 'wxt/browser';
import { checkSettingsItem } from '@src/storage/check-settings';
import { activeList, favouriteListsItem } from '@src/storage/favourite-lists';
import { addKey, setActiveKey, type NewKey } from '@src/storage/keyring';
import { preferencesItem } from '@src/storage/preferences';
import { FirstRunGuide } from '@src/ui/FirstRunGuide';
import { errorMessage, timeAgo } from '@src/ui/format';
import { listDisplayName } from '@src/ui/list-name';
import { MagicubeBalance } from '@src/ui/MagicubeBalance';
import { ask } from '@src/ui/messaging';
import { orderRows, resultsAsText, type RowOrder } from '@src/ui/result-rows';
import { RepairNotice } from '@src/ui/RepairNotice';
import { PaceLine } from '@src/ui/PaceLine';
import { QuotaChart } from '@src/ui/QuotaChart';
import { ResetCountdown } from '@src/ui/ResetCountdown';
import { ResultsTable } from '@src/ui/ResultsTable';
import { useActiveKey } from '@src/ui/use-active-key';
import { useFreshCount } from '@src/ui/use-fresh-count';
import { useKeyHistory } from '@src/ui/use-key-history';
import { useLatestResults } from '@src/ui/use-latest-results';
import { useMagicube } from '@src/ui/use-magicube';
import { useNow } from '@src/ui/use-now';
import { useStoredValue } from '@src/ui/use-stored-value';

const openCatalogue = () => void browser.tabs.create({ url: browser.runtime.getURL('/options.html#lists') });

export function App() {
  const keyState = useActiveKey();
  const [lists, updateLists] = useStoredValue(favouriteListsItem);
  const [preferences] = useStoredValue(preferencesItem);
  const [checkSettings] = useStoredValue(checkSettingsItem);
  const secret = keyState?.secret;
  const results = useLatestResults(secret);
  const magicube = useMagicube(secret);
  const history = useKeyHistory(secret);
  const now = useNow();
  const [checking, setChecking] = useState<ReadonlySet<string>>(new Set());
  const [summary, setSummary] = useState<string | null>(null);
  const [order, setOrder] = useState<RowOrder>('list');
  const [copied, setCopied] = useState(false);
  const models = lists ? activeList(lists).models : [];
  const fresh = useFreshCount(secret, models, checkSettings?.cacheSeconds, results ?? {}, now);

  /** Checks `only` (one row, forced) or the whole active list (reusing fresh results). */
  const check = async (only?: string) => {
    const targets = only ? [only] : models;
    setChecking((current) => new Set([...current, ...targets]));
    setSummary(null);
    try {
      const reply = await ask(only ? { type: 'balance', models: [only], force: true } : { type: 'balance' });
      setSummary(reply.message);
    } catch (error) {
      setSummary(errorMessage(error));
    } finally {
      setChecking((current) => new Set([...current].filter((model) => !targets.includes(model))));
    }
  };

  // Opening the popup spends nothing, unless the user asked for a check on every open.
  const checkedOnOpen = useRef(false);
  useEffect(() => {
    if (checkedOnOpen.current || !preferences?.checkOnOpen || !secret || models.length === 0) return;
    checkedOnOpen.current = true;
    void check();
  }, [preferences?.checkOnOpen, secret, models.length]);

  if (keyState === undefined || lists === undefined || results === undefined) return null;

  const header = (
    <header>
      <h1>{i18n.t('extName')}</h1>
      <button type="button" className="link" onClick={() => void browser.runtime.openOptionsPage()}>
        {i18n.t('ui.openOptions')}
      </button>
    </header>
  );

  if (!secret) {
    const saveFirstKey = async (key: NewKey) => {
      const saved = await addKey(key);
      if (saved.ok) await setActiveKey(saved.value.id);
      return saved;
    };
    return (
      <main className="popup">
        {header}
        <FirstRunGuide onSave={saveFirstKey} />
      </main>
    );
  }

  const lastChecked = Object.values(results)
    .filter((item) => models.includes(item.model))
    .map((item) => item.checked_at)
    .sort()
    .at(-1);
  const calls = Math.max(0, models.length - fresh);
  const copy = async () => {
    await navigator.clipboard.writeText(resultsAsText(orderRows(models, results, order), results));
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };

  return (
    <main className="popup">
      {header}
      <RepairNotice />
      <div className="switchers">
        {keyState.keyring.keys.length > 1 && (
          <span>
            <label htmlFor="key-switcher">{i18n.t('ui.key')}</label>{' '}
            <select id="key-switcher" value={keyState.keyring.activeId ?? ''} onChange={(event) => void setActiveKey(event.target.value)}>
              {keyState.keyring.keys.map((key) => (
                <option key={key.id} value={key.id}>{key.label}</option>
              ))}
            </select>
          </span>
        )}
        {lists.lists.length > 1 && (
          <span>
            <label htmlFor="list-switcher">{i18n.t('ui.list')}</label>{' '}
            <select id="list-switcher" value={lists.activeId} onChange={(event) => {
                // Read now: the controlled select puts its old value back before the change applies.
                const activeId = event.target.value;
                void updateLists((current) => ({ ...current, activeId }));
              }}>
              {lists.lists.map((list) => (
                <option key={list.id} value={list.id}>{listDisplayName(list)}</option>
              ))}
            </select>
          </span>
        )}
      </div>
      <MagicubeBalance reply={magicube} />
      <div className="actions">
        <button type="button" className="primary" onClick={() => void check()} disabled={checking.size > 0 || models.length === 0}>
          {checking.size > 0 ? i18n.t('ui.checking') : i18n.t('ui.check')}
        </button>
        <span className="hint cost">
          {i18n.t('ui.cost', [i18n.t('ui.modelCount', models.length), i18n.t('ui.callCount', calls)])}
          {fresh > 0 && ` ${i18n.t('ui.costReused', fresh, [fresh])}`}
        </span>
      </div>
      <div className="toolbar">
        <span className="hint">{lastChecked ? i18n.t('ui.lastChecked', [timeAgo(lastChecked, now)]) : i18n.t('ui.neverChecked')}</span>
        <span>
          <label htmlFor="row-order">{i18n.t('ui.sort')}</label>{' '}
          <select id="row-order" value={order} onChange={(event) => setOrder(event.target.value as RowOrder)}>
            <option value="list">{i18n.t('ui.sortList')}</option>
            <option value="remaining">{i18n.t('ui.sortRemaining')}</option>
          </select>
        </span>
        <button type="button" className="small" onClick={() => void copy()}>
          {copied ? i18n.t('ui.copied') : i18n.t('ui.copy')}
        </button>
      </div>
      <ResultsTable
        models={orderRows(models, results, order)}
        results={results}
        checking={checking}
        now={now}
        onRecheck={(model) => void check(model)}
        onPickFromCatalogue={openCatalogue}
        details={(model) => (
          <>
            <QuotaChart model={model} points={history.models[model] ?? []} now={now} />
            <PaceLine points={history.models[model] ?? []} now={now} />
          </>
        )}
      />
      {models.length === 0 && <p className="hint">{i18n.t('ui.lists.empty')}</p>}
      <p role="status" className="summary">{summary}</p>
      <ResetCountdown now={now} />
    </main>
  );
}
