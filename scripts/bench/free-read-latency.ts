// The fake answers the free reads at once; ModelScope's website does not. The bench holds each free read (the Magicube
// endpoints and the provider list) for a realistic, seeded delay on its way to the fake, as the fake itself holds its
// probes.
import { seededRandom } from '@test/fake-modelscope/seeded-random';

const MAGICUBE_PATH = '/openapi/v1/magicubes/';
const PROVIDER_LIST_PATH = '/api/v1/inference/list_model_providers';

export interface Latency {
  latencyMs: number;
  jitterMs: number;
}

/** About 250 ms to an answer (200 ms plus 0–100 ms), like the probes' 250 ms + 0–100 ms. */
export const FREE_READ_LATENCY: Latency = { latencyMs: 200, jitterMs: 100 };

const pathOf = (input: RequestInfo | URL | string): string => new URL(input instanceof Request ? input.url : String(input), 'https://modelscope.cn').pathname;

export const isMagicube = (input: RequestInfo | URL | string): boolean => pathOf(input).startsWith(MAGICUBE_PATH);
export const isProviderList = (input: RequestInfo | URL | string): boolean => pathOf(input) === PROVIDER_LIST_PATH;
/** A read that costs nothing: the Magicube family (token) or the provider list (keyless). */
export const isFreeRead = (input: RequestInfo | URL | string): boolean => isMagicube(input) || isProviderList(input);

/** `fetchFn` with each free read held for latencyMs + 0–jitterMs first; other requests (probes) pass at once. */
export function withFreeReadLatency(fetchFn: typeof fetch, { latencyMs, jitterMs }: Latency, seed: number): typeof fetch {
  const random = seededRandom(seed);
  return async (input, init) => {
    if (isFreeRead(input)) await new Promise((resolve) => setTimeout(resolve, latencyMs + random() * jitterMs));
    return fetchFn(input, init);
  };
}
