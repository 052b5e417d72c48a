import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { constants, createBrotliCompress, createDeflate, createGzip, gzipSync } from 'node:zlib';

/**
 * A hostile HTTP server on 127.0.0.1. Whatever the path, the first segment picks the behaviour, so any
 * exchange URL can be pointed at it (`${base}/huge/fapi/v1/premiumIndex?symbol=BTCUSDT`):
 *
 * - `huge`: 2 GB of body, made lazily while the client reads (no Content-Length);
 * - `announced`: the same, announced by a Content-Length of 2 GB;
 * - `gzip-bomb`: 1 MB of gzip that inflates to about 1 GB;
 * - `gzip-stream-bomb`, `deflate-bomb`, `br-bomb`: 1 GB compressed on the fly as the client reads (one gzip
 *   member: browsers decode only the first member of a multi-member gzip);
 * - `bad-gzip`: a body that says gzip and is not; `compress`: an encoding nobody asked for;
 * - `latin1`: a body that is not UTF-8; `silent`: headers never come; `cut`: the connection drops mid-body;
 * - `echo`: not hostile, answers with the request headers it was sent.
 */

export const GB = 1024 * 1024 * 1024;

/** `total` bytes of `0`, produced only as fast as the reader takes them. */
export function lazyZeros(total: number): Readable {
  const chunk = Buffer.alloc(64 * 1024, 0x30);
  let sent = 0;
  return new Readable({
    read() {
      if (sent >= total) {
        this.push(null);
        return;
      }
      const size = Math.min(chunk.length, total - sent);
      sent += size;
      this.push(size === chunk.length ? chunk : chunk.subarray(0, size));
    },
  });
}

/** About 1 MB of gzip that inflates to about 1 GB: identical gzip members one after another, as RFC 1952 allows. */
function gzipBomb(): Buffer {
  const member = gzipSync(Buffer.alloc(1024 * 1024, 0x30), { level: 9 });
  return Buffer.concat(Array.from({ length: Math.ceil((1024 * 1024) / member.length) }, () => member));
}

export interface HostileServer {
  readonly base: string;
  /** Bytes the server sent (after compression), per behaviour: proof that the client stopped early. */
  readonly sent: Record<string, number>;
  close(): Promise<void>;
}

function stream(res: ServerResponse, body: Readable, counts: Record<string, number>, kind: string): void {
  body.on('data', (chunk: Buffer) => {
    counts[kind] = (counts[kind] ?? 0) + chunk.length;
  });
  body.pipe(res);
  res.on('close', () => body.destroy());
}

export async function startHostileServer(): Promise<HostileServer> {
  const bomb = gzipBomb();
  const sent: Record<string, number> = {};
  const server: Server = createServer((req, res) => {
    // The pane in a browser reads it cross-origin, as it reads an exchange.
    res.setHeader('access-control-allow-origin', '*');
    const kind = (req.url ?? '/').split('/')[1]?.split('?')[0] ?? '';
    switch (kind) {
      case 'huge':
        res.writeHead(200, { 'content-type': 'application/json' });
        return stream(res, lazyZeros(2 * GB), sent, kind);
      case 'announced':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2 * GB) });
        return stream(res, lazyZeros(2 * GB), sent, kind);
      case 'gzip-bomb':
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return stream(res, Readable.from([bomb]), sent, kind);
      case 'gzip-stream-bomb':
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return stream(res, lazyZeros(GB).pipe(createGzip()), sent, kind);
      case 'deflate-bomb':
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'deflate' });
        return stream(res, lazyZeros(GB).pipe(createDeflate()), sent, kind);
      case 'br-bomb':
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'br' });
        return stream(res, lazyZeros(GB).pipe(createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })), sent, kind);
      case 'bad-gzip':
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
        return void res.end('{"symbol":"BTCUSDT"}');
      case 'compress':
        res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'compress' });
        return void res.end('{}');
      case 'latin1':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(Buffer.from('{"symbol":"BTCUSDT","note":"caf\xe9"}', 'latin1'));
      case 'cut':
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000' });
        res.write('{"symbol":"BTC');
        return void setTimeout(() => res.destroy(), 20);
      case 'echo':
        res.writeHead(200, { 'content-type': 'application/json' });
        return void res.end(JSON.stringify({ key: req.headers['x-mbx-apikey'] ?? null, encoding: req.headers['accept-encoding'] ?? null }));
      case 'silent':
        return; // never answers
      default:
        res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    sent,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
