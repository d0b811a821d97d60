import { effectiveQuota } from '@src/quota/lowest-quota';
import type { BalanceItem } from '@src/contract';

export type RowOrder = 'list' | 'remaining';


/** Models in the user's order, or fewest calls left first with unknowns last (ties keep the user's order). */
export function orderRows(models: readonly string[], results: Readonly<Record<string, BalanceItem>>, order: RowOrder): string[] {
  if (order === 'list') return [...models];
  const rank = (model: string) => {
    const item = results[model];
    return (item && effectiveQuota(item)?.remaining) ?? Number.POSITIVE_INFINITY;
  };
  return models
    .map((model, index) => ({ model, index }))
    .sort((a, b) => rank(a.model) - rank(b.model) || a.index - b.index)
    .map(({ model }) => model);
}

const cell = (value: number | null) => (value === null ? '' : String(value));

/** The results as tab-separated text with a header line, for pasting into a sheet or a chat. */
export function resultsAsText(models: readonly string[], results: Readonly<Record<string, BalanceItem>>): string {
  const header = ['model', 'model_request_remaining', 'model_request_limit', 'request_remaining', 'request_limit', 'checked_at', 'error'];
  const lines = models.map((model) => {
    const item = results[model];
    return [
      model,
      cell(item?.model_request_remaining ?? null),
      cell(item?.model_request_limit ?? null),
      cell(item?.request_remaining ?? null),
      cell(item?.request_limit ?? null),
      item?.checked_at ?? '',
      item?.error ?? '',
    ].join('\t');
  });
  return [header.join('\t'), ...lines].join('\n');
}
