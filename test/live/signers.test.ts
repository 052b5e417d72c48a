import { createHmac } from 'node:crypto';
import {
  binanceWsPayload,
  bitgetPrehash,
  bybitPrehash,
  okxPrehash,
  signBinance,
  signBinanceWsParams,
  signBitget,
  signBybit,
  signOkx,
} from '../../src/live/signers';

// Node's own HMAC (OpenSSL), an implementation independent of the Web Crypto signer under test.
const nodeHmac = (secret: string, text: string, encoding: 'hex' | 'base64'): string =>
  createHmac('sha256', secret).update(text, 'utf8').digest(encoding);

describe('signBinance', () => {
  // Binance Spot API docs, "SIGNED Endpoint Examples for POST /api/v3/order", Example 1 (query string):
  // https://github.com/binance/binance-spot-api-docs/blob/master/rest-api.md#signed-endpoint-examples-for-post-apiv3order
  const apiKey = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
  const secret = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
  const request = {
    method: 'POST' as const,
    path: '/api/v3/order',
    query: [
      ['symbol', 'LTCBTC'],
      ['side', 'BUY'],
      ['type', 'LIMIT'],
      ['timeInForce', 'GTC'],
      ['quantity', '1'],
      ['price', '0.1'],
    ] as const,
    recvWindow: 5000,
    timestamp: 1499827319559,
  };

  it("reproduces the documented signature of Binance's example, byte for byte", async () => {
    const signed = await signBinance(request, { key: apiKey, secret });
    expect(signed.pathAndQuery).toBe(
      '/api/v3/order?symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559' +
        '&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71',
    );
  });

  it('sends the key in X-MBX-APIKEY and nothing of the secret', async () => {
    const signed = await signBinance(request, { key: apiKey, secret });
    expect(signed.headers).toEqual({ 'X-MBX-APIKEY': apiKey });
    expect(JSON.stringify(signed)).not.toContain(secret);
  });

  it('puts recvWindow 5000 and the timestamp after the parameters when none is given', async () => {
    const signed = await signBinance(
      { method: 'GET', path: '/fapi/v3/account', query: [], timestamp: 1700000000000 },
      { key: 'k', secret: 's' },
    );
    const query = 'recvWindow=5000&timestamp=1700000000000';
    expect(signed.pathAndQuery).toBe(`/fapi/v3/account?${query}&signature=${nodeHmac('s', query, 'hex')}`);
  });
});

describe('signBinanceWsParams', () => {
  // Binance WebSocket API docs, "SIGNED request example (HMAC)" (the USDⓈ-M futures WebSocket API signs the same
  // way: every parameter but the signature, sorted by name): binance/binance-spot-api-docs, web-socket-api.md.
  const apiKey = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
  const secret = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
  const params = {
    symbol: 'BTCUSDT',
    side: 'SELL',
    type: 'LIMIT',
    timeInForce: 'GTC',
    quantity: '0.01000000',
    price: '52000.00',
    newOrderRespType: 'ACK',
    recvWindow: 100,
    timestamp: 1645423376532,
  };

  it("signs the parameters sorted by name, and reproduces Binance's documented signature byte for byte", async () => {
    expect(binanceWsPayload({ ...params, apiKey })).toBe(
      'apiKey=vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A&newOrderRespType=ACK&price=52000.00' +
        '&quantity=0.01000000&recvWindow=100&side=SELL&symbol=BTCUSDT&timeInForce=GTC&timestamp=1645423376532&type=LIMIT',
    );
    const signed = await signBinanceWsParams(params, { key: apiKey, secret });
    expect(signed).toEqual({ ...params, apiKey, signature: 'cc15477742bd704c29492d96c7ead9414dfd8e0ec4a00f947bb5bb454ddbd08a' });
    expect(JSON.stringify(signed)).not.toContain(secret);
  });

  it('signs an account request (apiKey, recvWindow, timestamp) as Node\u2019s HMAC does', async () => {
    const signed = await signBinanceWsParams({ recvWindow: 5000, timestamp: 1702620814781 }, { key: 'k', secret: 's' });
    expect(signed.signature).toBe(nodeHmac('s', 'apiKey=k&recvWindow=5000&timestamp=1702620814781', 'hex'));
  });
});

