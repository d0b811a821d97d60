import type { BalanceItem } from '@src/contract';
import { quietly } from '@src/lib/quietly';
import { saveLatestResults } from '@src/storage/latest-results';

/** The longest a result waits to be stored while its check runs: what a worker stopped mid-check can lose. */
export const RESULT_WRITE_EVERY_MS = 250;

export interface ResultWriter {
  /** Takes a result as it arrives; it is stored within RESULT_WRITE_EVERY_MS and then followed. */
  add(item: BalanceItem): void;
  /**
   * Takes a new copy of a result already added (its price learned meanwhile): stored like one, but not followed again,
   * so the history and the alerts see each probe once.
   */
  amend(item: BalanceItem): void;
  /** Stores whatever is waiting now, and resolves once every write of this writer has landed. */
  flush(): Promise<void>;
}

interface Waiting {
  item: BalanceItem;
  /** Whether the write hands it to `afterWrite`: a result just added is, an amended copy of a stored one is not. */
  follow: boolean;
}

/**
 * Stores a running check's results in the latest results for one key, so the popup's rows fill in as they arrive,
 * in one write at most every RESULT_WRITE_EVERY_MS rather than one a model: the first result at once, those arriving
 * meanwhile together in the next write. `afterWrite` gets each written batch's results to follow (possibly none).
 */
export function resultWriter(keyId: string, afterWrite: (items: BalanceItem[]) => void): ResultWriter {
  let waiting = new Map<string, Waiting>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  let lastWriteAt = -Infinity;
  let writes = Promise.resolve();

  const write = (): Promise<void> => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
    const batch = [...waiting.values()];
    waiting = new Map();
    if (batch.length === 0) return writes;
    // performance.now, not Date.now: tests move the date, and the spacing must not jump with it.
    lastWriteAt = performance.now();
    writes = writes.then(() =>
      quietly('storing results', async () => {
        const saved = await saveLatestResults(keyId, batch.map((entry) => entry.item));
        // The check still answers with every result; only the stored copy is missing, and the log says why.
        if (!saved.ok) console.warn(`ModelScope Quota: results not stored (${saved.problem.code})`);
        afterWrite(batch.filter((entry) => entry.follow).map((entry) => entry.item));
      }),
    );
    return writes;
  };

  const take = (item: BalanceItem, follow: boolean) => {
    waiting.set(item.model, { item, follow });
    if (timer !== null) return;
    timer = setTimeout(() => void write(), Math.max(0, lastWriteAt + RESULT_WRITE_EVERY_MS - performance.now()));
  };

  return {
    add: (item) => take(item, true),
    // A copy amended before its first write still has to be followed once.
    amend: (item) => take(item, waiting.get(item.model)?.follow ?? false),
    flush: write,
  };
}
