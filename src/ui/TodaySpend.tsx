import { i18n } from '#i18n';
import type { CreditsView } from '@src/account/credits-view';
import { missingText, sourceLine } from './credits-source';
import { callsText, clockText, creditsText } from './format';
import { tierName } from './tier-name';

/** "At today’s rate the balance lasts until about 18:40", or beyond today: an estimate, said as one. */
function Pace({ credits, now }: { credits: CreditsView; now: number }) {
  const { balance, today, runOutAt } = credits;
  if (balance === null || today === null || today.totals.credits <= 0) return null;
  let text: string;
  if (runOutAt !== null) text = i18n.t('ui.credits.pace', [clockText(runOutAt, now)]);
  else if (balance.available_balance <= 0) text = i18n.t('ui.credits.paceUsedUp');
  else text = i18n.t('ui.credits.paceBeyond');
  return <p className="credits-pace">{text}</p>;
}

const callsCell = (calls: number | null) => (calls === null ? i18n.t('ui.credits.callsNotSent') : callsText(calls));

/** Today's (Beijing day's) calls and credits per tier from the ledger: every app using this token, not only ours. */
export function TodaySpend({ credits, now }: { credits: CreditsView; now: number }) {
  const { today, sources } = credits;
  if (today === null) {
    return (
      <div className="credits-today">
        <p className="credits-missing">{missingText('ledger', sources.ledger.status)}</p>
      </div>
    );
  }
  return (
    <div className="credits-today">
      <h3>{i18n.t('ui.credits.today')}</h3>
      <div className="today-body">
        {today.tiers.length === 0 ? (
          <p>{i18n.t('ui.credits.todayNothing')}</p>
        ) : (
          <table className="tier-spend">
            <tbody>
              {today.tiers.map((tier) => (
                <tr key={tier.tier}>
                  <th scope="row">{tierName(tier.tier, tier.rawTier)}</th>
                  <td>{callsCell(tier.calls)}</td>
                  <td>{creditsText(tier.credits)}</td>
                </tr>
              ))}
              {today.tiers.length > 1 && (
                <tr className="total">
                  <th scope="row">{i18n.t('ui.credits.todayTotal')}</th>
                  <td>{callsCell(today.totals.calls)}</td>
                  <td>{creditsText(today.totals.credits)}</td>
                </tr>
              )}
            </tbody>
          </table>
        )}
        <Pace credits={credits} now={now} />
      </div>
      <p className="hint source">{sourceLine('ledger', sources.ledger, now)}</p>
    </div>
  );
}
