/** Runs background work whose failure must not reach an event listener; only the error's name is logged, never its text. */
export async function quietly(label: string, task: () => Promise<void>): Promise<void> {
  try {
    await task();
  } catch (error) {
    console.warn(`ModelScope Quota: ${label} failed (${error instanceof Error ? error.name : 'unknown error'})`);
  }
}
