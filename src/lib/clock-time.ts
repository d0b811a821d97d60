import { dateTimeFormat } from './intl-formats';

export interface ClockOptions {
  locale: string;
  /** The reader's own time zone unless given (tests pin one). */
  timeZone?: string;
}

/** "14:05" for a moment on the same day as `now`, "5 Oct, 14:05" otherwise, in the reader's language. */
export function clockTime(at: number, now: number, { locale, timeZone }: ClockOptions): string {
  const dayOf = dateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
  const sameDay = dayOf.format(at) === dayOf.format(now);
  return dateTimeFormat(locale, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(sameDay ? {} : { month: 'short', day: 'numeric' }),
  }).format(at);
}
