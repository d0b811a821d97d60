import { i18n } from '#i18n';
import { Fragment, useState, type ReactNode } from 'react';
import type { CallsLeft, RowView } from '@src/account/rows';
import { CallsLeftCell } from './CallsLeftCell';
import { errorHint } from './error-hint';
import { timeAgo } from './format';
import { changeMark, changeText } from './offer-text';
import { PriceCell } from './PriceCell';
import { MonthlyCallsCell, QuotaCell } from './QuotaCell';

type RowResult = NonNullable<RowView['result']>;

interface Props {
  /** The rows, in display order. */
  rows: readonly RowView[];
  /** Models whose check is under way. */
  checking: ReadonlySet<string>;
  now: number;
  onRecheck?: (model: string) => void;
  onPickFromCatalogue?: () => void;
  /** What to show when a row is opened (its sources, today's chart and pace); rows cannot be opened without it. */
  details?: (row: RowView) => ReactNode;
}

interface ProblemProps {
  item: RowResult;
  callsLeft: CallsLeft;
  onPickFromCatalogue?: () => void;
}

/** What went wrong with the row's last probe and what to do, under its name: a failure is said at a glance. */
function Problem({ item, callsLeft, onPickFromCatalogue }: ProblemProps) {
  if (!item.error_kind) return null;
  // "No quota reported" is the expected answer since 2026-08: the calls-left cell says what is known instead.
  if (item.error_kind === 'no_quota_headers' || callsLeft.kind === 'unserved') return null;
  return (
    <p className={`problem kind-${item.error_kind}`}>
      {errorHint(item.error_kind)}{' '}
      {item.error_kind === 'not_found' && onPickFromCatalogue && (
        <button type="button" className="link" onClick={onPickFromCatalogue}>
          {i18n.t('ui.hint.not_foundLink')}
        </button>
      )}
      {item.error && <span className="detail">({item.error})</span>}
    </p>
  );
}

/** A row's calls left: ModelScope's counts with a bar (and the account's, when sent), or one figure derived from the credits. */
function CallsLeftCells({ item, callsLeft, now }: { item: RowResult | null; callsLeft: CallsLeft; now: number }) {
  if (callsLeft.kind === 'monthly') {
    return (
      <td>
        <MonthlyCallsCell monthly={callsLeft.monthly} />
      </td>
    );
  }
  if (callsLeft.kind === 'headers' || callsLeft.kind === 'unusable') {
    const account = item?.request_remaining ?? null;
    const limit = item?.request_limit ?? null;
    return (
      <td>
        <QuotaCell remaining={item?.model_request_remaining ?? null} limit={item?.model_request_limit ?? null} />
        {account !== null && (
          <span className="hint account-calls">{i18n.t('ui.rows.accountCalls', [limit === null ? String(account) : i18n.t('ui.ofLimit', [account, limit])])}</span>
        )}
        {callsLeft.kind === 'headers' && callsLeft.monthly && <MonthlyCallsCell monthly={callsLeft.monthly} />}
      </td>
    );
  }
  return (
    <td>
      <CallsLeftCell callsLeft={callsLeft} now={now} />
    </td>
  );
}

function ModelName({ model, opened, onToggle }: { model: string; opened: boolean | null; onToggle: () => void }) {
  if (opened === null) return <span className="model-id" title={model}>{model}</span>;
  return (
    <button
      type="button"
      className="disclosure model-id"
      aria-expanded={opened}
      aria-controls={`details-${model}`}
      title={i18n.t('ui.rows.showDetails', [model])}
      onClick={onToggle}
    >
      <span className="model-name">{model}</span>
      {/* A drawn triangle, so the mark is neither in the row's text nor in its accessible name. */}
      <svg className="disclosure-mark" aria-hidden="true" width="10" height="10" viewBox="0 0 10 10">
        <path d={opened ? 'M1 3h8L5 8z' : 'M3 1v8l5-4z'} fill="currentColor" />
      </svg>
    </button>
  );
}

function CheckedCell({ item, busy, now }: { item: RowResult | null; busy: boolean; now: number }) {
  if (busy) return <span className="progress">{i18n.t('ui.checkingRow')}</span>;
  if (!item) return <span title={i18n.t('ui.rows.neverProbed')}>{i18n.t('ui.unknown')}</span>;
  return (
    <time dateTime={item.checked_at} title={new Date(item.checked_at).toLocaleString()}>
      {timeAgo(item.checked_at, now)}
      {item.cached && <span className="tag"> · {i18n.t('ui.cached')}</span>}
    </time>
  );
}

/**
 * One line per model: its calls left (ModelScope's counts with bars where it sends them, else the figure derived from
 * the balance at its price), what a call costs, when it was last probed. Each figure's source is on hover, and in the
 * row's details, opened by its name (a button, so the keyboard reaches it).
 */
export function ResultsTable({ rows, checking, now, onRecheck, onPickFromCatalogue, details }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (model: string) =>
    setOpen((current) => (current.has(model) ? new Set([...current].filter((m) => m !== model)) : new Set([...current, model])));
  const columns = 4 + (onRecheck ? 1 : 0);
  return (
    <table className="results">
      <thead>
        <tr>
          <th scope="col">{i18n.t('ui.col.model')}</th>
          <th scope="col">{i18n.t('ui.col.callsLeft')}</th>
          <th scope="col">{i18n.t('ui.col.perCall')}</th>
          <th scope="col">{i18n.t('ui.col.checked')}</th>
          {onRecheck && <th scope="col"><span className="visually-hidden">{i18n.t('ui.col.actions')}</span></th>}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const { model, result: item, callsLeft, change } = row;
          const busy = checking.has(model);
          const opened = details !== undefined && open.has(model);
          return (
            <Fragment key={model}>
              <tr data-model={model} aria-busy={busy} className={item?.error_kind && item.error_kind !== 'no_quota_headers' ? 'has-error' : undefined}>
                <th scope="row">
                  <ModelName model={model} opened={details ? opened : null} onToggle={() => toggle(model)} />
                  {item && !busy && <Problem item={item} callsLeft={callsLeft} onPickFromCatalogue={onPickFromCatalogue} />}
                </th>
                <CallsLeftCells item={item} callsLeft={callsLeft} now={now} />
                <td className="per-call">
                  <PriceCell row={row} now={now} />
                  {change && <span className="tag change" title={changeText(change)}> {changeMark(change)}</span>}
                </td>
                <td className="checked">
                  <CheckedCell item={item} busy={busy} now={now} />
                </td>
                {onRecheck && (
                  <td className="recheck">
                    <button
                      type="button"
                      className="icon"
                      onClick={() => onRecheck(model)}
                      disabled={busy}
                      aria-label={i18n.t('ui.checkOne', [model])}
                      title={i18n.t('ui.checkOne', [model])}
                    >
                      ↻
                    </button>
                  </td>
                )}
              </tr>
              {opened && (
                <tr id={`details-${model}`} className="details">
                  <td colSpan={columns}>{details(row)}</td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
