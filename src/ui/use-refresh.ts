import { useEffect, useState } from 'react';
import { ask, askedText } from './messaging';

/**
 * Asks the background to read the active account's free sources when a page opens on it, or another key becomes the
 * active one; the background reads only when its figures are older than a minute, and what it reads reaches the page
 * through storage. Gives why the read could not be asked for, if it could not (null otherwise).
 */
export function useRefresh(keyId: string | null | undefined): string | null {
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setProblem(null);
    if (!keyId) return;
    let live = true;
    void ask({ command: 'refresh' }).then((asked) => {
      if (live) setProblem(asked.ok && asked.reply.ok ? null : askedText(asked));
    });
    return () => {
      live = false;
    };
  }, [keyId]);
  return problem;
}
