/**
 * Tasks of one key run one after another, each once the one before has finished (failed or not); tasks of different
 * keys run side by side. A key with nothing waiting is forgotten.
 */
export function oneAtATimePerKey(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, task) => {
    const running = (tails.get(key) ?? Promise.resolve()).then(task, task);
    const settled = running.catch(() => undefined);
    tails.set(key, settled);
    void settled.then(() => {
      if (tails.get(key) === settled) tails.delete(key);
    });
    return running;
  };
}
