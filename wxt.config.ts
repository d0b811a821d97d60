import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

// Only what the extension uses: storage for settings and results, alarms for the optional schedule and the daily
// reset, notifications for quota alerts, the ModelScope hosts for probes. Icons come from public/icon-*.png.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  imports: false,
  // Imports across folders go through these, never `../../src/`.
  alias: { '@src': 'src', '@test': 'test' },
  vite: () => ({
    // zod must hear it is jitless before it builds a schema (see src/contract/zod-config.ts), in every bundle.
    resolve: { alias: [{ find: /^zod$/, replacement: fileURLToPath(new URL('src/contract/zod-config.ts', import.meta.url)) }] },
    build: { rolldownOptions: { output: { strictExecutionOrder: true } } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['https://api-inference.modelscope.cn/*', 'https://modelscope.cn/*'],
    // Other extensions may call the message contract; web pages may not.
    externally_connectable: browser === 'firefox' ? undefined : { ids: ['*'] },
    // Firefox grants MV3 host permissions at install from 128 (the current ESR) on.
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'modelscope-quota@modelscope-quota.dev', strict_min_version: '128.0' } } }
      : {}),
  }),
});
