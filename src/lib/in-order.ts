/**
 * A queue for read-modify-write tasks on one stored value: each runs after the one before has finished, so two
 * writers landing together both count. A failed task fails its own caller only; the queue goes on.
 */
export function inOrder(): <T>(task: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return (task) => {
    const result = last.then(task, task);
    last = result.catch(() => undefined);
    return result;
  };
}
