import { z } from 'zod/mini';
import { ApiKeySchema, DEFAULT_SITE, SiteSchema, type Site } from '@src/contract';
import { STORAGE_KEYS } from './keys';
import { defineValidatedItem, updateTogether } from './validated-item';
import { decline, type WriteResult } from './write-result';

export const MAX_KEYS = 20;
export const MAX_KEY_LABEL_LENGTH = 40;

export const SavedKeySchema = z
  .object({
    id: z.string().check(z.minLength(1), z.maxLength(64)),
    label: z.string().check(z.trim(), z.minLength(1, 'keyLabelBlank'), z.maxLength(MAX_KEY_LABEL_LENGTH, 'keyLabelTooLong')),
    /**
     * The ModelScope site the key was made on: its calls, credits and prices are that site's alone. A key stored
     * without one predates sites, so it is a China-site key (version 4 writes that down; this keeps it if not yet).
     */
    site: z._default(SiteSchema, DEFAULT_SITE),
    /** Kept across browser restarts in storage.local, or only for this browser session in storage.session. */
    remember: z.boolean(),
    /** The favourite list the key was last used with, chosen again when the key is (a key of one site, a list of its models). */
    listId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    /** Only a remembered key's secret is here; a session-only key's lives in `sessionSecretsItem`. */
    secret: z.optional(ApiKeySchema),
  })
  .check(z.refine((key) => key.remember === (key.secret !== undefined), 'rememberedSecretOnly'));
export type SavedKey = z.infer<typeof SavedKeySchema>;

export const KeyringSchema = z
  .object({ keys: z.array(SavedKeySchema).check(z.maxLength(MAX_KEYS, 'tooManyKeys')), activeId: z.nullable(z.string()) })
  .check(
    z.refine(({ keys, activeId }) => activeId === null || keys.some((key) => key.id === activeId), 'activeKeyMissing'),
    z.refine(({ keys }) => new Set(keys.map((key) => key.id)).size === keys.length, 'keyIdsRepeat'),
  );
export type Keyring = z.infer<typeof KeyringSchema>;

/** Labels and remembered secrets: storage.local only, never sync. */
export const keyringItem = defineValidatedItem(STORAGE_KEYS.keyring, KeyringSchema, { keys: [], activeId: null });
/** Secrets of keys the user chose not to remember: gone when the browser closes. */
export const sessionSecretsItem = defineValidatedItem(STORAGE_KEYS.sessionSecrets, z.record(z.string(), ApiKeySchema), {});

/** A key and its session secret change together, in one write. */
const KEY_STORE = { keyring: keyringItem, secrets: sessionSecretsItem };
type SessionSecrets = Record<string, string>;

export interface NewKey {
  label: string;
  secret: string;
  remember: boolean;
  site: Site;
}

function newKeyId(): string {
  return `key-${crypto.randomUUID().slice(0, 8)}`;
}

/** A key's secret: in the keyring when remembered, else in this session's secrets (null once the browser forgot it). */
export function secretIn(key: SavedKey, sessionSecrets: Record<string, string>): string | null {
  return key.secret ?? sessionSecrets[key.id] ?? null;
}

export function activeKeyIn({ keys, activeId }: Keyring): SavedKey | null {
  return keys.find((key) => key.id === activeId) ?? null;
}

export async function secretOf(key: SavedKey): Promise<string | null> {
  return secretIn(key, await sessionSecretsItem.get());
}

export async function activeApiKey(): Promise<string | null> {
  const key = activeKeyIn(await keyringItem.get());
  return key ? secretOf(key) : null;
}

/** A remembered key keeps its secret in the keyring; a session-only key's is in storage.session, and only there. */
function placed(id: string, { label, secret, remember, site }: NewKey, secrets: SessionSecrets) {
  const { [id]: _dropped, ...others } = secrets;
  return {
    key: { id, label, site, remember, secret: remember ? secret : undefined },
    secrets: remember ? others : { ...others, [id]: secret },
  };
}

/** Adds a key; the first key saved becomes the active one. */
export async function addKey(key: NewKey): Promise<WriteResult<SavedKey>> {
  const id = newKeyId();
  const result = await updateTogether(KEY_STORE, ({ keyring, secrets }) => {
    const next = placed(id, key, secrets);
    return { keyring: { keys: [...keyring.keys, next.key], activeId: keyring.activeId ?? id }, secrets: next.secrets };
  });
  if (!result.ok) return result;
  return { ok: true, value: result.value.keyring.keys.find((key) => key.id === id)! };
}

/** Changes a key's label, secret or where it is kept; its site stays what it was made on. */
export async function updateKey(id: string, change: Partial<Omit<NewKey, 'site'>>): Promise<WriteResult<Keyring>> {
  const result = await updateTogether(KEY_STORE, ({ keyring, secrets }) => {
    const current = keyring.keys.find((key) => key.id === id);
    if (!current) return decline('keyGone');
    const secret = change.secret ?? current.secret ?? secrets[id];
    if (secret === undefined) return decline('sessionSecretGone');
    const next = placed(id, { label: change.label ?? current.label, secret, remember: change.remember ?? current.remember, site: current.site }, secrets);
    const changed = current.listId === undefined ? next.key : { ...next.key, listId: current.listId };
    return { keyring: { ...keyring, keys: keyring.keys.map((key) => (key.id === id ? changed : key)) }, secrets: next.secrets };
  });
  return result.ok ? { ok: true, value: result.value.keyring } : result;
}

export async function removeKey(id: string): Promise<WriteResult<Keyring>> {
  const result = await updateTogether(KEY_STORE, ({ keyring, secrets }) => {
    const keys = keyring.keys.filter((key) => key.id !== id);
    const activeId = keyring.activeId === id ? (keys[0]?.id ?? null) : keyring.activeId;
    const { [id]: _removed, ...others } = secrets;
    return { keyring: { keys, activeId }, secrets: others };
  });
  return result.ok ? { ok: true, value: result.value.keyring } : result;
}

export function setActiveKey(id: string): Promise<WriteResult<Keyring>> {
  return keyringItem.update((keyring) => ({ ...keyring, activeId: id }));
}
