/// <reference types="chrome" />
// The floor of the popup's first paint (`npm run bench`): the same stored values, read with bare storage calls, and
// the same results painted as a plain table; no framework, no validation. Only the bench's build holds it
// (wxt.config.ts), as paint-floor.html and this script.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

interface StoredKey {
  id: string;
  secret?: string;
}
interface StoredResult {
  model_request_remaining: number | null;
  model_request_limit: number | null;
  request_remaining: number | null;
  request_limit: number | null;
  checked_at: string;
}
interface Stored {
  keyring?: { keys: StoredKey[]; activeId: string | null };
  favouriteLists?: { lists: Array<{ id: string; models: string[] }>; activeId: string };
  latestResults?: Record<string, Record<string, StoredResult>>;
}

/** The popup's key fingerprint: the first 8 bytes of SHA-256, in hex. */
async function fingerprint(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return [...new Uint8Array(digest).slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function cell(row: HTMLTableRowElement, text: string): void {
  row.insertCell().textContent = text;
}

const count = (remaining: number | null, limit: number | null) => `${remaining ?? '—'} / ${limit ?? '—'}`;

async function paint(): Promise<void> {
  const [local, session] = await Promise.all([
    chrome.storage.local.get(['keyring', 'favouriteLists', 'latestResults']) as Promise<Stored>,
    chrome.storage.session.get('keySecrets') as Promise<{ keySecrets?: Record<string, string> }>,
  ]);
  const active = local.keyring?.keys.find((key) => key.id === local.keyring?.activeId);
  const secret = active?.secret ?? (active ? session.keySecrets?.[active.id] : undefined);
  if (!secret) return;
  const results = local.latestResults?.[await fingerprint(secret)] ?? {};
  const list = local.favouriteLists?.lists.find((candidate) => candidate.id === local.favouriteLists?.activeId);
  const table = document.createElement('table');
  for (const model of list?.models ?? []) {
    const result = results[model];
    const row = table.insertRow();
    cell(row, model);
    cell(row, result ? count(result.model_request_remaining, result.model_request_limit) : '—');
    cell(row, result ? count(result.request_remaining, result.request_limit) : '—');
    cell(row, result ? new Date(result.checked_at).toLocaleTimeString() : '—');
  }
  document.getElementById('root')?.append(table);
}

export default defineUnlistedScript(() => void paint());
