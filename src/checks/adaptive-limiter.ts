/**
 * Runs at most `limit` tasks at once, first come first served. ModelScope limits concurrency dynamically, so a
 * batch halves its limit (never below 1) each time it is told to back off.
 */
export class AdaptiveLimiter {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private currentLimit: number) {
    if (!Number.isInteger(currentLimit) || currentLimit < 1) {
      throw new RangeError('concurrency must be a whole number of at least 1');
    }
  }

  get limit(): number {
    return this.currentLimit;
  }

  backOff(): void {
    this.currentLimit = Math.max(1, Math.floor(this.currentLimit / 2));
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.currentLimit) this.active += 1;
    // A waiter is handed its slot already counted, so no newcomer can take it in between.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
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
