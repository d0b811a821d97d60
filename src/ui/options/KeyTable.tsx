import { i18n } from '#i18n';
import { useState } from 'react';
import { MAX_KEY_LABEL_LENGTH, secretIn, type Keyring, type SavedKey } from '@src/storage/keyring';
import type { WriteResult } from '@src/storage/write-result';
import { SiteCell } from '../SiteAccess';
import { useDraft } from '../use-draft';
import { useWriteProblem } from '../use-write-problem';

type Write = Promise<WriteResult<unknown>>;

export interface KeyActions {
  onActivate: (id: string) => Write;
  onRename: (id: string, label: string) => Write;
  onRemember: (id: string, remember: boolean) => Write;
  onRemove: (id: string) => Write;
}

interface Props extends KeyActions {
  keyring: Keyring;
  /** Secrets of the session-only keys, by key id. */
  sessionSecrets: Readonly<Record<string, string>>;
}

/** Shows a key as its first and last characters; the full secret only on request. */
function maskedSecret(secret: string): string {
  return `${secret.slice(0, 3)}••••${secret.slice(-4)}`;
}

interface RowProps extends KeyActions {
  savedKey: SavedKey;
  secret: string | null;
  active: boolean;
}

function KeyRow({ savedKey, secret, active, onActivate, onRename, onRemember, onRemove }: RowProps) {
  const [revealed, setRevealed] = useState(false);
  // A rename from elsewhere (another page, an import) shows here too.
  const [label, setLabel] = useDraft(savedKey.label);
  const [problem, attempt] = useWriteProblem();
  return (
    <tr data-key-id={savedKey.id}>
      <td>
        <input
          type="radio"
          name="active-key"
          checked={active}
          onChange={() => void attempt(onActivate(savedKey.id))}
          aria-label={i18n.t('ui.keys.makeActive', [savedKey.label])}
        />
      </td>
      <th scope="row">
        <input
          value={label}
          maxLength={MAX_KEY_LABEL_LENGTH}
          aria-label={i18n.t('ui.keys.rename', [savedKey.label])}
          onChange={(event) => setLabel(event.target.value)}
          onBlur={() => label.trim() !== savedKey.label && void attempt(onRename(savedKey.id, label))}
        />
        {problem && <p role="alert" className="problem">{problem}</p>}
      </th>
      <td>
        <SiteCell site={savedKey.site} />
      </td>
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
            onChange={(event) => void attempt(onRemember(savedKey.id, event.target.checked))}
          />
          {savedKey.remember ? i18n.t('ui.keys.remembered') : i18n.t('ui.sessionOnly')}
        </label>
      </td>
      <td>
        <button type="button" className="small danger" onClick={() => void attempt(onRemove(savedKey.id))}>
          {i18n.t('ui.keys.remove', [savedKey.label])}
        </button>
      </td>
    </tr>
  );
}

/** Every saved key: label, masked secret, where it is kept, which one is active. */
export function KeyTable({ keyring, sessionSecrets, ...actions }: Props) {
  if (keyring.keys.length === 0) return <p className="hint">{i18n.t('ui.keys.empty')}</p>;
  return (
    <table className="keys">
      <thead>
        <tr>
          <th scope="col">{i18n.t('ui.keys.active')}</th>
          <th scope="col">{i18n.t('ui.keys.label')}</th>
          <th scope="col">{i18n.t('ui.keys.site')}</th>
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
            secret={secretIn(savedKey, sessionSecrets)}
            active={savedKey.id === keyring.activeId}
            {...actions}
          />
        ))}
      </tbody>
    </table>
  );
}
