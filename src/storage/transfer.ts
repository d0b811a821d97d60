import { z } from 'zod/mini';
import { AlertSettingsSchema, alertSettingsItem, DEFAULT_ALERT_SETTINGS } from './alerts';
import { CheckSettingsSchema, checkSettingsItem, DEFAULT_CHECK_SETTINGS } from './check-settings';
import { DEFAULT_FAVOURITE_LISTS, favouriteListsItem, FavouriteListsSchema } from './favourite-lists';
import { keyringItem, KeyringSchema, secretOf, sessionSecretsItem } from './keyring';
import { STORAGE_KEYS } from './keys';
import { MIGRATION_STEPS, SETTINGS_VERSION } from './migrations';
import { DEFAULT_PREFERENCES, preferencesItem, PreferencesSchema } from './preferences';
import { DEFAULT_SCHEDULE, scheduleItem, ScheduleSchema } from './schedule';
import { updateTogether } from './validated-item';
import type { WriteResult } from './write-result';

const FORMAT = 'modelscope-quota-settings';

/** The exported file. Keys travel only when the user asked; then every key is written as remembered. */
export const SettingsFileSchema = z.object({
  format: z.literal(FORMAT, { error: 'notSettingsFile' }),
  version: z.literal(SETTINGS_VERSION, { error: 'unsupportedVersion' }),
  exported_at: z.iso.datetime(),
  favouriteLists: FavouriteListsSchema,
  checkSettings: CheckSettingsSchema,
  preferences: PreferencesSchema,
  schedule: ScheduleSchema,
  alertSettings: AlertSettingsSchema,
  keyring: z.optional(KeyringSchema),
});
export type SettingsFile = z.infer<typeof SettingsFileSchema>;

export async function exportSettings({ includeKeys }: { includeKeys: boolean }): Promise<string> {
  const file: SettingsFile = {
    format: FORMAT,
    version: SETTINGS_VERSION,
    exported_at: new Date().toISOString(),
    favouriteLists: await favouriteListsItem.get(),
    checkSettings: await checkSettingsItem.get(),
    preferences: await preferencesItem.get(),
    schedule: await scheduleItem.get(),
    alertSettings: await alertSettingsItem.get(),
  };
  if (includeKeys) {
    const keyring = await keyringItem.get();
    const keys = await Promise.all(
      keyring.keys.map(async (key) => ({ ...key, remember: true, secret: (await secretOf(key)) ?? undefined })),
    );
    // A session-only key forgotten since the browser restarted has no secret left to export.
    const exportable = keys.filter((key) => key.secret !== undefined);
    const activeId = exportable.some((key) => key.id === keyring.activeId) ? keyring.activeId : (exportable[0]?.id ?? null);
    file.keyring = { keys: exportable, activeId };
  }
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * Why a file cannot be imported, as a code with parameters (the page puts it into words): not JSON at all, or the
 * first field that is wrong, named by its path, with the schema's problem code (`notSettingsFile`,
 * `unsupportedVersion` with the version accepted, a stored value's own code such as `listNameBlank`) or, for a
 * schema that names none, the kind of problem: `tooBig` / `tooSmall` with the limit, `wrongType`, `invalidValue`.
 */
export type SettingsFileProblem =
  | { code: 'notJson' }
  | { code: 'invalidField'; path: string; issue: string; params: Record<string, number> };

export type ImportParse = { ok: true; file: SettingsFile } | { ok: false; problem: SettingsFileProblem };

/** Problem codes are what schemas here give as messages: camelCase words, never sentences. */
const PROBLEM_CODE = /^[a-z][A-Za-z]*$/;

function fieldProblem(issue: z.core.$ZodIssue): SettingsFileProblem {
  const path = issue.path.map(String).join('.');
  // Not even an object at the top: whatever it is, it is not one of our files.
  if (path === '') return { code: 'invalidField', path, issue: 'notSettingsFile', params: {} };
  if (issue.message === 'unsupportedVersion') return { code: 'invalidField', path, issue: issue.message, params: { version: SETTINGS_VERSION } };
  const params: Record<string, number> = {};
  if (issue.code === 'too_big') params.max = Number(issue.maximum);
  if (issue.code === 'too_small') params.min = Number(issue.minimum);
  if (PROBLEM_CODE.test(issue.message)) return { code: 'invalidField', path, issue: issue.message, params };
  const kind = issue.code === 'too_big' ? 'tooBig' : issue.code === 'too_small' ? 'tooSmall' : issue.code === 'invalid_type' ? 'wrongType' : 'invalidValue';
  return { code: 'invalidField', path, issue: kind, params };
}

/** Where each setting of a file is stored: a file's settings migrate as the stored ones do. */
const FILE_FIELDS = {
  favouriteLists: STORAGE_KEYS.favouriteLists,
  checkSettings: STORAGE_KEYS.checkSettings,
  preferences: STORAGE_KEYS.preferences,
  schedule: STORAGE_KEYS.schedule,
  alertSettings: STORAGE_KEYS.alertSettings,
  keyring: STORAGE_KEYS.keyring,
} as const;

/** Files exist from version 2 on (version 1 had no export). */
const OLDEST_FILE_VERSION = 2;

/** A file of an earlier version, brought to the current one by the same steps as stored settings; others as they are. */
function upgraded(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
  const file = raw as Record<string, unknown>;
  const version = file.version;
  if (typeof version !== 'number' || version < OLDEST_FILE_VERSION || version >= SETTINGS_VERSION) return raw;
  let stored: Record<string, unknown> = Object.fromEntries(Object.entries(FILE_FIELDS).map(([field, key]) => [key, file[field]]));
  for (const step of MIGRATION_STEPS.filter((candidate) => candidate.version > version)) stored = { ...stored, ...step.migrate(stored).set };
  const settings = Object.fromEntries(Object.entries(FILE_FIELDS).map(([field, key]) => [field, stored[key]]));
  return { ...file, ...settings, version: SETTINGS_VERSION };
}

/** Reads a settings file without changing anything; says what is wrong with a bad one. */
export function parseSettingsFile(text: string): ImportParse {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: { code: 'notJson' } };
  }
  const parsed = SettingsFileSchema.safeParse(upgraded(raw));
  if (parsed.success) return { ok: true, file: parsed.data };
  const [issue] = parsed.error.issues;
  return { ok: false, problem: issue ? fieldProblem(issue) : { code: 'invalidField', path: '', issue: 'notSettingsFile', params: {} } };
}

