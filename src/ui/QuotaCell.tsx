import { i18n } from '#i18n';
import { quotaLevel, remainingShare } from '@src/quota/quota-level';

interface Props {
  remaining: number | null;
  limit: number | null;
}

/** A model's calls left this month, from ModelScope's monthly headers: said as monthly, apart from any day's figure. */
export function MonthlyCallsCell({ monthly }: { monthly: { remaining: number; limit: number | null } }) {
  return (
    <span className="calls-left monthly">
      <QuotaCell remaining={monthly.remaining} limit={monthly.limit} />
      <span className="hint source">{i18n.t('ui.rows.thisMonth')}</span>
    </span>
  );
}

/** "321 / 500" over a bar coloured by how close it is to zero. An unknown number is a dash, never 0. */
export function QuotaCell({ remaining, limit }: Props) {
  if (remaining === null) return <span className="quota unknown">{i18n.t('ui.unknown')}</span>;
  const share = remainingShare(remaining, limit);
  return (
    <span className={`quota level-${quotaLevel(remaining, limit)}`}>
      <span className="quota-text">{limit === null ? String(remaining) : i18n.t('ui.ofLimit', [remaining, limit])}</span>
      {share !== null && (
        <span className="bar" aria-hidden="true">
          <span style={{ width: `${Math.round(share * 100)}%` }} />
        </span>
      )}
    </span>
  );
}
