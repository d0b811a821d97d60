import { i18n } from '#i18n';
import { useState } from 'react';
import type { WriteResult } from '@src/storage/write-result';
import { addKey, MAX_KEY_LABEL_LENGTH, removeKey, sessionSecretsItem, setActiveKey, updateKey, type SavedKey } from '@src/storage/keyring';
import { KeyForm } from './KeyForm';
import { useActiveKey } from './use-active-key';
import { useStoredValue } from './use-stored-value';
import { writeProblemText } from './problem-text';

/** Shows a key as its first and last characters; the full secret only on request. */
function maskedSecret(secret: string): string {
  return `${secret.slice(0, 3)}••••${secret.slice(-4)}`;
}

function KeyRow({ savedKey, secret, active }: { savedKey: SavedKey; secret: string | null; active: boolean }) {
  const [revealed, setRevealed] = useState(false);
  const [label, setLabel] = useState(savedKey.label);
  const [problem, setProblem] = useState<string | null>(null);
  const attempt = async (change: () => Promise<WriteResult<unknown>>) => {
    const saved = await change();
    setProblem(saved.ok ? null : writeProblemText(saved.problem));
  };
  return (
    <tr data-key-id={savedKey.id}>
      <td>
        <input
          type="radio"
          name="active-key"
          checked={active}
          onChange={() => void setActiveKey(savedKey.id)}
          aria-label={i18n.t('ui.keys.makeActive', [savedKey.label])}
        />
      </td>
      <th scope="row">
        <input
          value={label}
          maxLength={MAX_KEY_LABEL_LENGTH}
          aria-label={i18n.t('ui.keys.rename', [savedKey.label])}
          onChange={(event) => setLabel(event.target.value)}
          onBlur={() => label.trim() !== savedKey.label && void attempt(() => updateKey(savedKey.id, { label }))}
        />
        {problem && <p role="alert" className="problem">{problem}</p>}
      </th>
      <td className="mono">
        {secret === null ? (
          <span className="problem">{i18n.t('ui.keys.forgotten')}</span>
        ) : (
          <>
            {revealed ? secret : maskedSecret(secret)}{' '}
            <button type="button" className="small" aria-pressed={revealed} onClick={() => setRevealed(!revealed)}>
              {revealed ? i18n.t('ui.hide') : i18n.t('ui.reveal')}
            </button>
          </>
        )}
      </td>
      <td>
        <label className="check">
          <input
            type="checkbox"
            checked={savedKey.remember}
            disabled={secret === null}
            onChange={(event) => void attempt(() => updateKey(savedKey.id, { remember: event.target.checked }))}
          />
          {savedKey.remember ? i18n.t('ui.keys.remembered') : i18n.t('ui.sessionOnly')}
        </label>
      </td>
      <td>
        <button type="button" className="small danger" onClick={() => void removeKey(savedKey.id)}>
          {i18n.t('ui.keys.remove', [savedKey.label])}
        </button>
      </td>
    </tr>
  );
}

/** Every saved key: label, masked secret, where it is kept, which one is active; and a form to add one. */
export function KeysSection() {
  const keyState = useActiveKey();
  const [sessionSecrets] = useStoredValue(sessionSecretsItem);
  if (!keyState || !sessionSecrets) return null;
  const { keyring } = keyState;
  return (
    <section id="keys" aria-labelledby="keys-title">
      <h2 id="keys-title">{i18n.t('ui.nav.keys')}</h2>
      {keyring.keys.length === 0 ? (
        <p className="hint">{i18n.t('ui.keys.empty')}</p>
      ) : (
        <table className="keys">
          <thead>
            <tr>
              <th scope="col">{i18n.t('ui.keys.active')}</th>
              <th scope="col">{i18n.t('ui.keys.label')}</th>
              <th scope="col">{i18n.t('ui.keys.secret')}</th>
              <th scope="col">{i18n.t('ui.keys.storage')}</th>
              <th scope="col"><span className="visually-hidden">{i18n.t('ui.col.actions')}</span></th>
            </tr>
          </thead>
          <tbody>
            {keyring.keys.map((savedKey) => (
              <KeyRow
                key={savedKey.id}
                savedKey={savedKey}
                secret={savedKey.secret ?? sessionSecrets[savedKey.id] ?? null}
                active={savedKey.id === keyring.activeId}
              />
            ))}
          </tbody>
        </table>
      )}
      <h3>{i18n.t('ui.keys.addTitle')}</h3>
      <KeyForm
        defaultLabel={i18n.t('ui.keys.defaultLabel', [keyring.keys.length + 1])}
        submitLabel={i18n.t('ui.keys.add')}
        onSubmit={addKey}
      />
    </section>
  );
}
