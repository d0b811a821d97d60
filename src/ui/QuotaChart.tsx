import { i18n } from '#i18n';
import { BADGE_COLOURS } from '@src/quota/badge-state';
import { clockTime } from '@src/lib/clock-time';
import { todaysQuota } from '@src/quota/pace';
import { quotaLevel } from '@src/quota/quota-level';
import { lastReset, nextReset } from '@src/quota/reset-time';
import type { HistoryPoint } from '@src/quota/types';
import { uiLanguage } from './format';

interface Props {
  model: string;
  /** The model's checks from its history; only today's are drawn. */
  points: readonly HistoryPoint[];
  now: number;
}

const WIDTH = 240;
const HEIGHT = 48;
const PAD = 3;

/**
 * Calls left through today, from the last reset (left) to the next (right): the lower of the model's and the
 * account's figures, as the badge counts them, coloured like the badge by the share left at the latest check.
 */
export function QuotaChart({ model, points, now }: Props) {
  const start = lastReset(now);
  const end = nextReset(now);
  const today = todaysQuota(points, now);
  const [first, ...later] = today;
  const latest = today.at(-1);
  if (!first || !latest) return <p className="hint quota-chart">{i18n.t('history.chartEmpty', [model])}</p>;

  const clock = (at: number) => clockTime(at, now, { locale: uiLanguage() });
  const top = Math.max(1, ...today.map((point) => point.limit ?? point.remaining));
  const x = (at: number) => PAD + ((at - start) / (end - start)) * (WIDTH - 2 * PAD);
  const y = (remaining: number) => PAD + (1 - remaining / top) * (HEIGHT - 2 * PAD);
  // Between two checks only the earlier count is known: a step line holds it until the next check, then up to now.
  const line = [
    `M${x(first.at)},${y(first.remaining)}`,
    ...later.map((point) => `H${x(point.at)}V${y(point.remaining)}`),
    `H${x(now)}`,
  ].join('');
  const colour = BADGE_COLOURS[quotaLevel(latest.remaining, latest.limit)].background;
  const label = i18n.t('history.chart', today.length, [model, latest.remaining, clock(latest.at), today.length]);
  return (
    <svg className="quota-chart" role="img" aria-label={label} width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`}>
      <title>{label}</title>
      <line x1={PAD} x2={WIDTH - PAD} y1={y(0)} y2={y(0)} stroke="currentColor" strokeOpacity={0.3} />
      <line x1={x(now)} x2={x(now)} y1={PAD} y2={HEIGHT - PAD} stroke="currentColor" strokeOpacity={0.3} strokeDasharray="2 2" />
      <path d={line} fill="none" stroke={colour} strokeWidth={2} />
      {today.map((point) => (
        <circle key={point.at} data-remaining={point.remaining} cx={x(point.at)} cy={y(point.remaining)} r={2.5} fill={colour}>
          <title>{i18n.t('history.chartPoint', [clock(point.at), point.remaining])}</title>
        </circle>
      ))}
    </svg>
  );
}
