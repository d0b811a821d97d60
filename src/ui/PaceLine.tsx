import { i18n } from '#i18n';
import { clockTime } from '@src/lib/clock-time';
import { paceToday } from '@src/quota/pace';
import { nextReset } from '@src/quota/reset-time';
import type { HistoryPoint } from '@src/quota/types';
import { uiLanguage } from './format';

interface Props {
  /** One model's checks from its history. */
  points: readonly HistoryPoint[];
  now: number;
}

/** "Used today: 120 of 500 · At this pace you run out around 21:40", as far as today's checks allow. */
export function PaceLine({ points, now }: Props) {
  const pace = paceToday(points, now);
  if (!pace) return null;
  const parts: string[] = [];
  if (pace.usedToday !== null && pace.limit !== null) parts.push(i18n.t('history.usedToday', [pace.usedToday, pace.limit]));
  if (pace.runOutAt !== null) {
    parts.push(
      pace.runOutAt < nextReset(now)
        ? i18n.t('history.runOut', [clockTime(pace.runOutAt, now, { locale: uiLanguage() })])
        : i18n.t('history.noRunOut'),
    );
  }
  if (parts.length === 0) return null;
  return <p className="hint pace">{parts.join(' · ')}</p>;
}
