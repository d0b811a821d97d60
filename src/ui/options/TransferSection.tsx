import { i18n } from '#i18n';
import { useState, type ChangeEvent } from 'react';
import {
  applyImport,
  describeImport,
  exportSettings,
  parseSettingsFile,
  resetSettings,
  type ImportChanges,
  type SettingsFile,
} from '@src/storage/transfer';

function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
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

/** Export to a JSON file (keys only when ticked), import with a preview before anything changes, reset. */
export function TransferSection() {
  const [includeKeys, setIncludeKeys] = useState(false);
  const [pending, setPending] = useState<{ file: SettingsFile; changes: ImportChanges } | null>(null);
  const [status, setStatus] = useState<{ text: string; problem: boolean } | null>(null);

  const exportFile = async () => {
    const filename = `modelscope-quota-settings-${new Date().toISOString().slice(0, 10)}.json`;
    download(await exportSettings({ includeKeys }), filename);
    setStatus({ text: i18n.t('ui.transfer.exported', [filename]), problem: false });
  };

  const pickFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0];
    event.target.value = '';
    if (!chosen) return;
    const parsed = parseSettingsFile(await chosen.text());
    if (!parsed.ok) {
      setPending(null);
      setStatus({ text: i18n.t('ui.transfer.importBad', [parsed.problem]), problem: true });
      return;
    }
    setStatus(null);
    setPending({ file: parsed.file, changes: await describeImport(parsed.file) });
  };

  const apply = async () => {
    if (!pending) return;
    await applyImport(pending.file);
    setPending(null);
    setStatus({ text: i18n.t('ui.transfer.importDone'), problem: false });
  };

  const reset = async () => {
    if (!window.confirm(i18n.t('ui.transfer.resetConfirm'))) return;
    await resetSettings();
    setStatus({ text: i18n.t('ui.transfer.resetDone'), problem: false });
  };

  return (
    <section id="transfer" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{i18n.t('ui.nav.transfer')}</h2>
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
    </section>
  );
}
