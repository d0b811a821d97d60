import type { Site } from '@src/contract/site';

export type FetchFn = typeof fetch;

export interface HttpOptions {
  timeoutMs: number;
  fetchFn?: FetchFn;
}

/** A request to one of ModelScope's sites: which one, besides how long it may take. */
export interface SiteRequestOptions extends HttpOptions {
  site: Site;
}

export interface HttpAnswer<T> {
  ok: true;
  status: number;
  headers: Headers;
  /** Milliseconds until the response headers arrived. */
  latencyMs: number;
  body: T;
}

export interface HttpFailure {
  ok: false;
  kind: 'network' | 'timeout';
  error: string;
  latencyMs: number;
}

/**
 * One request to ModelScope under a hard deadline that covers the headers and the body read (MV3 kills a service
 * worker whose fetch runs past 30 s). `readBody` must not throw. Cookies are never sent: the token is the credential.
 */
export async function fetchWithDeadline<T>(
  url: string,
  init: RequestInit,
  options: HttpOptions,
  readBody: (response: Response) => Promise<T>,
): Promise<HttpAnswer<T> | HttpFailure> {
  const fetchFn = options.fetchFn ?? fetch;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  const started = performance.now();
  try {
    const response = await fetchFn(url, { ...init, signal: controller.signal, credentials: 'omit', cache: 'no-store' });
    const latencyMs = Math.round(performance.now() - started);
    const body = await readBody(response);
    return { ok: true, status: response.status, headers: response.headers, latencyMs, body };
  } catch {
    const latencyMs = Math.round(performance.now() - started);
    return controller.signal.aborted
      ? { ok: false, kind: 'timeout', error: `ModelScope did not answer within ${options.timeoutMs / 1000} s`, latencyMs }
      : { ok: false, kind: 'network', error: 'Could not reach ModelScope (network error)', latencyMs };
  } finally {
    clearTimeout(timer);
  }
}

const ERROR_BODY_MAX_CHARS = 64 * 1024;

/** Reads at most `maxChars` of text; a body that breaks off mid-way gives what arrived, never a throw. */
export async function readBoundedText(response: Response, maxChars = ERROR_BODY_MAX_CHARS): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length < maxChars) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return text;
  } finally {
    reader.cancel().catch(() => undefined);
  }
  return text.slice(0, maxChars);
}

/** For answers whose headers are all we need: let the body go without reading it. */
export async function discardBody(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** Parses JSON text, or gives undefined. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