export interface ImportChanges {
  lists: string[] | null;
  checkSettings: boolean;
  preferences: boolean;
  schedule: boolean;
  alerts: boolean;
  keys: string[] | null;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What applying the file would change, for the user to confirm first. */
export async function describeImport(file: SettingsFile): Promise<ImportChanges> {
  const [lists, checks, preferences, schedule, alerts] = await Promise.all([
    favouriteListsItem.get(),
    checkSettingsItem.get(),
    preferencesItem.get(),
    scheduleItem.get(),
    alertSettingsItem.get(),
  ]);
  return {
    lists: same(lists, file.favouriteLists) ? null : file.favouriteLists.lists.map((list) => list.name),
    checkSettings: !same(checks, file.checkSettings),
    preferences: !same(preferences, file.preferences),
    schedule: !same(schedule, file.schedule),
    alerts: !same(alerts, file.alertSettings),
    keys: file.keyring ? file.keyring.keys.map((key) => key.label) : null,
  };
}

/** The settings a file carries besides keys, as the file names them; import and reset write them all at once. */
const SETTINGS_ITEMS = {
  favouriteLists: favouriteListsItem,
  checkSettings: checkSettingsItem,
  preferences: preferencesItem,
  schedule: scheduleItem,
  alertSettings: alertSettingsItem,
};

/** Lands whole: every setting in the file is written in one storage write. */
export async function applyImport(file: SettingsFile): Promise<WriteResult<unknown>> {
  const settings = { ...SETTINGS_ITEMS, keyring: keyringItem, sessionSecrets: sessionSecretsItem };
  return updateTogether(settings, () => ({
    favouriteLists: file.favouriteLists,
    checkSettings: file.checkSettings,
    preferences: file.preferences,
    schedule: file.schedule,
    alertSettings: file.alertSettings,
    // Imported keys are all remembered, so the session-only secrets they replace go with them.
    ...(file.keyring ? { keyring: file.keyring, sessionSecrets: {} } : {}),
  }));
}

/** Every setting back to its default, in one write. Keys are the user's secrets and history is their record: both stay. */
export async function resetSettings(): Promise<WriteResult<unknown>> {
  return updateTogether(SETTINGS_ITEMS, () => ({
    favouriteLists: DEFAULT_FAVOURITE_LISTS,
    checkSettings: DEFAULT_CHECK_SETTINGS,
    preferences: DEFAULT_PREFERENCES,
    schedule: DEFAULT_SCHEDULE,
    alertSettings: DEFAULT_ALERT_SETTINGS,
  }));
}
