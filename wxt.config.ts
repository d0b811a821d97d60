import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';
import { siteHostPatterns } from './src/modelscope/endpoints';

// Firefox: the access token the user pastes leaves the browser (to ModelScope, the service they asked to query), and
// Mozilla counts any data handled outside the add-on as transmitted: it is authenticationInfo, which needs consent;
// nothing else is sent (no telemetry, no browsing data). Firefox asks for that consent itself from 140 on desktop and
// 142 on Android, so those are the minimum versions (and MV3 host permissions granted at install, the reason for the
// old minimum of 128, come with them). The tests run on Debian's Firefox ESR 153.
const FIREFOX_SETTINGS = {
  gecko: {
    id: 'modelscope-quota@modelscope-quota.dev',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['authenticationInfo'] },
  },
  gecko_android: { strict_min_version: '142.0' },
};

// Only what the extension uses: storage for settings and results, alarms for the optional schedule and the daily
// reset, notifications for quota alerts, the ModelScope hosts for probes. Icons come from public/icon-*.png.
// The China site's hosts are granted at install; the international site's are optional, asked for when the user adds
// a key of that site and given back when the last one is removed, so a user of the China site never grants them.
export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/i18n/module'],
  imports: false,
  // Imports across folders go through these, never `../../src/`.
  alias: { '@src': 'src', '@test': 'test' },
  // ---- The bench's build only: `MSQ_BENCH_BUILD=1 wxt build` (run by `npm run bench`) writes .output/chrome-mv3-bench/
  // with the first-paint floor page of scripts/bench/paint-floor/ added (a static page and a script built on its own,
  // so the other files are those of the production build, byte for byte); `npm run build` and `npm run zip` never hold it.
  hooks: {
    'config:resolved': (wxt) => {
      if (process.env.MSQ_BENCH_BUILD === '1') wxt.config.outDir = `${wxt.config.outDir}-bench`;
    },
    'entrypoints:found': (_wxt, infos) => {
      if (process.env.MSQ_BENCH_BUILD !== '1') return;
      infos.push({ name: 'paint-floor', inputPath: fileURLToPath(new URL('scripts/bench/paint-floor/paint-floor.ts', import.meta.url)), type: 'unlisted-script' });
    },
    'build:publicAssets': (_wxt, files) => {
      if (process.env.MSQ_BENCH_BUILD !== '1') return;
      files.push({ absoluteSrc: fileURLToPath(new URL('scripts/bench/paint-floor/paint-floor.html', import.meta.url)), relativeDest: 'paint-floor.html' });
    },
  },
  // ---- end of the bench's build
  // The sources archive Mozilla's reviewers rebuild the Firefox zip from: what `npm ci && npm run build:firefox` reads,
  // and the README that says how. Tests, scripts and store images are not needed to build, so they stay out.
  zip: {
    includeSources: ['package.json', 'package-lock.json', 'tsconfig.json', 'wxt.config.ts', 'README.md', 'entrypoints/**', 'src/**', 'locales/**', 'public/**'],
  },
  vite: () => ({
    // zod must hear it is jitless before it builds a schema (see src/contract/zod-config.ts), in every bundle.
    resolve: { alias: [{ find: /^zod\/mini$/, replacement: fileURLToPath(new URL('src/contract/zod-config.ts', import.meta.url)) }] },
    build: { rolldownOptions: { output: { strictExecutionOrder: true } } },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: siteHostPatterns('cn'),
    optional_host_permissions: siteHostPatterns('ai'),
    // Other extensions may call the message contract; web pages may not.
    externally_connectable: browser === 'firefox' ? undefined : { ids: ['*'] },
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
  }),
});
