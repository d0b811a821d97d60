// An HTTP/2 front for the fake ModelScope, for the bench's Chromium. The fake speaks HTTP/1.1 only, where Chromium opens
// at most 6 connections to a host: more requests than that to one host wait for a free connection, whatever the
// extension does. Over HTTP/2 they share one connection, as with a front that negotiates it. The front terminates TLS
// with the fake's certificate and passes every request to the fake as it came, naming the host it was sent to.
import { Agent, request } from 'node:http';
import { createSecureServer, type Http2Session } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { fakeCertificate } from '@test/fake-modelscope/certificate';

/** Headers that belong to one hop of HTTP/1.1 and that HTTP/2 forbids. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'host', 'http2-settings']);

export interface H2Front {
  port: number;
  spkiHash: string;
  close(): Promise<void>;
}

type Headers = Record<string, string | string[] | undefined>;

function passable(headers: Headers): Record<string, string | string[]> {
  return Object.fromEntries(
    Object.entries(headers).filter((entry): entry is [string, string | string[]] => !entry[0].startsWith(':') && !HOP_BY_HOP.has(entry[0]) && entry[1] !== undefined),
  );
}

/** Listens on 127.0.0.1 (any free port) over HTTPS, HTTP/2 by ALPN (HTTP/1.1 for clients without it), in front of `target`. */
export async function startH2Front(target: string): Promise<H2Front> {
  const { key, cert, spkiHash } = fakeCertificate();
  // As many connections to the fake as requests in flight: the front must not be the bottleneck it removes.
  const agent = new Agent({ keepAlive: true });
  const sessions = new Set<Http2Session>();
  const server = createSecureServer({ key, cert, allowHTTP1: true }, (req, res) => {
    const host = (req.headers[':authority'] as string | undefined) ?? req.headers.host ?? '';
    const upstream = request(
      new URL(req.url, target),
      { method: req.method, headers: { ...passable(req.headers), 'x-forwarded-host': host }, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, passable(answer.headers));
        answer.pipe(res);
      },
    );
    // The fake dropped the connection (its hang-up shapes): the answer ends there.
    upstream.on('error', () => {
      if (!res.headersSent) res.writeHead(502);
      res.end();
    });
    req.pipe(upstream);
  });
  server.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    spkiHash,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const session of sessions) session.destroy();
        agent.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
