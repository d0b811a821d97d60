// The fake answers Magicube at once; ModelScope's website does not. The bench holds each Magicube request for a
// realistic, seeded delay on its way to the fake, as the fake itself holds its probes.

const MAGICUBE_PATH = '/openapi/v1/magicubes/';

export interface Latency {
  latencyMs: number;
  jitterMs: number;
}

/** About 250 ms to an answer (200 ms plus 0–100 ms), like the probes' 250 ms + 0–100 ms. */
export const MAGICUBE_LATENCY: Latency = { latencyMs: 200, jitterMs: 100 };

/** mulberry32, as the fake seeds its own jitter: the same seed gives the same delays. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
