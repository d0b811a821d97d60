import { z } from 'zod';
import { ApiKeySchema } from '@src/contract';
import { defineValidatedItem } from './validated-item';

export const MAX_KEYS = 20;

export const SavedKeySchema = z
  .object({
    id: z.string().min(1).max(64),
    label: z.string().trim().min(1, 'a key needs a label').max(40, 'a key label is at most 40 characters'),
    /** Kept across browser restarts in storage.local, or only for this browser session in storage.session. */
    remember: z.boolean(),
    /** Only a remembered key's secret is here; a session-only key's lives in `sessionSecretsItem`. */
    secret: ApiKeySchema.optional(),
  })
  .refine((key) => key.remember === (key.secret !== undefined), 'a remembered key keeps its secret here, and only it');
export type SavedKey = z.infer<typeof SavedKeySchema>;

export const KeyringSchema = z
  .object({ keys: z.array(SavedKeySchema).max(MAX_KEYS), activeId: z.string().nullable() })
  .refine(({ keys, activeId }) => activeId === null || keys.some((key) => key.id === activeId), 'the active key must exist')
  .refine(({ keys }) => new Set(keys.map((key) => key.id)).size === keys.length, 'key ids must be unique');
export type Keyring = z.infer<typeof KeyringSchema>;

/** Labels and remembered secrets: storage.local only, never sync. */
export const keyringItem = defineValidatedItem('local:keyring', KeyringSchema, { keys: [], activeId: null });
/** Secrets of keys the user chose not to remember: gone when the browser closes. */
export const sessionSecretsItem = defineValidatedItem('session:keySecrets', z.record(z.string(), ApiKeySchema), {});

export interface NewKey {
  label: string;
  secret: string;
  remember: boolean;
}

function newKeyId(): string {
  return `key-${crypto.randomUUID().slice(0, 8)}`;
}

/** The secret of a saved key, or null when it was session-only and the browser has restarted since. */
export async function secretOf(key: SavedKey): Promise<string | null> {
  return key.secret ?? (await sessionSecretsItem.get())[key.id] ?? null;
}

export async function activeKey(): Promise<SavedKey | null> {
  const { keys, activeId } = await keyringItem.get();
  return keys.find((key) => key.id === activeId) ?? null;
}

export async function activeApiKey(): Promise<string | null> {
  const key = await activeKey();
  return key ? secretOf(key) : null;
}

/** Keeps a session-only key's secret in storage.session; a remembered key's lives in the keyring, so none is kept here. */
async function storeSecret(id: string, secret: string, remember: boolean): Promise<void> {
  const { [id]: _dropped, ...others } = await sessionSecretsItem.get();
  await sessionSecretsItem.set(remember ? others : { ...others, [id]: secret });
}

/** Adds a key; the first key saved becomes the active one. */
export async function addKey({ label, secret, remember }: NewKey): Promise<SavedKey> {
  const keyring = await keyringItem.get();
  const parsedSecret = ApiKeySchema.parse(secret);
  const id = newKeyId();
  const key = SavedKeySchema.parse({ id, label, remember, secret: remember ? parsedSecret : undefined });
  await keyringItem.set({ keys: [...keyring.keys, key], activeId: keyring.activeId ?? id });
  await storeSecret(id, parsedSecret, remember);
  return key;
}

/** Changes a key's label, secret or where it is kept. */
export async function updateKey(id: string, change: Partial<NewKey>): Promise<void> {
  const keyring = await keyringItem.get();
  const current = keyring.keys.find((key) => key.id === id);
  if (!current) throw new Error('that key no longer exists');
  const secret = change.secret ?? (await secretOf(current));
  if (secret === null) throw new Error('this key was kept for the last browser session only: paste it again');
  const parsedSecret = ApiKeySchema.parse(secret);
  const remember = change.remember ?? current.remember;
  const updated = SavedKeySchema.parse({
    id,
    label: change.label ?? current.label,
    remember,
    secret: remember ? parsedSecret : undefined,
  });
  await keyringItem.set({ ...keyring, keys: keyring.keys.map((key) => (key.id === id ? updated : key)) });
  await storeSecret(id, parsedSecret, remember);
}

export async function removeKey(id: string): Promise<void> {
  const keyring = await keyringItem.get();
  const keys = keyring.keys.filter((key) => key.id !== id);
  const activeId = keyring.activeId === id ? (keys[0]?.id ?? null) : keyring.activeId;
  await keyringItem.set({ keys, activeId });
  const { [id]: _removed, ...others } = await sessionSecretsItem.get();
  await sessionSecretsItem.set(others);
}

export async function setActiveKey(id: string): Promise<void> {
  await keyringItem.set({ ...(await keyringItem.get()), activeId: id });
}
