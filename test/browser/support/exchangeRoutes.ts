import WebSocket from 'ws';
import type { BrowserContext } from 'playwright-core';
import type { AccountServer } from '../../support/accountServer';
import type { ExchangeStandIn } from '../../support/exchangeStandIns';

/** The stand-ins OKX's hosts are routed to; read on each request, so a test may start fresh ones. */
export interface OkxStandIns {
  readonly rest: ExchangeStandIn;
  readonly ws: AccountServer;
}

/**
 * Routes OKX's REST host and private websocket to local stand-ins (the REST one verifies every signature; the
 * websocket one the login), so the page talks to the hosts its security policy names, and the real bundle does
 * the signing, the key check and the streaming.
 */
export async function routeOkx(context: BrowserContext, current: () => OkxStandIns): Promise<void> {
  await context.route('https://www.okx.com/**', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    const headers = Object.fromEntries(Object.entries(request.headers()).filter(([name]) => !/^(host|origin|referer)$/i.test(name)));
    const answer = await fetch(`${current().rest.base}${url.pathname}${url.search}`, { method: request.method(), headers });
    await route.fulfill({
      status: answer.status,
      headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*', 'access-control-allow-headers': '*' },
      body: await answer.text(),
    });
  });
  await proxyWebSocket(context, 'wss://ws.okx.com:8443/ws/v5/private', () => current().ws.urls().okx.stream);
}

/** Relays a websocket the page opens to `upstream(url)`, message by message, both ways. */
async function proxyWebSocket(context: BrowserContext, pattern: string | RegExp, upstream: (url: string) => string): Promise<void> {
  await context.routeWebSocket(pattern, (route) => {
    const socket = new WebSocket(upstream(route.url()));
    const queued: string[] = [];
    socket.on('open', () => queued.splice(0).forEach((m) => socket.send(m)));
    socket.on('message', (data) => route.send(data.toString()));
    socket.on('close', () => route.close());
    route.onMessage((message) => {
      const text = typeof message === 'string' ? message : message.toString();
      if (socket.readyState === WebSocket.OPEN) socket.send(text);
      else queued.push(text);
    });
    route.onClose(() => socket.close());
  });
}

/** The stand-ins Binance's hosts are routed to, and what the routes saw. */
export interface BinanceStandIns {
  readonly rest: ExchangeStandIn;
  readonly ws: AccountServer;
  /** REST requests that carried X-MBX-APIKEY, refused as a browser may refuse to send the header across origins. */
  readonly keyHeaderRefused: string[];
}

/**
 * Routes Binance's hosts to local stand-ins: the WebSocket API and the user data stream to the websocket stand-in;
 * REST to the REST stand-in, except that a request carrying the key header is refused before it leaves, as a
 * browser refuses a cross-origin header the exchange does not allow.
 */
export async function routeBinance(context: BrowserContext, current: () => BinanceStandIns): Promise<void> {
  for (const host of ['https://fapi.binance.com/**', 'https://api.binance.com/**']) {
    await context.route(host, async (route) => {
      const request = route.request();
      const url = new URL(request.url());
      if ((await request.allHeaders())['x-mbx-apikey'] !== undefined) {
        current().keyHeaderRefused.push(url.pathname);
        await route.abort('accessdenied');
        return;
      }
      const answer = await fetch(`${current().rest.base}${url.pathname}${url.search}`, { method: request.method() });
      await route.fulfill({
        status: answer.status,
        headers: { 'content-type': 'application/json', 'access-control-allow-origin': '*' },
        body: await answer.text(),
      });
    });
  }
  await proxyWebSocket(context, 'wss://ws-fapi.binance.com/ws-fapi/v1', () => current().ws.urls().binance.api ?? '');
  await proxyWebSocket(context, /^wss:\/\/fstream\.binance\.com\/ws\//, (url) => {
    const listenKey = url.slice(url.lastIndexOf('/') + 1);
    return `${current().ws.urls().binance.stream}/ws/${listenKey}`;
  });
}
