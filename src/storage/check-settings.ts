import { CheckSettingsSchema, DEFAULT_CHECK_SETTINGS } from './check-settings-schema';
import { defineValidatedItem } from './validated-item';

export * from './check-settings-schema';

export const checkSettingsItem = defineValidatedItem('local:checkSettings', CheckSettingsSchema, DEFAULT_CHECK_SETTINGS);
