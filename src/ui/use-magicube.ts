import { useEffect, useState } from 'react';
import type { MagicubeReply } from '@src/contract';
import { ask } from './messaging';

/** The Magicube balance of the active key, read once per key: the endpoint is free, so no cache is needed. */
export function useMagicube(secret: string | null | undefined): MagicubeReply | undefined {
  const [reply, setReply] = useState<MagicubeReply>();
  useEffect(() => {
    setReply(undefined);
    if (!secret) return;
    let live = true;
    ask({ type: 'magicube' })
      .then((answer) => live && setReply(answer))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [secret]);
  return reply;
}
