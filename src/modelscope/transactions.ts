import { z } from 'zod/mini';
import { MAGICUBE_PAGE_SIZE, magicubeTransactionsUrl, type MagicubeTransactionType } from './endpoints';
import type { SiteRequestOptions } from './http';
import { readMagicubeData, type MagicubeFailure } from './magicube-read';

export interface TransactionReadOptions extends SiteRequestOptions {
  /**
   * Epoch ms: the start of the oldest Beijing day wanted (rows are whole-day aggregates). Pages are read, newest
   * first, until one reaches past it. `timeoutMs` bounds the whole read, not each page.
   */
  since: number;
  /** At most this many pages (1 to 20, default 10). */
  maxPages?: number;
}

export type TransactionsOutcome<Row> =
  | {
      ok: true;
      /** The rows at or after `since`, newest first, as ModelScope listed them. */
      rows: Row[];
      /** Rows left out because an amount, a time or another field was unusable. */
      dropped: number;
      since: number;
      /** False when the page bound stopped the read before it reached `since`: the oldest day read may be partial. */
      complete: boolean;
    }
  | MagicubeFailure;

const DEFAULT_MAX_PAGES = 10;
const MOST_PAGES = 20;

const RecordsSchema = z.object({ records: z.nullish(z.array(z.unknown())) });

/** Reads the ledger of one transaction type over a window, page by page, parsing each row alone. Never throws. */
export async function readTransactions<Row extends { at: number }>(
  type: MagicubeTransactionType,
  apiKey: string,
  options: TransactionReadOptions,
  parseRow: (raw: unknown) => Row | null,
): Promise<TransactionsOutcome<Row>> {
  const maxPages = Math.min(MOST_PAGES, Math.max(1, Math.floor(options.maxPages ?? DEFAULT_MAX_PAGES)));
  const deadline = performance.now() + options.timeoutMs;
  const rows: Row[] = [];
  let dropped = 0;
  for (let page = 1; page <= maxPages; page += 1) {
    const timeoutMs = deadline - performance.now();
    if (timeoutMs <= 0) return { ok: false, reason: 'unreachable', status: null, detail: 'timeout' };
    const answer = await readMagicubeData(magicubeTransactionsUrl(options.site, type, page), apiKey, { ...options, timeoutMs });
    if (!answer.ok) return answer;
    const parsed = RecordsSchema.safeParse(answer.data);
    if (!parsed.success) return { ok: false, reason: 'unreadable', status: answer.status, detail: null };
    const records = parsed.data.records;
    // `data` came back, but without the records: the same as no data at all.
    if (records === null || records === undefined) return { ok: false, reason: 'not_returned', status: answer.status, detail: null };
    let reachedSince = false;
    for (const record of records) {
      const row = parseRow(record);
      if (row === null) dropped += 1;
      else if (row.at >= options.since) rows.push(row);
      else reachedSince = true;
    }
    if (reachedSince || records.length < MAGICUBE_PAGE_SIZE) return { ok: true, rows, dropped, since: options.since, complete: true };
  }
  return { ok: true, rows, dropped, since: options.since, complete: false };
}
