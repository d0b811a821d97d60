import { i18n } from '#i18n';
import type { CallsLeft } from '@src/account/rows';
import type { LearningNote } from '@src/storage/model-prices';
import { ageText, callsText, creditsText, formatCount } from './format';
import { listFailureText, priceSourceText, unservedText } from './offer-text';
import { tierName } from './tier-name';

/** Why the last try to learn a price learned nothing, and that the next Check tries again. */
export function learningNoteText(note: LearningNote): string {
  return note.outcome === 'poisoned' ? i18n.t('ui.rows.notePoisoned') : i18n.t('ui.rows.noteNotSeen');
}

type CreditsCallsLeft = Extract<CallsLeft, { kind: 'derived' | 'no_balance' | 'unpriced' | 'unserved' }>;

/** Why a row has no price: the provider list failed and the ledger cannot tell, or the next Check learns it. */
export function unpricedText(callsLeft: Extract<CallsLeft, { kind: 'unpriced' }>): string {
  const next = callsLeft.learnable ? i18n.t('ui.rows.unpriced', [callsText(1)]) : i18n.t('ui.rows.unpricedNoLedger');
  const parts = [callsLeft.listFailed && i18n.t('ui.rows.listFailed', [listFailureText(callsLeft.listFailed)]), next];
  if (callsLeft.note) parts.push(learningNoteText(callsLeft.note));
  return parts.filter(Boolean).join(' ');
}

/** Where a derived figure comes from, with the age of each part: said on hover, and in the row's details. */
export function derivedText(callsLeft: Extract<CallsLeft, { kind: 'derived' }>, now: number): string {
  const { calls, price, balance } = callsLeft;
  const from = balance.source.status === 'ok' ? 'ui.rows.derivedFrom' : 'ui.rows.derivedFromCached';
  const tier = tierName(price.tier, price.rawTier);
  const priceSource = priceSourceText(price, now);
  return i18n.t(from, [
    i18n.t('ui.rows.callsLeft', calls, [formatCount(calls)]),
    creditsText(balance.available),
    ageText(balance.source.readAt, now),
    creditsText(price.price),
    tier === null ? priceSource : i18n.t('ui.rows.tierAndSource', [tier, priceSource]),
  ]);
}

/**
 * A row's calls left where ModelScope sent no quota headers, in one line: the figure derived from the balance at the
 * model's price, or in a few words why there is none (not served, no price, no balance). Its source is on hover, and
 * in the row's details. Never a 0 that was not counted.
 */
export function CallsLeftCell({ callsLeft, now }: { callsLeft: CreditsCallsLeft; now: number }) {
  switch (callsLeft.kind) {
    case 'unserved':
      return <span className="calls-left unserved" title={unservedText(callsLeft.offer)}>{i18n.t('ui.rows.unserved')}</span>;
    case 'unpriced':
      return <span className="calls-left unpriced" title={unpricedText(callsLeft)}>{i18n.t('ui.rows.priceUnknown')}</span>;
    case 'no_balance':
      return <span className="calls-left quota unknown" title={i18n.t('ui.rows.noBalance')}>{i18n.t('ui.rows.noBalanceShort')}</span>;
    case 'derived':
      return (
        <span className={`calls-left quota derived level-${callsLeft.calls === 0 ? 'critical' : 'unknown'}`} title={derivedText(callsLeft, now)}>
          <span className="quota-text">{i18n.t('ui.rows.callsShort', callsLeft.calls, [formatCount(callsLeft.calls)])}</span>
        </span>
      );
  }
}
