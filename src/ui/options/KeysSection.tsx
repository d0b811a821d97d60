import { i18n } from '#i18n';
import { switchToKey } from '@src/storage/key-lists';
import { keyringItem, removeKey, sessionSecretsItem, updateKey, type Keyring } from '@src/storage/keyring';
import type { WriteResult } from '@src/storage/write-result';
import { addKeyWithSiteList } from '../add-key';
import { KeyForm } from '../KeyForm';
import { releaseUnusedSiteAccess } from '../site-access';
import { useStoredValue } from '../use-stored-value';
import { KeyTable } from './KeyTable';

/** Removes a key; a site no key is left on gives its optional hosts back to the browser. */
async function removeKeyAndAccess(id: string): Promise<WriteResult<Keyring>> {
  const removed = await removeKey(id);
  if (removed.ok) await releaseUnusedSiteAccess(removed.value);
  return removed;
}

/** The saved keys and a form to add one; every change goes through the keyring's own writes. */
export function KeysSection() {
  const [keyring] = useStoredValue(keyringItem);
  const [sessionSecrets] = useStoredValue(sessionSecretsItem);
  if (!keyring || !sessionSecrets) return null;
  return (
    <section id="keys" aria-labelledby="keys-title">
      <h2 id="keys-title">{i18n.t('ui.nav.keys')}</h2>
      <KeyTable
        keyring={keyring}
        sessionSecrets={sessionSecrets}
        onActivate={switchToKey}
        onRename={(id, label) => updateKey(id, { label })}
        onRemember={(id, remember) => updateKey(id, { remember })}
        onRemove={removeKeyAndAccess}
      />
      <h3>{i18n.t('ui.keys.addTitle')}</h3>
      <KeyForm
        defaultLabel={i18n.t('ui.keys.defaultLabel', [keyring.keys.length + 1])}
        submitLabel={i18n.t('ui.keys.add')}
        onSubmit={(key) => addKeyWithSiteList(key, { activate: false })}
      />
    </section>
  );
}
