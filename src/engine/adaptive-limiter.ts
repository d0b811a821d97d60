/** What ModelScope said to a task's request, as far as concurrency goes. */
export type Answer = 'accepted' | 'refused' | 'other';

/** The most requests a batch ever has in flight, however well the upstream takes them. */
export const CONCURRENCY_CEILING = 20;

/**
 * Runs at most `limit` tasks at once, first come first served, and finds the upstream's own limit as it goes.
 * ModelScope limits concurrency dynamically, so:
 * - every accepted answer raises the limit by one (so it doubles each round trip) up to the ceiling;
 * - a refusal ("too many at once") halves it (never below 1), once per level: refusals from tasks that started before
 *   the last halving speak of the old level, not the new one;
 * - every refusal lowers the ceiling below the number in flight when its task started, so the limit never grows
 *   back to where it was refused: one batch learns the upstream's limit once, instead of being refused again and again;
 * - and a task refused beside others runs again itself (see `run`), so finding the limit costs a model none of its
 *   retries.
 */
export class AdaptiveLimiter {
  private active = 0;
  /** Counts halvings, so a task can tell whether it started at the current level. */
  private level = 0;
  private readonly waiting: Array<() => void> = [];
  /** Tasks refused beside others, waiting to run again: they go before the waiting ones, in the order refused. */
  private readonly refusedWaiting: Array<() => void> = [];

  constructor(
    private currentLimit: number,
    private ceiling: number = CONCURRENCY_CEILING,
  ) {
    if (!Number.isInteger(currentLimit) || currentLimit < 1) throw new RangeError('concurrency must be a whole number of at least 1');
    if (!Number.isInteger(ceiling) || ceiling < currentLimit) throw new RangeError('the ceiling must be a whole number, at least the concurrency');
  }

  get limit(): number {
    return this.currentLimit;
  }

  /**
   * Runs `task` in a slot; `answerOf` says what the upstream made of its request. A task refused while others of this
   * limiter were in flight was refused for their number, which the lowered limit now answers: it runs again as soon as
   * a slot frees, first in line, rather than giving its refusal to the caller. Each such refusal lowers the ceiling
   * below the number it ran beside, so a task runs again fewer times than the ceiling. Refused alone, the refusal is
   * the caller's, who retries it as any other.
   */
  async run<T>(task: () => Promise<T>, answerOf: (result: T) => Answer): Promise<T> {
    if (this.active < this.currentLimit) this.active += 1;
    // A waiter is handed its slot already counted, so no newcomer can take it in between.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    for (;;) {
      const startedAt = this.level;
      const inFlightAtStart = this.active;
      let turn: Promise<void>;
      try {
        const result = await task();
        const answer = answerOf(result);
        if (answer === 'accepted' && startedAt === this.level) this.currentLimit = Math.min(this.ceiling, this.currentLimit + 1);
        if (answer !== 'refused') return result;
        this.refused(startedAt, inFlightAtStart);
        if (inFlightAtStart === 1) return result;
        turn = new Promise<void>((resolve) => this.refusedWaiting.push(resolve));
      } finally {
        this.active -= 1;
        this.handOverSlots();
      }
      await turn;
    }
  }

  private refused(startedAt: number, inFlightAtStart: number): void {
    this.ceiling = Math.max(1, Math.min(this.ceiling, inFlightAtStart - 1));
    if (startedAt === this.level) {
      this.level += 1;
      this.currentLimit = Math.floor(this.currentLimit / 2);
    }
    this.currentLimit = Math.max(1, Math.min(this.currentLimit, this.ceiling));
  }

  private handOverSlots(): void {
    while (this.active < this.currentLimit && this.refusedWaiting.length + this.waiting.length > 0) {
      this.active += 1;
      (this.refusedWaiting.shift() ?? this.waiting.shift())?.();
    }
  }
}
