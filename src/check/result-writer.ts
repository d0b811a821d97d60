import { saveLatestResults } from '@src/account/results';
import type { CheckedResult } from '@src/engine/check-models';
import { quietly } from '@src/lib/quietly';

/** The longest a result waits to be stored while its check runs: what a worker stopped mid-check can lose. */
export const RESULT_WRITE_EVERY_MS = 250;

export interface ResultWriter {
  /** Takes a result as it arrives; it is stored within RESULT_WRITE_EVERY_MS. */
  add(item: CheckedResult): void;
  /** Stores whatever is waiting now, and resolves once every write of this writer has landed. */
  flush(): Promise<void>;
}

/**
 * Stores a running check's results in the latest results for one key, so the popup's rows fill in as they arrive,
 * in one write at most every RESULT_WRITE_EVERY_MS rather than one a model: the first result at once, those arriving
 * meanwhile together in the next write. What follows them (history, alerts, the badge) waits for the check's end.
 */
export function resultWriter(keyId: string): ResultWriter {
  let waiting = new Map<string, CheckedResult>();
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
        const saved = await saveLatestResults(keyId, batch);
        // The check still answers with every result; only the stored copy is missing, and the log says why.
        if (!saved.ok) console.warn(`ModelScope Quota: results not stored (${saved.problem.code})`);
      }),
    );
    return writes;
  };

  return {
    add(item) {
      waiting.set(item.model, item);
      if (timer !== null) return;
      timer = setTimeout(() => void write(), Math.max(0, lastWriteAt + RESULT_WRITE_EVERY_MS - performance.now()));
    },
    flush: write,
  };
}
