import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

export type Locale = 'en' | 'zh_CN';

/** fakeBrowser has no `i18n.getMessage`: serve the real locale files, built the way the extension build does. */
export async function serveLocale(locale: Locale): Promise<void> {
  const messages = generateChromeMessages(await parseMessagesFile(`locales/${locale}.yml`));
  const getMessage = (name: string, substitutions?: string | string[]) => {
    const subs = typeof substitutions === 'string' ? [substitutions] : (substitutions ?? []);
    const template = messages[name]?.message ?? '';
    return template.replace(/\$(\d)/g, (_, index: string) => subs[Number(index) - 1] ?? '');
  };
  Object.assign(fakeBrowser.i18n, { getMessage, getUILanguage: () => locale.replace('_', '-') });
}
