import type { FakeModelScope } from '../fake-modelscope/server';
import { MODELSCOPE_HOSTS } from '../fake-modelscope/sites';

// Taken before any test stubs the global, which it may route through this.
const realFetch = globalThis.fetch;
const MODELSCOPE_ORIGINS = MODELSCOPE_HOSTS.map((host) => `https://${host}`);

/**
 * A `fetch` for Node tests that keeps the extension's production URLs but delivers ModelScope's hosts (both sites')
 * to the fake, which tells the sites apart by the X-Forwarded-Host this sets. Any other host is refused loudly, so a
 * test notices a request that should never have left.
 */
export function fetchRoutedTo(fake: FakeModelScope): typeof fetch {
  return async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!MODELSCOPE_ORIGINS.includes(url.origin)) throw new Error(`test refused a request to ${url.origin}`);
    const routed = `${fake.url}${url.pathname}${url.search}`;
    const headers = new Headers(init?.headers);
    headers.set('x-forwarded-host', url.host);
    return realFetch(routed, { ...init, headers });
  };
}
