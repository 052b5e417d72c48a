import { BYBIT_MAX_PAGES, createRestClient, fetchLiveAccount, webFetchBody } from '../../src/live';
import type { ExchangeStandIn } from '../support/exchangeStandIns';
import { fixture, startExchangeStandIn } from '../support/exchangeStandIns';

const KEY = { key: 'bybit-key-7', secret: 'bybit-secret-Z4' };
const fetchLive = webFetchBody;

let bybit: ExchangeStandIn;
beforeAll(async () => {
  bybit = await startExchangeStandIn('bybit', KEY);
});
afterAll(() => bybit.close());

const doc = fixture('account/bybit-position-list.json') as { result: { list: Record<string, unknown>[] } };
const row = (symbol: string): Record<string, unknown> => ({ ...doc.result.list[0], symbol });
const page = (symbols: string[], cursor: string) => ({
  retCode: 0,
  retMsg: 'OK',
  result: { list: symbols.map(row), nextPageCursor: cursor, category: 'linear' },
  retExtInfo: {},
  time: 1,
});

describe('fetchLiveAccount (Bybit)', () => {
  it('follows nextPageCursor, page by page, and joins the pages into one linear positions response', async () => {
    bybit.routes['/v5/position/list'] = {
      signed: true,
      answer: (q: URLSearchParams) =>
        q.get('settleCoin') === 'USDC'
          ? page(['ETHPERP'], '')
          : q.get('cursor') === 'p2'
            ? page(['SOLUSDT'], '')
            : page(['BTCUSDT', 'ETHUSDT'], 'p2'),
    };
    bybit.requests.length = 0;
    const live = await fetchLiveAccount(createRestClient({ exchange: 'bybit', base: bybit.base, credentials: KEY, fetch: fetchLive }));
    const positions = live.documents[1] as { result: { list: { symbol: string }[]; category: string } };
    expect(positions.result.category).toBe('linear');
    expect(positions.result.list.map((p) => p.symbol)).toEqual(['BTCUSDT', 'ETHUSDT', 'SOLUSDT', 'ETHPERP']);
    expect(bybit.requests.map((r) => r.query).slice(1)).toEqual([
      'category=linear&settleCoin=USDT&limit=200',
      'category=linear&settleCoin=USDT&limit=200&cursor=p2',
      'category=linear&settleCoin=USDC&limit=200',
    ]);
  });

  it('stops, and says so, when the pages do not end', async () => {
    bybit.routes['/v5/position/list'] = { signed: true, answer: () => page([], 'again') };
    const client = createRestClient({ exchange: 'bybit', base: bybit.base, credentials: KEY, fetch: fetchLive });
    await expect(fetchLiveAccount(client)).rejects.toThrow(
      `Bybit GET /v5/position/list: more than ${BYBIT_MAX_PAGES} pages of USDT positions; stopped reading`,
    );
  });
});

describe('fetchLiveAccount (Binance)', () => {
  const BN = { key: 'bn-key-3', secret: 'bn-secret-K8' };
  let binance: ExchangeStandIn;
  beforeAll(async () => {
    binance = await startExchangeStandIn('binance', BN);
  });
  afterAll(() => binance.close());
  const fetchBinance = () =>
    fetchLiveAccount(createRestClient({ exchange: 'binance', base: binance.base, credentials: BN, fetch: fetchLive }));

  it('prices only the collateral assets the account holds, other than USDT, from the asset index', async () => {
    const index = fixture('api/binance-assetIndex.json') as Record<string, unknown>[];
    const account = fixture('account/binance-account-v2.json') as { assets: Record<string, unknown>[] };
    binance.routes['/fapi/v3/account'] = {
      signed: true,
      answer: { ...account, assets: [...account.assets, { ...account.assets[0], asset: 'BTC' }] },
    };
    binance.routes['/fapi/v1/assetIndex'] = { signed: false, answer: index };
    const live = await fetchBinance();
    // BTC is in the index; BUSD is not (it stays unpriced); ETH, ADA… are not held.
    expect([...live.prices].map(([asset, price]) => [asset, price.toString()])).toEqual([['BTC', '91234.56']]);
    expect(live.requests).toEqual(['GET /fapi/v3/account (signed)', 'GET /fapi/v3/positionRisk (signed)', 'GET /fapi/v1/assetIndex']);
  });

  it('refuses a malformed asset index, naming the field', async () => {
    binance.routes['/fapi/v1/assetIndex'] = { signed: false, answer: fixture('api/binance-assetIndex-bad-buffer.json') };
    await expect(fetchBinance()).rejects.toThrow(/^Binance GET \/fapi\/v1\/assetIndex: .*bidBuffer/);
  });
});
