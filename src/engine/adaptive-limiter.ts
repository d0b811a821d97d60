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
 * - and every refusal lowers the ceiling below the number in flight when its task started, so the limit never grows
 *   back to where it was refused: one batch learns the upstream's limit once, instead of being refused again and again.
 */
export class AdaptiveLimiter {
  private active = 0;
  /** Counts halvings, so a task can tell whether it started at the current level. */
  private level = 0;
  private readonly waiting: Array<() => void> = [];

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
   * Runs `task` in a slot; `answerOf` says what the upstream made of its request. A `retry` goes before the tasks not
   * started yet: it has waited its backoff already, and the batch ends only when it does.
   */
  async run<T>(task: () => Promise<T>, answerOf: (result: T) => Answer, { retry = false } = {}): Promise<T> {
    if (this.active < this.currentLimit) this.active += 1;
    // A waiter is handed its slot already counted, so no newcomer can take it in between.
    else await new Promise<void>((resolve) => (retry ? this.waiting.unshift(resolve) : this.waiting.push(resolve)));
    const startedAt = this.level;
    const inFlightAtStart = this.active;
    try {
      const result = await task();
      const answer = answerOf(result);
      if (answer === 'refused') this.refused(startedAt, inFlightAtStart);
      else if (answer === 'accepted' && startedAt === this.level) this.currentLimit = Math.min(this.ceiling, this.currentLimit + 1);
      return result;
    } finally {
      this.active -= 1;
      this.handOverSlots();
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
    while (this.active < this.currentLimit && this.waiting.length > 0) {
      this.active += 1;
      this.waiting.shift()?.();
    }
  }
}
