/**
 * Runs at most `limit` tasks at once, first come first served. ModelScope limits concurrency dynamically, so a
 * batch halves its limit (never below 1) when told to back off, once per level: refusals from tasks that started
 * before the last halving speak of the old level, not the new one.
 */
export class AdaptiveLimiter {
  private active = 0;
  /** Counts halvings, so a task can tell whether it started at the current level. */
  private level = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private currentLimit: number) {
    if (!Number.isInteger(currentLimit) || currentLimit < 1) {
      throw new RangeError('concurrency must be a whole number of at least 1');
    }
  }

  get limit(): number {
    return this.currentLimit;
  }

  /**
   * Runs `task` in a slot. It receives `backOff`, to call when the upstream said "too many at once" to it; that halves
   * the limit only if no halving happened since the task started.
   */
  async run<T>(task: (backOff: () => void) => Promise<T>): Promise<T> {
    if (this.active < this.currentLimit) this.active += 1;
    // A waiter is handed its slot already counted, so no newcomer can take it in between.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    const startedAt = this.level;
    const backOff = () => {
      if (startedAt !== this.level) return;
      this.level += 1;
      this.currentLimit = Math.max(1, Math.floor(this.currentLimit / 2));
    };
    try {
      return await task(backOff);
    } finally {
      this.active -= 1;
      this.handOverSlots();
    }
  }

  private handOverSlots(): void {
    while (this.active < this.currentLimit && this.waiting.length > 0) {
      this.active += 1;
      this.waiting.shift()?.();
    }
  }
}
