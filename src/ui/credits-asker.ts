import { ask, type Asked } from './messaging';

/** Re-asks heard from storage changes wait this long after the last ask began, so asking can never run in a loop. */
export const CHANGE_GAP_MS = 5_000;

export interface CreditsAsker {
  /** Asks now (a popup opened, a Check ended); while an ask is under way, once more after it. */
  now(): void;
  /** Asks because stored figures changed: at most once per CHANGE_GAP_MS. */
  soon(): void;
  stop(): void;
}

/**
 * Asks the background for the account picture, one ask at a time. The background refreshes the free figures only
 * when they are older than 60 s, so asking spends nothing; its own refresh writes storage, which is heard as a change.
 */
export function creditsAsker(onReply: (asked: Asked<'credits'>) => void): CreditsAsker {
  let live = true;
  let inFlight = false;
  let again = false;
  let lastStart = Number.NEGATIVE_INFINITY;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const run = async () => {
    if (inFlight) {
      again = true;
      return;
    }
    inFlight = true;
    do {
      again = false;
      lastStart = Date.now();
      const asked = await ask({ type: 'credits' });
      if (live) onReply(asked);
    } while (again && live);
    inFlight = false;
  };

  return {
    now: () => void run(),
    soon() {
      if (!live || timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void run();
      }, Math.max(0, lastStart + CHANGE_GAP_MS - Date.now()));
    },
    stop() {
      live = false;
      clearTimeout(timer);
    },
  };
}
