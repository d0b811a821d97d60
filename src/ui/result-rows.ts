import type { RowView } from '@src/account/rows';

export type RowOrder = 'list' | 'remaining';

/**
 * Rows in the user's order, or fewest calls left first (ModelScope's count, else the figure derived from the balance)
 * with unknowns last; ties keep the user's order.
 */
export function orderRows(rows: readonly RowView[], order: RowOrder): RowView[] {
  if (order === 'list') return [...rows];
  const rank = (row: RowView) => row.remaining ?? Number.POSITIVE_INFINITY;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => rank(a.row) - rank(b.row) || a.index - b.index)
    .map(({ row }) => row);
}

const cell = (value: number | string | null) => (value === null ? '' : String(value));

/**
 * The rows as tab-separated text with a header line, for pasting into a sheet or a chat. The original service's
 * columns come first; then the calls left derived from the balance, the price they assume and its tier (blank
 * where unknown).
 */
export function resultsAsText(rows: readonly RowView[]): string {
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
  const lines = rows.map(({ model, result, price, callsLeft }) =>
    [
      model,
      cell(result?.model_request_remaining ?? null),
      cell(result?.model_request_limit ?? null),
      cell(result?.request_remaining ?? null),
      cell(result?.request_limit ?? null),
      result?.checked_at ?? '',
      result?.error ?? '',
      cell(callsLeft.kind === 'derived' ? callsLeft.calls : null),
      cell(price?.price ?? null),
      price?.tier ?? '',
    ].join('\t'),
  );
  return [header.join('\t'), ...lines].join('\n');
}
