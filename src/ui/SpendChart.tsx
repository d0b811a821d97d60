import { i18n } from '#i18n';
import type { DaySpend } from '@src/quota/spend-series';
import { sourceLine, type SourceState } from './credits-source';
import { callsText, creditsText } from './format';

interface Props {
  /** The ledger's days, oldest first (a series that answered). */
  days: readonly DaySpend[];
  source: SourceState;
  now: number;
}

const BAR = 20;
const GAP = 6;
const BARS_HEIGHT = 64;
const LABEL_HEIGHT = 12;
const NO_DATA_HEIGHT = 10;
/** A day the ledger covers with nothing spent: a hairline on the baseline, a measured 0 unlike a day without data. */
const ZERO_HEIGHT = 1;

function describe(day: DaySpend): string {
  if (!day.covered) return i18n.t('ui.ledgerChart.noData', [day.day]);
  if (day.calls === null) return i18n.t('ui.ledgerChart.dayNoCount', [day.day, creditsText(day.credits)]);
  return i18n.t('ui.ledgerChart.day', [day.day, creditsText(day.credits), callsText(day.calls)]);
}

/**
 * Credits spent on each of the last days, from the Magicube ledger: exact, free, and counting every app that uses the
 * token. A day the ledger read did not cover is drawn as "no data" (a dashed outline), never as a day of 0.
 */
export function SpendChart({ days, source, now }: Props) {
  const covered = days.filter((day): day is Extract<DaySpend, { covered: true }> => day.covered);
  const most = Math.max(0.01, ...covered.map((day) => day.credits));
  const width = days.length * (BAR + GAP);
  const totalCredits = covered.reduce((sum, day) => sum + Math.round(day.credits * 100), 0) / 100;
  const totalCalls = covered.reduce<number | null>((sum, day) => (sum === null || day.calls === null ? null : sum + day.calls), 0);
  return (
    <figure className="usage-history spend-chart">
      <figcaption>{i18n.t('ui.ledgerChart.title')}</figcaption>
      <svg
        role="img"
        aria-label={i18n.t('ui.ledgerChart.summary', [days.length, days.map(describe).join(', ')])}
        width={width}
        height={BARS_HEIGHT + LABEL_HEIGHT}
        viewBox={`0 0 ${width} ${BARS_HEIGHT + LABEL_HEIGHT}`}
      >
        {days.map((day, index) => {
          const left = index * (BAR + GAP) + GAP / 2;
          const height = day.covered && day.credits > 0 ? Math.max(2, (day.credits / most) * BARS_HEIGHT) : ZERO_HEIGHT;
          return (
            <g key={day.day} data-day={day.day} data-covered={day.covered}>
              <title>{describe(day)}</title>
              {day.covered ? (
                <rect x={left} y={BARS_HEIGHT - height} width={BAR} height={height} rx={height > ZERO_HEIGHT ? 2 : 0} style={{ fill: 'var(--accent)' }} />
              ) : (
                <rect
                  className="no-data"
                  x={left + 0.5}
                  y={BARS_HEIGHT - NO_DATA_HEIGHT + 0.5}
                  width={BAR - 1}
                  height={NO_DATA_HEIGHT - 1}
                  rx={2}
                  fill="none"
                  stroke="currentColor"
                  strokeDasharray="2 2"
                />
              )}
              <text x={left + BAR / 2} y={BARS_HEIGHT + LABEL_HEIGHT - 2} fontSize={9} textAnchor="middle" fill="currentColor">
                {Number(day.day.slice(8))}
              </text>
            </g>
          );
        })}
      </svg>
      {covered.length > 0 && (
        <p className="spend-total">
          {i18n.t('ui.ledgerChart.total', [creditsText(totalCredits), totalCalls === null ? i18n.t('ui.credits.callsNotSent') : callsText(totalCalls)])}
        </p>
      )}
      <p className="hint">
        {sourceLine('ledger', source, now)} · {i18n.t('ui.ledgerChart.allApps')}
      </p>
      {covered.length < days.length && <p className="hint">{i18n.t('ui.ledgerChart.noDataLegend')}</p>}
    </figure>
  );
}
