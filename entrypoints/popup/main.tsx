import { i18n } from '#i18n';
import { createRoot } from 'react-dom/client';
import '@src/ui/styles.css';
import { App } from './App';

// The HTML title is the manifest's localized placeholder; the page itself shows the real name.
document.title = i18n.t('extName');
const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
