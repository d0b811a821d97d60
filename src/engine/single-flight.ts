/** Two identical checks at the same time share one probe: the second caller gets the first one's promise. */
export class SingleFlight<V> {
  private readonly inFlight = new Map<string, Promise<V>>();

  run(key: string, task: () => Promise<V>): Promise<V> {
    const existing = this.inFlight.get(key);
    if (existing) return existing;
    const promise = task().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, promise);
    return promise;
  }

  /** The run under way for `key`, if any. */
  running(key: string): Promise<V> | undefined {
    return this.inFlight.get(key);
  }
}
