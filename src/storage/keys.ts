/**
 * Every storage key the extension uses, named once. Items, migrations and tests take their keys from here, so a
 * renamed or retired key is changed in one place and two items can never share a key by accident.
 */
export const STORAGE_KEYS = {
  settingsVersion: 'local:settingsVersion',
  keyring: 'local:keyring',
  sessionSecrets: 'session:keySecrets',
  favouriteLists: 'local:favouriteLists',
  checkSettings: 'local:checkSettings',
  preferences: 'local:preferences',
  schedule: 'local:schedule',
  alertSettings: 'local:alertSettings',
  alertsShown: 'local:alertsShown',
  latestResults: 'local:latestResults',
  history: 'local:history',
  accounts: 'local:accounts',
  modelPrices: 'local:modelPrices',
  repairs: 'local:repairs',
} as const;

/** Keys of earlier versions, read or removed only by the migrations that retire them. */
export const LEGACY_KEYS = {
  apiKey: 'local:apiKey',
  favourites: 'local:favourites',
  // Version 5 keeps the account in one record (`accounts`): the balance and the rest of the free picture were apart.
  magicubeBalances: 'local:magicubeBalances',
  accountPictures: 'local:accountPictures',
} as const;

export type StorageKey = (typeof STORAGE_KEYS)[keyof typeof STORAGE_KEYS];

/** One fresh probe result per key fingerprint and model, in storage.session (the result cache). */
export const resultCacheKey = (keyId: string, model: string) => `session:result:${keyId}:${model}` as const;
