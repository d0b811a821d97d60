/**
 * Wraps `task` so that calls made while it runs do not pile up: they share one more run after the current one,
 * which then sees everything that happened meanwhile. Each call resolves once a run that started after it is done.
 */
export function coalesced(task: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let again = false;
  const loop = async () => {
    try {
      do {
        again = false;
        await task();
      } while (again);
    } finally {
      running = null;
    }
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = loop();
    return running;
  };
}
