import { useEffect, useState } from 'react';
import type { MagicubeReply } from '@src/contract';
import { ask } from './messaging';

/**
 * The Magicube balance of the active key, read once per key: the endpoint is free, so no cache is needed. Without a
 * usable reply nothing is shown: the balance is extra, and the check's own status says when the background is gone.
 */
export function useMagicube(secret: string | null | undefined): MagicubeReply | undefined {
  const [reply, setReply] = useState<MagicubeReply>();
  useEffect(() => {
    setReply(undefined);
    if (!secret) return;
    let live = true;
    void ask({ type: 'magicube' }).then((asked) => live && asked.ok && setReply(asked.reply));
    return () => {
      live = false;
    };
  }, [secret]);
  return reply;
}
