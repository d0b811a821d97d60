import { browser } from 'wxt/browser';

/** The browser's UI language, which the extension's strings follow too. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage() || 'en';
}

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "3 min. ago" / "3分钟前", from an ISO time; anything under a minute is "now". */
export function timeAgo(iso: string, now = Date.now()): string {
  const format = new Intl.RelativeTimeFormat(uiLanguage(), { numeric: 'auto', style: 'short' });
  const elapsed = Math.max(0, now - Date.parse(iso));
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  }
  return format.format(0, 'second');
}

/** What a caught error says, for a message on the page. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
