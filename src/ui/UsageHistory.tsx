import { i18n } from '#i18n';
import { dailyUsage } from '@src/quota/daily-usage';
import type { HistoryPoint } from '@src/quota/types';

interface Props {
  /** One key's history: each model's checks. */
  pointsByModel: Readonly<Record<string, readonly HistoryPoint[]>>;
  /** How many quota days to show, today the last. */
  days: number;
  now: number;
}

const BAR = 14;
const GAP = 4;
const BARS_HEIGHT = 60;
const LABEL_HEIGHT = 12;

/** Calls used on each of the last days, by ModelScope's own count, as bars; a day without checks has no bar. */
export function UsageHistory({ pointsByModel, days, now }: Props) {
  const usage = dailyUsage(pointsByModel, days, now);
  if (usage.every((day) => day.used === null)) return <p className="hint usage-history">{i18n.t('history.usageEmpty')}</p>;
  const most = Math.max(1, ...usage.map((day) => day.used ?? 0));
  const describe = ({ day, used }: (typeof usage)[number]) =>
    used === null ? i18n.t('history.usageNoData', [day]) : i18n.t('history.usageDay', [day, used]);
  const width = usage.length * (BAR + GAP);
  return (
    <figure className="usage-history">
      <figcaption>{i18n.t('history.usageTitle')}</figcaption>
      <svg
        role="img"
        aria-label={i18n.t('history.usageSummary', [usage.length, usage.map(describe).join(', ')])}
        width={width}
        height={BARS_HEIGHT + LABEL_HEIGHT}
        viewBox={`0 0 ${width} ${BARS_HEIGHT + LABEL_HEIGHT}`}
      >
        {usage.map((day, index) => {
          const height = day.used === null ? 0 : Math.max(1, (day.used / most) * BARS_HEIGHT);
          const left = index * (BAR + GAP) + GAP / 2;
          return (
            <g key={day.day} data-day={day.day}>
              <title>{describe(day)}</title>
              {day.used !== null && <rect x={left} y={BARS_HEIGHT - height} width={BAR} height={height} rx={2} style={{ fill: 'var(--accent)' }} />}
              <text x={left + BAR / 2} y={BARS_HEIGHT + LABEL_HEIGHT - 2} fontSize={9} textAnchor="middle" fill="currentColor">
                {Number(day.day.slice(8))}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
}
