import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { clockTime } from '@src/lib/clock-time';
import { dateTimeFormat, numberFormat, relativeTimeFormat } from '@src/lib/intl-formats';

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
  const format = relativeTimeFormat(uiLanguage(), { numeric: 'auto', style: 'short' });
  const elapsed = Math.max(0, now - Date.parse(iso));
  for (const [unit, size] of UNITS) {
    if (elapsed >= size) return format.format(-Math.floor(elapsed / size), unit);
  }
  return format.format(0, 'second');
}

/** How old a figure is, to the second under a minute ("20 sec. ago" / "20秒前"): the free figures refresh that often. */
export function ageText(at: number, now: number): string {
  const elapsed = Math.max(0, now - at);
  if (elapsed >= 60_000) return timeAgo(new Date(at).toISOString(), now);
  const seconds = Math.floor(elapsed / 1000);
  return relativeTimeFormat(uiLanguage(), { numeric: 'auto', style: 'short' }).format(-seconds, 'second');
}

/** A number of credits in the UI language's digits, to the hundredth: "1,234.5" / "1,234.5". */
export function formatCredits(credits: number): string {
  return numberFormat(uiLanguage(), { maximumFractionDigits: 2 }).format(credits);
}

/** A whole count in the UI language's digits. */
export function formatCount(count: number): string {
  return numberFormat(uiLanguage(), { maximumFractionDigits: 0 }).format(count);
}

/** "123.5 credits" / "123.5 魔粒": an amount of credits is never shown without its unit. */
export function creditsText(credits: number): string {
  return i18n.t('ui.credits.amount', credits, [formatCredits(credits)]);
}

/** "247 calls" / "247 次调用": a count of calls is never shown without its unit. */
export function callsText(calls: number): string {
  return i18n.t('ui.credits.calls', calls, [formatCount(calls)]);
}

function isTomorrow(at: number, now: number): boolean {
  const tomorrow = new Date(now);
  tomorrow.setDate(tomorrow.getDate() + 1);
  return new Date(at).toDateString() === tomorrow.toDateString();
}

/** "09:14", "09:14 tomorrow" / "明天 09:14", or with the date further off, in the reader's time zone. */
export function clockText(at: number, now: number): string {
  const locale = uiLanguage();
  if (isTomorrow(at, now)) return i18n.t('ui.time.tomorrow', [clockTime(at, at, { locale })]);
  return clockTime(at, now, { locale });
}

/** A calendar day in the reader's language: "5 Oct 2026" / "2026年10月5日". */
export function dateText(at: number): string {
  return dateTimeFormat(uiLanguage(), { year: 'numeric', month: 'short', day: 'numeric' }).format(at);
}

/** A day this year, in the reader's language: "6 Dec" / "12月6日". */
export function shortDateText(at: number): string {
  return dateTimeFormat(uiLanguage(), { month: 'short', day: 'numeric' }).format(at);
}

/** What a caught error says, for a message on the page. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
