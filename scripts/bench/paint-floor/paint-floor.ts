/// <reference types="chrome" />
// The floor of the popup's first paint (`npm run bench`): the same stored values, read with bare storage calls, and the
// same answer painted as a plain table (the credits available, then each favourite's calls left: floor(available ÷
// price)); no framework, no validation. Only the bench's build holds it (wxt.config.ts), as paint-floor.html and this
// script.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';

interface StoredKey {
  id: string;
  site?: string;
  secret?: string;
}
interface StoredAccount {
  balance?: { value: { available_balance: number } | null };
  offers?: Record<string, { value: { served: boolean; price: number | null } | null }>;
}
interface Stored {
  keyring?: { keys: StoredKey[]; activeId: string | null };
  favouriteLists?: { lists: Array<{ id: string; models: string[] }>; activeId: string };
  accounts?: Record<string, StoredAccount>;
}

/** The popup's key fingerprint: the first 8 bytes of SHA-256 of the key (of the site and the key, off the China site), in hex. */
async function fingerprint(secret: string, site: string): Promise<string> {
  const named = site === 'cn' ? secret : `${site}\n${secret}`;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(named));
  return [...new Uint8Array(digest).slice(0, 8)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

function cell(row: HTMLTableRowElement, text: string): void {
  row.insertCell().textContent = text;
}

async function paint(): Promise<void> {
  const [local, session] = await Promise.all([
    chrome.storage.local.get(['keyring', 'favouriteLists', 'accounts']) as Promise<Stored>,
    chrome.storage.session.get('keySecrets') as Promise<{ keySecrets?: Record<string, string> }>,
  ]);
  const active = local.keyring?.keys.find((key) => key.id === local.keyring?.activeId);
  const secret = active?.secret ?? (active ? session.keySecrets?.[active.id] : undefined);
  if (!active || !secret) return;
  const account = local.accounts?.[await fingerprint(secret, active.site ?? 'cn')];
  const available = account?.balance?.value?.available_balance ?? null;
  const list = local.favouriteLists?.lists.find((candidate) => candidate.id === local.favouriteLists?.activeId);
  const summary = document.createElement('p');
  summary.textContent = available === null ? '—' : `${available.toLocaleString()} credits available`;
  const table = document.createElement('table');
  for (const model of list?.models ?? []) {
    const offer = account?.offers?.[model]?.value ?? null;
    const row = table.insertRow();
    row.dataset.model = model;
    const name = document.createElement('th');
    name.textContent = model;
    row.append(name);
    const price = offer?.served ? offer.price : null;
    cell(row, price === null || available === null ? '—' : `≈ ${Math.floor(available / price).toLocaleString()} calls`);
    cell(row, price === null ? '—' : `${price} credits`);
  }
  document.getElementById('root')?.append(summary, table);
}

export default defineUnlistedScript(() => void paint());
