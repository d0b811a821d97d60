import { i18n } from '#i18n';
import { Fragment, useState, type ReactNode } from 'react';
import type { CallsLeft, RowView } from '@src/account/rows';

type RowResult = NonNullable<RowView['result']>;
import { CallsLeftCell } from './CallsLeftCell';
import { errorHint } from './error-hint';
import { timeAgo } from './format';
import { MonthlyCallsCell, QuotaCell } from './QuotaCell';

interface Props {
  /** The rows, in display order. */
  rows: readonly RowView[];
  /** Models whose check is under way. */
  checking: ReadonlySet<string>;
  now: number;
  onRecheck?: (model: string) => void;
  onPickFromCatalogue?: () => void;
  /** What to show when a row is opened (today's chart and pace); rows cannot be opened without it. */
  details?: (model: string) => ReactNode;
}

interface ProblemProps {
  item: RowResult;
  callsLeft: CallsLeft;
  onPickFromCatalogue?: () => void;
}

function Problem({ item, callsLeft, onPickFromCatalogue }: ProblemProps) {
  if (!item.error_kind) return null;
  // A figure derived from the balance says where it comes from: "no quota reported" would only repeat it.
  if (item.error_kind === 'no_quota_headers' && callsLeft.kind !== 'unpriced') return null;
  return (
    <p className={`problem kind-${item.error_kind}`}>
      {errorHint(item.error_kind)}{' '}
      {item.error_kind === 'not_found' && onPickFromCatalogue && (
        <button type="button" className="link" onClick={onPickFromCatalogue}>
          {i18n.t('ui.hint.not_foundLink')}
        </button>
      )}
      {item.error && item.error_kind !== 'no_quota_headers' && <span className="detail">({item.error})</span>}
    </p>
  );
}

/** The two calls-left cells of a row: ModelScope's counts with bars, or one figure derived from the credits. */
function CallsLeftCells({ item, callsLeft, now }: { item: RowResult | null; callsLeft: CallsLeft; now: number }) {
  if (callsLeft.kind === 'monthly') {
    return (
      <td colSpan={2}>
        <MonthlyCallsCell monthly={callsLeft.monthly} />
      </td>
    );
  }
  if (callsLeft.kind === 'headers' || callsLeft.kind === 'unusable') {
    return (
      <>
        <td>
          <QuotaCell remaining={item?.model_request_remaining ?? null} limit={item?.model_request_limit ?? null} />
          {callsLeft.kind === 'headers' && callsLeft.monthly && <MonthlyCallsCell monthly={callsLeft.monthly} />}
        </td>
        <td><QuotaCell remaining={item?.request_remaining ?? null} limit={item?.request_limit ?? null} /></td>
      </>
    );
  }
  return (
    <td colSpan={2}>
      <CallsLeftCell callsLeft={callsLeft} now={now} />
    </td>
  );
}

/**
 * One row per model with its latest result: ModelScope's counts with bars where it sends them, otherwise calls left
 * from the balance at the model's price; when, what went wrong and what to do.
 */
export function ResultsTable({ rows, checking, now, onRecheck, onPickFromCatalogue, details }: Props) {
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (model: string) =>
    setOpen((current) => (current.has(model) ? new Set([...current].filter((m) => m !== model)) : new Set([...current, model])));
  const columns = onRecheck ? 5 : 4;
  // ModelScope's two counts get their own columns only where some row has them.
  const anyCounts = rows.some((row) => ['headers', 'unusable'].includes(row.callsLeft.kind));
  return (
    <table className="results">
      <thead>
        <tr>
          <th scope="col">{i18n.t('ui.col.model')}</th>
          {anyCounts ? (
            <>
              <th scope="col">{i18n.t('ui.col.modelRemaining')}</th>
              <th scope="col">{i18n.t('ui.col.accountRemaining')}</th>
            </>
          ) : (
            <th scope="col" colSpan={2}>{i18n.t('ui.col.callsLeft')}</th>
          )}
          <th scope="col">{i18n.t('ui.col.checked')}</th>
          {onRecheck && <th scope="col"><span className="visually-hidden">{i18n.t('ui.col.actions')}</span></th>}
        </tr>
      </thead>
      <tbody>
        {rows.map(({ model, result: item, callsLeft: rowCallsLeft }) => {
          const busy = checking.has(model);
          const opened = details !== undefined && open.has(model);
          return (
            <Fragment key={model}>
            <tr data-model={model} aria-busy={busy} className={item?.error_kind ? 'has-error' : undefined}>
              <th scope="row">
                {details ? (
                  <button
                    type="button"
                    className="disclosure model-id"
                    aria-expanded={opened}
                    aria-controls={`details-${model}`}
                    title={i18n.t('ui.showToday', [model])}
                    onClick={() => toggle(model)}
                  >
                    {model}
                    {/* A drawn triangle, so the mark is neither in the row's text nor in its accessible name. */}
                    <svg className="disclosure-mark" aria-hidden="true" width="10" height="10" viewBox="0 0 10 10">
                      <path d={opened ? 'M1 3h8L5 8z' : 'M3 1v8l5-4z'} fill="currentColor" />
                    </svg>
                  </button>
                ) : (
                  <span className="model-id">{model}</span>
                )}
                {item && !busy && <Problem item={item} callsLeft={rowCallsLeft} onPickFromCatalogue={onPickFromCatalogue} />}
              </th>
              <CallsLeftCells item={item} callsLeft={rowCallsLeft} now={now} />
              <td className="checked">
                {busy ? (
                  <span className="progress">{i18n.t('ui.checkingRow')}</span>
                ) : item ? (
                  <time dateTime={item.checked_at} title={new Date(item.checked_at).toLocaleString()}>
                    {timeAgo(item.checked_at, now)}
                    {item.cached && <span className="tag"> · {i18n.t('ui.cached')}</span>}
                  </time>
                ) : (
                  i18n.t('ui.unknown')
                )}
              </td>
              {onRecheck && (
                <td>
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
                <td colSpan={columns}>{details(model)}</td>
              </tr>
            )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
