import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { POPUP_FIRST_READ_KEYS, startFirstReads } from '@src/storage/first-reads';

// A classic script in the popup's <head>: it asks for the stored values while the page's module bundle still loads.
export default defineUnlistedScript(() => startFirstReads(POPUP_FIRST_READ_KEYS));
