import { activeApiKey } from '@src/storage/keyring';

/** Who sent a message: our own pages, or another extension (which never sees or uses anything saved). */
export interface Caller {
  external: boolean;
}

/** The key a request runs with: the one it sent, or for our own pages only, the active saved key. */
export async function callerApiKey(requestKey: string | undefined, caller: Caller): Promise<string | undefined> {
  if (requestKey !== undefined || caller.external) return requestKey;
  return (await activeApiKey()) ?? undefined;
}
