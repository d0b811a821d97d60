/** What a client under test sent through a stubbed `fetch`. */
export interface StubbedRequest {
  url: URL;
  method: string;
  headers: Headers;
  credentials: RequestCredentials | undefined;
}

/** How the stub answers one request: a response, a network error, or never (until the client's deadline aborts). */
export type StubAnswer = Response | 'network-error' | 'hang';

/** A `fetch` for unit tests that records each request and answers it from `answer`, without any server. */
export function stubFetch(answer: (url: URL, request: StubbedRequest) => StubAnswer | Promise<StubAnswer>) {
  const requests: StubbedRequest[] = [];
  const fetchFn: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const request: StubbedRequest = {
      url,
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      credentials: init?.credentials,
    };
    requests.push(request);
    const reply = await answer(url, request);
    if (reply === 'network-error') throw new TypeError('fetch failed');
    if (reply === 'hang') {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      });
    }
    return reply;
  };
  return { fetchFn, requests };
}

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function textResponse(status: number, body: string, contentType = 'text/html'): Response {
  return new Response(body, { status, headers: { 'content-type': contentType } });
}
