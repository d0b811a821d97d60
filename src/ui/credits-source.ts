import { i18n } from '#i18n';
import type { SourceOutcome } from '@src/account/record';
import { ageText } from './format';

/** The free Magicube sources a figure on screen can come from. */
export type CreditsSourceName = 'balance' | 'ledger' | 'grants' | 'rates' | 'rules';

/** How a source last answered, and when the figures shown from it were read (null: never). */
export interface SourceState {
  status: SourceOutcome;
  readAt: number | null;
}

const FROM: Readonly<Record<CreditsSourceName, () => string>> = {
  balance: () => i18n.t('ui.credits.from.balance'),
  ledger: () => i18n.t('ui.credits.from.ledger'),
  grants: () => i18n.t('ui.credits.from.grants'),
  rates: () => i18n.t('ui.credits.from.prices'),
  rules: () => i18n.t('ui.credits.from.rules'),
};

const MISSING: Readonly<Record<CreditsSourceName, () => string>> = {
  balance: () => i18n.t('ui.credits.missing.balance'),
  ledger: () => i18n.t('ui.credits.missing.ledger'),
  grants: () => i18n.t('ui.credits.missing.grants'),
  rates: () => i18n.t('ui.credits.missing.prices'),
  rules: () => i18n.t('ui.credits.missing.rules'),
};

type Failure = Exclude<SourceOutcome, 'ok'>;

const REASON: Readonly<Record<Failure, () => string>> = {
  refused: () => i18n.t('ui.credits.reason.refused'),
  not_returned: () => i18n.t('ui.credits.reason.not_returned'),
  unreachable: () => i18n.t('ui.credits.reason.unreachable'),
  unreadable: () => i18n.t('ui.credits.reason.unreadable'),
  upstream_error: () => i18n.t('ui.credits.reason.upstream_error'),
};

/** Why the last read of a source failed, in words: "ModelScope could not be reached". */
export function failureText(status: Failure): string {
  return REASON[status]();
}

/**
 * Where figures come from and how old they are: "from the Magicube ledger · 20 sec. ago", or, when the last refresh
 * failed and older figures are shown, "cached from the Magicube ledger · 5 min ago · the last refresh failed: …".
 */
export function sourceLine(name: CreditsSourceName, { status, readAt }: SourceState, now: number): string {
  const age = readAt === null ? '' : ageText(readAt, now);
  if (status === 'ok') return i18n.t('ui.credits.fresh', [FROM[name](), age]);
  return i18n.t('ui.credits.cached', [FROM[name](), age, failureText(status)]);
}

/** A source that never answered, said plainly (never shown as 0): "ModelScope did not return your ledger: …". */
export function missingText(name: CreditsSourceName, status: SourceOutcome): string {
  // An `ok` without figures cannot be told apart from an answer without the data.
  const reason = status === 'ok' ? 'not_returned' : status;
  return reason === 'not_returned' ? MISSING[name]() : i18n.t('ui.credits.missingWhy', [MISSING[name](), failureText(reason)]);
}

/** The sources of the summary lines: the balance, the ledger and the grants. */
const SUMMARY_SOURCES = ['balance', 'ledger', 'grants'] as const;

/**
 * Where the popup's summary comes from, in one line: "from your Magicube account · 20 sec. ago" (the oldest of the
 * three) while each answered its last read; else each source on its own, the failed ones saying so.
 */
export function sourcesLine(sources: Readonly<Record<CreditsSourceName, SourceState>>, now: number): string {
  const read = SUMMARY_SOURCES.map((name) => sources[name]);
  if (read.every((source) => source.status === 'ok' && source.readAt !== null)) {
    return i18n.t('ui.credits.fromAccount', [ageText(Math.min(...read.map((source) => source.readAt!)), now)]);
  }
  return SUMMARY_SOURCES.filter((name) => sources[name].readAt !== null).map((name) => sourceLine(name, sources[name], now)).join(' · ');
}
