import { i18n } from '#i18n';
import { useState, type ChangeEvent } from 'react';
import type { ImportChanges, SettingsFile, SettingsFileProblem } from '@src/storage/transfer';
import type { WriteResult } from '@src/storage/write-result';
import { errorMessage } from '../format';
import { writeProblemReason } from '../problem-text';
import { settingsFileProblemText } from './settings-file-problem-text';

/** A settings file read: what applying it would change, or why it cannot be imported. */
export type ImportRead = { ok: true; file: SettingsFile; changes: ImportChanges } | { ok: false; problem: SettingsFileProblem };

interface Props {
  /** Downloads the settings and says the file's name. */
  onExport: (includeKeys: boolean) => Promise<string>;
  onRead: (text: string) => Promise<ImportRead>;
  onApply: (file: SettingsFile) => Promise<WriteResult<unknown>>;
  onReset: () => Promise<WriteResult<unknown>>;
}

function ChangeList({ changes }: { changes: ImportChanges }) {
  const lines = [
    changes.lists && i18n.t('ui.transfer.change.lists', [changes.lists.join(', ')]),
    changes.checkSettings && i18n.t('ui.transfer.change.checkSettings'),
    changes.preferences && i18n.t('ui.transfer.change.preferences'),
    changes.schedule && i18n.t('ui.transfer.change.schedule'),
    changes.alerts && i18n.t('ui.transfer.change.alerts'),
    changes.keys && i18n.t('ui.transfer.change.keys', [changes.keys.join(', ')]),
  ].filter((line): line is string => Boolean(line));
  if (lines.length === 0) return <p>{i18n.t('ui.transfer.noChanges')}</p>;
  return (
    <>
      <p>{i18n.t('ui.transfer.importPreview')}</p>
      <ul>{lines.map((line) => <li key={line}>{line}</li>)}</ul>
    </>
  );
}

/** Export (keys only when ticked), import with a preview before anything changes, reset after a confirmation. */
export function TransferForm({ onExport, onRead, onApply, onReset }: Props) {
  const [includeKeys, setIncludeKeys] = useState(false);
  const [pending, setPending] = useState<{ file: SettingsFile; changes: ImportChanges } | null>(null);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);
  const say = (text: string, problem = false) => setStatus({ text, problem });

  const exportFile = async () => say(i18n.t('ui.transfer.exported', [await onExport(includeKeys)]));

  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    setPending(null);
    let text: string;
    try {
      text = await chosen.text();
    } catch (error) {
      // The browser could not read the file (moved, unreadable): only its own text says why.
      return say(i18n.t('ui.transfer.readFailed', [errorMessage(error)]), true);
    }
    const read = await onRead(text);
    if (!read.ok) return say(i18n.t('ui.transfer.importBad', [settingsFileProblemText(read.problem)]), true);
    setStatus(null);
    setPending({ file: read.file, changes: read.changes });
  };

  const apply = async () => {
    if (!pending) return;
    const applied = await onApply(pending.file);
    setPending(null);
    if (applied.ok) say(i18n.t('ui.transfer.importDone'));
    else say(i18n.t('ui.transfer.importFailed', [writeProblemReason(applied.problem)]), true);
  };

  const reset = async () => {
    if (!window.confirm(i18n.t('ui.transfer.resetConfirm'))) return;
    const done = await onReset();
    if (done.ok) say(i18n.t('ui.transfer.resetDone'));
    else say(i18n.t('ui.transfer.resetFailed', [writeProblemReason(done.problem)]), true);
  };

  return (
    <>
      <div className="row">
        <button type="button" className="primary" onClick={() => void exportFile()}>{i18n.t('ui.transfer.export')}</button>
        <label className="check">
          <input type="checkbox" checked={includeKeys} onChange={(event) => setIncludeKeys(event.target.checked)} />
          {i18n.t('ui.transfer.includeKeys')}
        </label>
      </div>
      <div className="row">
        <label className="file-button">
          {i18n.t('ui.transfer.import')}
          <input type="file" accept="application/json,.json" onChange={(event) => void pickFile(event)} />
        </label>
      </div>
      {pending && (
        <div className="import-preview" role="region" aria-label={i18n.t('ui.transfer.importPreview')}>
          <ChangeList changes={pending.changes} />
          <div className="row">
            <button type="button" className="primary" onClick={() => void apply()}>{i18n.t('ui.transfer.importApply')}</button>
            <button type="button" className="small" onClick={() => setPending(null)}>{i18n.t('ui.transfer.importCancel')}</button>
          </div>
        </div>
      )}
      <div className="row">
        <button type="button" className="small danger" onClick={() => void reset()}>{i18n.t('ui.transfer.reset')}</button>
      </div>
      {status && <p role={status.problem ? 'alert' : 'status'} className={status.problem ? 'problem' : undefined}>{status.text}</p>}
    </>
  );
}
