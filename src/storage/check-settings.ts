import { CheckSettingsSchema, DEFAULT_CHECK_SETTINGS } from './check-settings-schema';
import { STORAGE_KEYS } from './keys';
import { defineValidatedItem } from './validated-item';

export * from './check-settings-schema';

export const checkSettingsItem = defineValidatedItem(STORAGE_KEYS.checkSettings, CheckSettingsSchema, DEFAULT_CHECK_SETTINGS);
