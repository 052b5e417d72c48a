import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { LiveExchange } from '../../../src/live';
import { errorAnswer } from './errors';
import type { Route } from './routes';
import { defaultRoutes } from './routes';
import type { SignedRequestSeen, StandInKey } from './verify';
import { verifySigned } from './verify';

export type { Refusal } from './errors';
export { errorAnswer } from './errors';
export type { Answer, Route } from './routes';
export { defaultRoutes, fixture } from './routes';
export type { SignedRequestSeen, StandInKey } from './verify';
export { verifySigned } from './verify';

/**
 * A local http server on 127.0.0.1 that plays one exchange's REST API: it checks each signed request's
 * documented headers and signature with its own HMAC, refuses as the exchange does (bad signature, expired
 * timestamp, IP not whitelisted, unknown key), and answers with documented responses. Tests change `routes`,
 * `clockOffsetMs` (the stand-in's clock minus the real one) and `ipWhitelisted` as they go.
 */
export interface ExchangeStandIn {
  readonly exchange: LiveExchange;
  /** `http://127.0.0.1:PORT`, for `MULTIASSET_<EXCHANGE>_REST`. */
  readonly base: string;
  readonly key: StandInKey;
  readonly routes: Record<string, Route>;
  /** Every request received, in order. */
  readonly requests: SignedRequestSeen[];
  clockOffsetMs: number;
  ipWhitelisted: boolean;
  /** Takes requests and never answers them (an exchange that has gone quiet). */
  silent: boolean;
  close(): Promise<void>;
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  response.end(text);
}

export async function startExchangeStandIn(exchange: LiveExchange, key: StandInKey): Promise<ExchangeStandIn> {
  const state = {
    exchange,
    key,
    routes: defaultRoutes(exchange),
    requests: [] as SignedRequestSeen[],
    clockOffsetMs: 0,
    ipWhitelisted: true,
    silent: false,
  };
  const server: Server = createServer((request, response) => {
    void (async () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const raw = (request.url ?? '').includes('?') ? (request.url ?? '').slice((request.url ?? '').indexOf('?') + 1) : '';
      const seen: SignedRequestSeen = {
        method: request.method ?? 'GET',
        path: url.pathname,
        query: raw,
        headers: request.headers,
        body: await bodyOf(request),
      };
      state.requests.push(seen);
      if (state.silent) return undefined;
      const route = state.routes[url.pathname];
      if (route === undefined) return send(response, 404, { code: 404, msg: `no route ${url.pathname}` });
      if (route.signed) {
        if (!state.ipWhitelisted) {
          const refused = errorAnswer(exchange, 'ipNotWhitelisted', request.socket.remoteAddress ?? '');
          return send(response, refused.status, refused.body);
        }
        const problem = verifySigned(exchange, seen, key, Date.now() + state.clockOffsetMs);
        if (problem) {
          const refused = errorAnswer(exchange, problem.refusal, problem.detail);
          return send(response, refused.status, refused.body);
        }
      }
      const answer =
        typeof route.answer === 'function' ? (route.answer as (q: URLSearchParams) => unknown)(url.searchParams) : route.answer;
      return send(response, 200, answer);
    })().catch((error: unknown) => send(response, 500, { msg: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const standIn: ExchangeStandIn = Object.assign(state, {
    base: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  });
  return standIn;
}
