import type { BalanceItem } from '@src/contract';
import { callsLeftOf, remainingOf, type RowCredits } from './calls-left';

export type RowOrder = 'list' | 'remaining';

/**
 * Models in the user's order, or fewest calls left first (ModelScope's count, else the figure derived from the
 * balance) with unknowns last; ties keep the user's order.
 */
export function orderRows(
  models: readonly string[],
  results: Readonly<Record<string, BalanceItem>>,
  credits: RowCredits,
  order: RowOrder,
): string[] {
  if (order === 'list') return [...models];
  const rank = (model: string) => {
    const item = results[model];
    return remainingOf(item, callsLeftOf(model, item, credits)) ?? Number.POSITIVE_INFINITY;
  };
  return models
    .map((model, index) => ({ model, index }))
    .sort((a, b) => rank(a.model) - rank(b.model) || a.index - b.index)
    .map(({ model }) => model);
}

const cell = (value: number | string | null) => (value === null ? '' : String(value));

/**
 * The results as tab-separated text with a header line, for pasting into a sheet or a chat. The original service's
 * columns come first; then the calls left derived from the balance, the price they assume and its tier (blank
 * where unknown).
 */
export function resultsAsText(models: readonly string[], results: Readonly<Record<string, BalanceItem>>, credits: RowCredits): string {
  const header = [
    'model',
    'model_request_remaining',
    'model_request_limit',
    'request_remaining',
    'request_limit',
    'checked_at',
    'error',
    'calls_left_estimate',
    'credits_per_call',
    'tier',
  ];
  const lines = models.map((model) => {
    const item = results[model];
    const callsLeft = callsLeftOf(model, item, credits);
    const price = credits.prices.models[model] ?? null;
    return [
      model,
      cell(item?.model_request_remaining ?? null),
      cell(item?.model_request_limit ?? null),
      cell(item?.request_remaining ?? null),
      cell(item?.request_limit ?? null),
      item?.checked_at ?? '',
      item?.error ?? '',
      cell(callsLeft.kind === 'derived' ? callsLeft.calls : null),
      cell(price?.price ?? null),
      price?.tier ?? '',
    ].join('\t');
  });
  return [header.join('\t'), ...lines].join('\n');
}
