import { useState } from 'react';
import type { WriteResult } from '@src/storage/write-result';
import { writeProblemText } from './problem-text';

/**
 * Why this component's last write did not land, in words (null once one lands), and `attempt`, which awaits a write
 * and says whether it landed.
 */
export function useWriteProblem(): [string | null, (write: Promise<WriteResult<unknown>>) => Promise<boolean>] {
  const [problem, setProblem] = useState<string | null>(null);
  const attempt = async (write: Promise<WriteResult<unknown>>) => {
    const saved = await write;
    setProblem(saved.ok ? null : writeProblemText(saved.problem));
    return saved.ok;
  };
  return [problem, attempt];
}
