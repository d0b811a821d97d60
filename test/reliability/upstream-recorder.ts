import { createServer } from 'node:net';
import { parseProbe } from '../fake-modelscope/behaviours';
import type { FakeModelScope } from '../fake-modelscope/server';
import { fetchRoutedTo } from '../support/routed-fetch';

// Taken before any test stubs the global.
const realFetch = globalThis.fetch;

/** A model id the fake does not serve: its requests go to a port nobody listens on, as to a host that cannot be reached. */
export const UNREACHABLE_MODEL = 'fault/unreachable-host';

/** One request the extension sent, and what came back: an HTTP status, or null when no answer arrived. */
export interface Attempt {
  host: string;
  path: string;
  model: string | null;
  status: number | null;
}

/** A local port that refuses connections: one that was just listened on and closed again. */
export async function refusingPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * The extension's `fetch`, routed to the fake, recording every request it sends (whether or not anything answers).
 * Requests for `UNREACHABLE_MODEL`, or to a host listed as unreachable, go to a refusing port instead.
 */
export function recordingFetch(fake: FakeModelScope, deadPort: number, unreachableHosts: readonly string[] = []) {
  const routed = fetchRoutedTo(fake);
  const attempts: Attempt[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const model = typeof init?.body === 'string' ? (parseProbe(init.body)?.model ?? null) : null;
    const attempt: Attempt = { host: url.host, path: url.pathname, model, status: null };
    attempts.push(attempt);
    const unreachable = model === UNREACHABLE_MODEL || unreachableHosts.includes(url.host);
    const response = unreachable
      ? await realFetch(`http://127.0.0.1:${deadPort}${url.pathname}`, init)
      : await routed(input, init);
    attempt.status = response.status;
    return response;
  };
  return {
    fetchFn,
    attempts,
    /** Requests sent for one model (probes), in order. */
    sentFor: (model: string) => attempts.filter((attempt) => attempt.model === model),
  };
}
