// Small helpers to answer a request; all of them do nothing once the client has gone away.
import type { ServerResponse } from 'node:http';

type Headers = Readonly<Record<string, string>>;

function send(res: ServerResponse, status: number, contentType: string | null, body: string, headers: Headers): void {
  if (res.destroyed) return;
  res.writeHead(status, {
    ...headers,
    ...(contentType === null ? {} : { 'content-type': contentType }),
    'content-length': String(Buffer.byteLength(body)),
  });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Headers = {}): void {
  send(res, status, 'application/json', JSON.stringify(body), headers);
}

export function sendText(res: ServerResponse, status: number, body: string, headers: Headers = {}): void {
  send(res, status, 'text/plain; charset=utf-8', body, headers);
}

export function sendHtml(res: ServerResponse, status: number, page: string): void {
  send(res, status, 'text/html', page, {});
}

export function sendEmpty(res: ServerResponse, status: number): void {
  send(res, status, null, '', {});
}

/** Sends the status line, headers and half of `body`, then drops the connection. */
export function sendHalfThenReset(res: ServerResponse, body: unknown, headers: Headers): void {
  if (res.destroyed) return;
  const text = JSON.stringify(body);
  res.writeHead(200, { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) });
  res.write(text.slice(0, text.length / 2), () => res.destroy());
}

/** Resolves true after `ms`, or false as soon as the client goes away (so aborted requests end early). */
export function wait(ms: number, res: ServerResponse): Promise<boolean> {
  if (res.destroyed) return Promise.resolve(false);
  if (ms <= 0) return Promise.resolve(true);
  return new Promise((resolve) => {
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      res.off('close', onClose);
      resolve(true);
    }, ms);
    res.once('close', onClose);
  });
}