describe('signOkx', () => {
  // OKX's official SDK test, okcoin-okex/open-api-v3-sdk, okex-java-sdk-api SignatureTest.java:
  // timestamp 2018-03-08T10:59:25.789Z, POST /orders?before=2&limit=30 with a JSON body, secret
  // E65791902180E9EF4510DB6A77F6EBAE, expected TO6uwdqz+31SIPkd4I+9NiZGmVH74dXi+Fd5X0EzzSQ= (the same rule,
  // timestamp + method + requestPath + body, is the v5 one).
  it("reproduces the signature of OKX's own SDK test, byte for byte", async () => {
    const signed = await signOkx(
      {
        method: 'POST',
        path: '/orders',
        query: [
          ['before', '2'],
          ['limit', '30'],
        ],
        body: '{"product_id":"BTC-USD-0309","order_id":"377454671037440"}',
        timestamp: Date.parse('2018-03-08T10:59:25.789Z'),
      },
      { key: 'key', secret: 'E65791902180E9EF4510DB6A77F6EBAE', passphrase: 'phrase' },
    );
    expect(signed.headers['OK-ACCESS-SIGN']).toBe('TO6uwdqz+31SIPkd4I+9NiZGmVH74dXi+Fd5X0EzzSQ=');
    expect(signed.headers['OK-ACCESS-TIMESTAMP']).toBe('2018-03-08T10:59:25.789Z');
    expect(signed.pathAndQuery).toBe('/orders?before=2&limit=30');
  });

  // OKX v5 docs, REST authentication: sign = Base64(HmacSHA256(timestamp + 'GET' + '/api/v5/account/balance?ccy=BTC', SecretKey)),
  // timestamp e.g. 2020-12-08T09:08:57.715Z (the docs give no digest: it is checked against Node's HMAC).
  it("signs the v5 docs' GET example: the query is part of requestPath, no body", async () => {
    const timestamp = Date.parse('2020-12-08T09:08:57.715Z');
    const secret = '22582BD0CFF14C41EDBF1AB98506286D';
    const signed = await signOkx(
      { method: 'GET', path: '/api/v5/account/balance', query: [['ccy', 'BTC']], timestamp },
      { key: 'the-key', secret, passphrase: 'the-phrase' },
    );
    const prehash = '2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC';
    expect(okxPrehash('2020-12-08T09:08:57.715Z', 'GET', '/api/v5/account/balance?ccy=BTC', '')).toBe(prehash);
    expect(signed.headers).toEqual({
      'OK-ACCESS-KEY': 'the-key',
      'OK-ACCESS-SIGN': nodeHmac(secret, prehash, 'base64'),
      'OK-ACCESS-TIMESTAMP': '2020-12-08T09:08:57.715Z',
      'OK-ACCESS-PASSPHRASE': 'the-phrase',
      'Content-Type': 'application/json',
    });
  });

  it('refuses to sign without a passphrase, naming it and not the secret', async () => {
    await expect(
      signOkx({ method: 'GET', path: '/api/v5/account/balance', query: [], timestamp: 0 }, { key: 'k', secret: 'SECRET-1' }),
    ).rejects.toThrow('OKX signs with a passphrase, and none was given');
  });
});

