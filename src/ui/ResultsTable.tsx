import { i18n } from '#i18n';
import type { BalanceItem } from '../contract';
import { errorHint } from './error-hint';
import { timeAgo } from './format';
import { QuotaCell } from './QuotaCell';

interface Props {
  /** Models in display order. */
  models: readonly string[];
  results: Readonly<Record<string, BalanceItem>>;
  /** Models whose check is under way. */
  checking: ReadonlySet<string>;
  now: number;
  onRecheck?: (model: string) => void;
  onPickFromCatalogue?: () => void;
}

function Problem({ item, onPickFromCatalogue }: { item: BalanceItem; onPickFromCatalogue?: () => void }) {
  if (!item.error_kind) return null;
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

/** One row per model with its latest result: numbers with bars, when, what went wrong and what to do. */
export function ResultsTable({ models, results, checking, now, onRecheck, onPickFromCatalogue }: Props) {
  return (
    <table className="results">
      <thead>
        <tr>
          <th scope="col">{i18n.t('ui.col.model')}</th>
          <th scope="col">{i18n.t('ui.col.modelRemaining')}</th>
          <th scope="col">{i18n.t('ui.col.accountRemaining')}</th>
          <th scope="col">{i18n.t('ui.col.checked')}</th>
          {onRecheck && <th scope="col"><span className="visually-hidden">{i18n.t('ui.col.actions')}</span></th>}
        </tr>
      </thead>
      <tbody>
        {models.map((model) => {
          const item = results[model];
          const busy = checking.has(model);
          return (
            <tr key={model} data-model={model} aria-busy={busy} className={item?.error_kind ? 'has-error' : undefined}>
              <th scope="row">
                <span className="model-id">{model}</span>
                {item && !busy && <Problem item={item} onPickFromCatalogue={onPickFromCatalogue} />}
              </th>
              <td><QuotaCell remaining={item?.model_request_remaining ?? null} limit={item?.model_request_limit ?? null} /></td>
              <td><QuotaCell remaining={item?.request_remaining ?? null} limit={item?.request_limit ?? null} /></td>
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
          );
        })}
      </tbody>
    </table>
  );
}
