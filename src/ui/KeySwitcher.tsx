import { i18n } from '#i18n';
import { websiteHost } from '@src/modelscope/endpoints';
import { switchToKey } from '@src/storage/key-lists';
import type { Keyring } from '@src/storage/keyring';
import { useWriteProblem } from './use-write-problem';

/** The popup's choice of active key, each with its site, shown once more than one is saved. */
export function KeySwitcher({ keyring }: { keyring: Keyring }) {
  const [problem, attempt] = useWriteProblem();
  if (keyring.keys.length < 2) return null;
  return (
    <span>
      <label htmlFor="key-switcher">{i18n.t('ui.key')}</label>{' '}
      <select id="key-switcher" value={keyring.activeId ?? ''} onChange={(event) => void attempt(switchToKey(event.target.value))}>
        {keyring.keys.map((key) => (
          <option key={key.id} value={key.id}>{i18n.t('ui.keyOnSite', [key.label, websiteHost(key.site)])}</option>
        ))}
      </select>
      {problem && <> <span role="alert" className="problem">{problem}</span></>}
    </span>
  );
}
