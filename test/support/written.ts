import type { WriteResult } from '@src/storage/write-result';

/** The value a write landed, for tests that set up state through the real write path; a refused write fails the test. */
export function written<T>(result: WriteResult<T>): T {
  if (!result.ok) throw new Error(`the write was refused: ${JSON.stringify(result.problem)}`);
  return result.value;
}
