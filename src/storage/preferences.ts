import { z } from 'zod/mini';
import { STORAGE_KEYS } from './keys';
import { defineValidatedItem } from './validated-item';

export const PreferencesSchema = z.object({
  /** Check the active list whenever the popup opens. Off by default: opening spends nothing. */
  checkOnOpen: z.boolean(),
  /** Whether other extensions may call the message contract at all. */
  externalAccess: z.boolean(),
});
export type Preferences = z.infer<typeof PreferencesSchema>;
export const DEFAULT_PREFERENCES: Preferences = { checkOnOpen: false, externalAccess: true };

export const preferencesItem = defineValidatedItem(STORAGE_KEYS.preferences, PreferencesSchema, DEFAULT_PREFERENCES);