describe('signBitget', () => {
  // Bitget API docs, "Signature" (https://www.bitget.com/api-doc/common/signature): the content to sign for
  // the GET and POST examples, quoted byte for byte. The docs publish no secret or digest for them, so the
  // digest is checked against Node's HMAC of the documented text.
  const docGet = '16273667805456GET/api/mix/v2/market/depth?limit=20&symbol=BTCUSDT';
  const docBody =
    '{"productType":"usdt-futures","symbol":"BTCUSDT","size":"8","marginMode":"crossed","side":"buy","orderType":"limit","clientOid":"channel#123456"}';
  const docPost = `16273667805456POST/api/v2/mix/order/place-order${docBody}`;

  it("builds the docs' GET content to sign, byte for byte, and signs it as base64 HMAC-SHA256", async () => {
    expect(bitgetPrehash('16273667805456', 'GET', '/api/mix/v2/market/depth', 'limit=20&symbol=BTCUSDT', '')).toBe(docGet);
    const signed = await signBitget(
      {
        method: 'GET',
        path: '/api/mix/v2/market/depth',
        query: [
          ['limit', '20'],
          ['symbol', 'BTCUSDT'],
        ],
        timestamp: 16273667805456,
      },
      { key: 'bg-key', secret: 'bg-secret', passphrase: 'bg-phrase' },
    );
    expect(signed.pathAndQuery).toBe('/api/mix/v2/market/depth?limit=20&symbol=BTCUSDT');
    expect(signed.headers).toEqual({
      'ACCESS-KEY': 'bg-key',
      'ACCESS-SIGN': nodeHmac('bg-secret', docGet, 'base64'),
      'ACCESS-TIMESTAMP': '16273667805456',
      'ACCESS-PASSPHRASE': 'bg-phrase',
      'Content-Type': 'application/json',
      locale: 'en-US',
    });
  });

  it("builds the docs' POST content to sign: no '?' without a query, the body verbatim", async () => {
    expect(bitgetPrehash('16273667805456', 'POST', '/api/v2/mix/order/place-order', '', docBody)).toBe(docPost);
    const signed = await signBitget(
      { method: 'POST', path: '/api/v2/mix/order/place-order', query: [], body: docBody, timestamp: 16273667805456 },
      { key: 'k', secret: 's', passphrase: 'p' },
    );
    expect(signed.headers['ACCESS-SIGN']).toBe(nodeHmac('s', docPost, 'base64'));
    expect(signed.body).toBe(docBody);
  });
});

describe('signBybit', () => {
  // Bybit v5 docs, "Integration Guidance" (https://bybit-exchange.github.io/docs/v5/guide), the GET example:
  // timestamp 1658384314791, api_key XXXXXXXXXX, recv_window 5000, queryString
  // category=option&symbol=BTC-29JUL22-25000-C. The docs quote the string to sign; the digest they print
  // comes without its secret (and is printed unchanged for another query), so the digest is checked against
  // Node's HMAC of the documented string.
  const docString = '1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C';

  it("builds the docs' string to sign, byte for byte, and signs it as lower-case hex HMAC-SHA256", async () => {
    expect(bybitPrehash('1658384314791', 'XXXXXXXXXX', '5000', 'category=option&symbol=BTC-29JUL22-25000-C')).toBe(docString);
    const signed = await signBybit(
      {
        method: 'GET',
        path: '/v5/order/realtime',
        query: [
          ['category', 'option'],
          ['symbol', 'BTC-29JUL22-25000-C'],
        ],
        recvWindow: 5000,
        timestamp: 1658384314791,
      },
      { key: 'XXXXXXXXXX', secret: 'bybit-secret' },
    );
    expect(signed.pathAndQuery).toBe('/v5/order/realtime?category=option&symbol=BTC-29JUL22-25000-C');
    expect(signed.headers).toEqual({
      'X-BAPI-API-KEY': 'XXXXXXXXXX',
      'X-BAPI-SIGN': nodeHmac('bybit-secret', docString, 'hex'),
      'X-BAPI-TIMESTAMP': '1658384314791',
      'X-BAPI-RECV-WINDOW': '5000',
    });
  });

  it("signs the docs' POST example over the JSON body, not the query", async () => {
    // Same page, POST: timestamp 1658385579423, jsonBodyString {"category": "option"}.
    const body = '{"category": "option"}';
    const signed = await signBybit(
      { method: 'POST', path: '/v5/order/create', query: [], body, recvWindow: 5000, timestamp: 1658385579423 },
      { key: 'XXXXXXXXXX', secret: 'bybit-secret' },
    );
    expect(signed.headers['X-BAPI-SIGN']).toBe(nodeHmac('bybit-secret', `1658385579423XXXXXXXXXX5000${body}`, 'hex'));
  });
});
