import { i18n } from '#i18n';
import type { LearningNote } from '@src/storage/model-prices';
import type { CallsLeft } from '@src/account/rows';
import { ageText, callsText, creditsText, formatCount } from './format';
import { tierName } from './tier-name';

type CreditsCallsLeft = Extract<CallsLeft, { kind: 'derived' | 'no_balance' | 'unpriced' }>;

/** Why the last try to learn a price learned nothing, and that the next Check tries again. */
export function learningNoteText(note: LearningNote): string {
  return note.outcome === 'poisoned' ? i18n.t('ui.rows.notePoisoned') : i18n.t('ui.rows.noteNotSeen');
}

/**
 * Calls left where ModelScope sent no quota headers: derived from the balance at the model's price (an estimate,
 * saying so, with its tier, price, source and age), or why there is no figure. Never a 0 that was not counted.
 */
export function CallsLeftCell({ callsLeft, now }: { callsLeft: CreditsCallsLeft; now: number }) {
  if (callsLeft.kind === 'unpriced') {
    return (
      <span className="calls-left unpriced">
        <span>{callsLeft.learnable ? i18n.t('ui.rows.unpriced', [callsText(1)]) : i18n.t('ui.rows.unpricedNoLedger')}</span>
        {callsLeft.note && <span className="hint source">{learningNoteText(callsLeft.note)}</span>}
      </span>
    );
  }
  const { price } = callsLeft;
  const tier = tierName(price.tier, price.rawTier);
  if (callsLeft.kind === 'no_balance') {
    return (
      <span className="calls-left">
        <span className="quota unknown">{i18n.t('ui.rows.noBalance')}</span>
        <span className="hint source">{i18n.t('ui.rows.price', [tier, creditsText(price.price)])}</span>
      </span>
    );
  }
  const { calls, balance } = callsLeft;
  const age = balance.source.readAt === null ? '' : ageText(balance.source.readAt, now);
  const from = balance.source.status === 'ok' ? 'ui.rows.derivedFrom' : 'ui.rows.derivedFromCached';
  return (
    <span className="calls-left">
      <span className={`quota derived level-${calls === 0 ? 'critical' : 'unknown'}`}>
        <span className="quota-text">{i18n.t('ui.rows.callsLeft', calls, [formatCount(calls)])}</span>
      </span>
      <span className="hint source">{i18n.t(from, [tier, creditsText(price.price), age])}</span>
    </span>
  );
}
