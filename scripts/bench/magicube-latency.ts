// The fake answers Magicube at once; ModelScope's website does not. The bench holds each Magicube request for a
// realistic, seeded delay on its way to the fake, as the fake itself holds its probes.
import { seededRandom } from '@test/fake-modelscope/seeded-random';

const MAGICUBE_PATH = '/openapi/v1/magicubes/';

export interface Latency {
  latencyMs: number;
  jitterMs: number;
}

/** About 250 ms to an answer (200 ms plus 0–100 ms), like the probes' 250 ms + 0–100 ms. */
export const MAGICUBE_LATENCY: Latency = { latencyMs: 200, jitterMs: 100 };


export const isMagicube = (input: RequestInfo | URL): boolean =>
  new URL(input instanceof Request ? input.url : String(input)).pathname.startsWith(MAGICUBE_PATH);

/** `fetchFn` with each Magicube request held for latencyMs + 0–jitterMs first; other requests pass at once. */
export function withMagicubeLatency(fetchFn: typeof fetch, { latencyMs, jitterMs }: Latency, seed: number): typeof fetch {
  const random = seededRandom(seed);
  return async (input, init) => {
    if (isMagicube(input)) await new Promise((resolve) => setTimeout(resolve, latencyMs + random() * jitterMs));
    return fetchFn(input, init);
  };
}
