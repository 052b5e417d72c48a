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
  await context.routeWebSocket('wss://ws.okx.com:8443/ws/v5/private', (route) => {
    const upstream = new WebSocket(current().ws.urls().okx.stream);
    const queued: string[] = [];
    upstream.on('open', () => queued.splice(0).forEach((m) => upstream.send(m)));
    upstream.on('message', (data) => route.send(data.toString()));
    upstream.on('close', () => route.close());
    route.onMessage((message) => {
      const text = typeof message === 'string' ? message : message.toString();
      if (upstream.readyState === WebSocket.OPEN) upstream.send(text);
      else queued.push(text);
    });
    route.onClose(() => upstream.close());
  });
}
