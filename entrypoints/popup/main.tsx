import { i18n } from '#i18n';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import '@src/ui/styles.css';
import { forgetFirstRenderSeeds, readBeforeFirstRender } from '@src/ui/first-paint';
import { App } from './App';

/** However storage behaves, the popup renders by then (its hooks then read for themselves and say what went wrong). */
const FIRST_RENDER_WAITS_AT_MOST_MS = 300;

// The HTML title is the manifest's localized placeholder; the page itself shows the real name.
document.title = i18n.t('extName');
const root = document.getElementById('root');
if (root) {
  const waited = new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAITS_AT_MOST_MS));
  void Promise.race([readBeforeFirstRender(), waited])
    .catch(() => undefined)
    .then(() => {
      // At once rather than on React's next task: the stored figures are at hand.
      flushSync(() => createRoot(root).render(<App />));
      forgetFirstRenderSeeds();
    });
}
