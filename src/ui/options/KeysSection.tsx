import { i18n } from '#i18n';
import { addKey, keyringItem, removeKey, sessionSecretsItem, setActiveKey, updateKey } from '@src/storage/keyring';
import { KeyForm } from '../KeyForm';
import { useStoredValue } from '../use-stored-value';
import { KeyTable } from './KeyTable';

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
        onActivate={setActiveKey}
        onRename={(id, label) => updateKey(id, { label })}
        onRemember={(id, remember) => updateKey(id, { remember })}
        onRemove={removeKey}
      />
      <h3>{i18n.t('ui.keys.addTitle')}</h3>
      <KeyForm
        defaultLabel={i18n.t('ui.keys.defaultLabel', [keyring.keys.length + 1])}
        submitLabel={i18n.t('ui.keys.add')}
        onSubmit={addKey}
      />
    </section>
  );
}
