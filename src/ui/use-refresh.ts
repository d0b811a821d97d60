import { useEffect, useState } from 'react';
import { MAX_MODELS_PER_REQUEST } from '@src/contract';
import { ask, askedText } from './messaging';

/**
 * Asks the background to read the active account's free sources, and the offers of `models` (the active list) that
 * are due, when a page opens on it, another key becomes the active one, or another list is shown; the background reads
 * only what is older than it keeps (a minute for the account, a day for an offer), and what it reads reaches the page
 * through storage. Gives why the read could not be asked for, if it could not (null otherwise).
 */
export function useRefresh(keyId: string | null | undefined, models: readonly string[] | undefined): string | null {
  const [problem, setProblem] = useState<string | null>(null);
  // As one string, so a new array of the same models asks nothing again.
  const listed = models?.slice(0, MAX_MODELS_PER_REQUEST).join('\n');
  useEffect(() => {
    setProblem(null);
    if (!keyId || listed === undefined) return;
    let live = true;
    const named = listed === '' ? {} : { models: listed.split('\n') };
    void ask({ command: 'refresh', ...named }).then((asked) => {
      if (live) setProblem(asked.ok && asked.reply.ok ? null : askedText(asked));
    });
    return () => {
      live = false;
    };
  }, [keyId, listed]);
  return problem;
}
