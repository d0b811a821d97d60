import { i18n } from '#i18n';
import type { BalanceItem } from '../contract';

interface Props {
  models: readonly string[];
  results: Readonly<Record<string, BalanceItem>>;
}

function remaining(left: number | null, limit: number | null): string {
  if (left === null) return i18n.t('ui.unknown');
  return limit === null ? String(left) : i18n.t('ui.ofLimit', [left, limit]);
}

function checkedTime(item: BalanceItem): string {
  const time = new Date(item.checked_at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return item.cached ? `${time} (${i18n.t('ui.cached')})` : time;
}

/** One row per favourite, in the user's order, with the latest result known for it. */
export function ResultsTable({ models, results }: Props) {
  return (
    <table className="results">
      <thead>
        <tr>
          <th scope="col">{i18n.t('ui.col.model')}</th>
          <th scope="col">{i18n.t('ui.col.modelRemaining')}</th>
          <th scope="col">{i18n.t('ui.col.accountRemaining')}</th>
          <th scope="col">{i18n.t('ui.col.checked')}</th>
          <th scope="col">{i18n.t('ui.col.problem')}</th>
        </tr>
      </thead>
      <tbody>
        {models.map((model) => {
          const item = results[model];
          return (
            <tr key={model} data-model={model} className={item?.error ? 'has-error' : undefined}>
              <th scope="row">{model}</th>
              <td>{item ? remaining(item.model_request_remaining, item.model_request_limit) : i18n.t('ui.unknown')}</td>
              <td>{item ? remaining(item.request_remaining, item.request_limit) : i18n.t('ui.unknown')}</td>
              <td>{item ? checkedTime(item) : i18n.t('ui.unknown')}</td>
              <td>{item?.error ?? ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
