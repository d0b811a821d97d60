import { i18n } from '#i18n';
import { keyringItem } from '@src/storage/keyring';
import { applyImport, describeImport, exportSettings, parseSettingsFile, resetSettings, type SettingsFile } from '@src/storage/transfer';
import { releaseUnusedSiteAccess } from '../site-access';
import { TransferForm, type ImportRead } from './TransferForm';

function download(text: string, filename: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: filename });
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

async function exportFile(includeKeys: boolean): Promise<string> {
  const filename = `modelscope-quota-settings-${new Date().toISOString().slice(0, 10)}.json`;
  download(await exportSettings({ includeKeys }), filename);
  return filename;
}

/** Reads a file without changing anything, and compares it with what is stored. */
async function readFile(text: string): Promise<ImportRead> {
  const parsed = parseSettingsFile(text);
  return parsed.ok ? { ok: true, file: parsed.file, changes: await describeImport(parsed.file) } : parsed;
}

/**
 * Lands a file; keys it brings of a site whose hosts are not granted say so in the key list, with the button that asks
 * (the browser asks only on a click), and a site no key is left on gives its hosts back.
 */
async function importFile(file: SettingsFile) {
  const applied = await applyImport(file);
  if (applied.ok) await releaseUnusedSiteAccess(await keyringItem.get());
  return applied;
}

/** Export, import and reset of every setting, each landing in one storage write. */
export function TransferSection() {
  return (
    <section id="transfer" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{i18n.t('ui.nav.transfer')}</h2>
      <TransferForm onExport={exportFile} onRead={readFile} onApply={importFile} onReset={resetSettings} />
    </section>
  );
}
