import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dec } from '../../src/engine';
import { BUILTIN_PRESETS, balancesTable, importAccountSnapshot, positionsTable, reconcile, reconciliationTable } from '../../src/presets';

/** The response examples of each exchange's API documentation (sources in test/fixtures/account/README.md). */
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/account', name), 'utf8'));
const preset = (id: string) => {
  const found = BUILTIN_PRESETS.find((p) => p.id === id);
  if (!found) throw new Error(`no preset ${id}`);
  return found;
};

function caughtMessage(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('Binance account snapshot', () => {
  const docs = [fixture('binance-positionRisk-v2.json'), fixture('binance-account-v2.json')];

  it('reads the cross wallet balances and the open positions, in either order, skipping empty ones', () => {
    const snapshot = importAccountSnapshot('binance', docs);
    expect(balancesTable(snapshot)).toEqual([
      ['asset', 'amount', 'price', 'upnl'],
      ['USDT', 23.72469206, 1, null],
      ['BUSD', 103.12345678, null, null],
    ]);
    expect(positionsTable(snapshot)).toEqual([
      ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'],
      ['BTCUSDT', 'LONG', 0.001, 22185.2, 21123.05052574, null, null, null, 'cross'],
    ]);
  });

  it('says which price is missing first, then which maintenance margin, never blaming a bracket', () => {
    const rows = reconcile(preset('binance'), importAccountSnapshot('binance', docs)).rows;
    expect(rows[0]?.cause).toBe(
      "no price for BUSD in the responses: enter it in the balances table (or --price BUSD=…); and the responses give no maintenance margin for BTCUSDT LONG: enter its rate in the positions table's mmr column",
    );
  });

  it('then names the missing maintenance margin, then the asset the preset has no tiers for', () => {
    const priced = importAccountSnapshot('binance', docs, { prices: new Map([['busd', dec(1)]]) });
    expect(reconcile(preset('binance'), priced).rows[1]?.cause).toBe(
      "the responses give no maintenance margin for BTCUSDT LONG: enter its rate in the positions table's mmr column",
    );
    const noPositions = importAccountSnapshot('binance', [fixture('binance-account-v2.json')], { prices: new Map([['BUSD', dec(1)]]) });
    const rows = reconciliationTable(reconcile(preset('binance'), noPositions));
    expect(rows[1]).toEqual([
      'equity',
      null,
      'totalMarginBalance',
      23.72469206,
      null,
      'an asset without tiers: preset binance does not list BUSD',
    ]);
  });

  it('derives the margin ratio Binance does not report from its two totals, and says so', () => {
    const snapshot = importAccountSnapshot('binance', [fixture('binance-account-v2.json')]);
    expect(snapshot.reported.map((r) => [r.figure, r.field, r.value?.toString() ?? null])).toEqual([
      ['equity', 'totalMarginBalance', '23.72469206'],
      ['maint_margin', 'totalMaintMargin', '0'],
      ['margin_ratio', 'totalMaintMargin / totalMarginBalance', '0'],
      ['available', 'availableBalance', '23.72469206'],
    ]);
  });

  it("takes a v2 position's rates whole from the account response's row of it, over that row's own notional", () => {
    // The documentation's position has size 0; here the same fields describe an open one (v3: with its notional).
    const account = {
      assets: [{ asset: 'USDT', walletBalance: '1000', crossWalletBalance: '1000' }],
      positions: [
        {
          symbol: 'BTCUSDT',
          positionSide: 'BOTH',
          positionAmt: '1',
          notional: '60000',
          unrealizedProfit: '0',
          maintMargin: '240',
          initialMargin: '3000',
        },
      ],
      totalMarginBalance: '1000',
      totalMaintMargin: '240',
      availableBalance: '-2000',
    };
    const risk = [
      { symbol: 'BTCUSDT', positionSide: 'BOTH', positionAmt: '1', entryPrice: '60000', markPrice: '60000', marginType: 'cross' },
    ];
    const snapshot = importAccountSnapshot('binance', [account, risk]);
    expect(positionsTable(snapshot)[1]).toEqual(['BTCUSDT', 'BOTH', 1, 60000, 60000, 0.004, 0, 0.05, 'cross']);
    expect(reconciliationTable(reconcile(preset('binance'), snapshot)).slice(1)).toEqual([
      ['equity', 1000, 'totalMarginBalance', 1000, 0, 'agrees (within rounding)'],
      ['maint_margin', 240, 'totalMaintMargin', 240, 0, 'agrees (within rounding)'],
      ['margin_ratio', 0.24, 'totalMaintMargin / totalMarginBalance', 0.24, 0, 'agrees (within rounding)'],
      ['available', -2000, 'availableBalance', -2000, 0, 'agrees (within rounding)'],
    ]);
  });

  it('refuses a response that is neither kind, naming what it expected', () => {
    expect(caughtMessage(() => importAccountSnapshot('binance', [{ code: -2015 }]))).toBe(
      'binance: the response is not one of the two, or repeats one; expected GET /fapi/v2/account (or v3) and GET /fapi/v2/positionRisk',
    );
  });

  it('refuses a malformed field with its JSON path', () => {
    const bad = { assets: [{ asset: 'USDT', crossWalletBalance: 'lots' }] };
    expect(caughtMessage(() => importAccountSnapshot('binance', [bad]))).toBe(
      'binance GET /fapi/v2/account: response.assets[0].crossWalletBalance: expected a number or a decimal string, got "lots"',
    );
  });
});

describe('OKX account snapshot', () => {
  const snapshot = importAccountSnapshot('okx', [fixture('okx-account-balance.json'), fixture('okx-account-positions.json')]);

  it('reads cash balances priced at eqUsd / eq, and skips the spot-margin position, saying so', () => {
    expect(balancesTable(snapshot)).toEqual([
      ['asset', 'amount', 'price', 'upnl'],
      // 4991.542013297616 / 4992.890093622894; no futures position carries the PnL, so upl stays on the balance
      ['USDT', 4850.435693622894, Number(dec('4991.542013297616').div('4992.890093622894').toString()), -7.545600000000006],
    ]);
    expect(positionsTable(snapshot)).toEqual([['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode']]);
    expect(snapshot.notes).toEqual([
      'BTC-USDT (MARGIN) skipped: only perpetual and expiry futures positions take part in the margin ratio here',
    ]);
  });

  it('shows that the documentation example itemizes one currency of the adjusted equity it reports', () => {
    const rows = reconciliationTable(reconcile(preset('okx'), snapshot));
    expect(rows[1]?.slice(0, 4)).toEqual(['equity', 4841.582513297616, 'adjEq', 55415.624719833286]);
    expect(rows[1]?.[5]).toBe(
      'the response itemizes 4991.542013297616 (USDT) of the 55415.624719833286 it reports: the total counts assets the response does not list',
    );
    expect(rows[3]).toEqual(['margin_ratio', 0, 'mgnRatio', null, null, 'mgnRatio is empty in the response']);
  });

  it('inverts mgnRatio (adjusted equity / MM) into our MM / equity', () => {
    const balance = fixture('okx-account-balance.json') as { data: Record<string, unknown>[] };
    const withRatio = { ...balance, data: [{ ...balance.data[0], mgnRatio: '4' }] };
    const ratio = importAccountSnapshot('okx', [withRatio]).reported.find((r) => r.figure === 'margin_ratio');
    expect(ratio?.value?.toString()).toBe('0.25');
  });

  it("names the asset whose equity the exchange counts beyond cash balance and PnL (the example's 150 in bots)", () => {
    const balance = fixture('okx-account-balance.json') as { data: Record<string, unknown>[] };
    const itemized = { ...balance, data: [{ ...balance.data[0], adjEq: '4991.542013297616' }] };
    const rows = reconcile(preset('okx'), importAccountSnapshot('okx', [itemized])).rows;
    expect(rows[0]?.cause).toBe(
      "USDT: the exchange's equity is 4992.890093622894, the balance plus PnL 4842.890093622893994: the exchange counts funds outside the cash balance (bots, frozen or isolated amounts)",
    );
  });

  it('asks for the balance response when only positions are given', () => {
    expect(caughtMessage(() => importAccountSnapshot('okx', [fixture('okx-account-positions.json')]))).toBe(
      'okx: no response with the balances; expected GET /api/v5/account/balance and GET /api/v5/account/positions (and GET /api/v5/public/instruments for the contract values)',
    );
  });

  it('refuses a response the exchange refused', () => {
    expect(caughtMessage(() => importAccountSnapshot('okx', [{ code: '50111', msg: 'Invalid sign', data: [{ details: [] }] }]))).toBe(
      'okx GET /api/v5/account/balance: response.code: expected "0" (success), got "50111" (Invalid sign): the exchange refused the request',
    );
  });
});

describe('Bybit account snapshot', () => {
  const snapshot = importAccountSnapshot('bybit', [fixture('bybit-wallet-balance.json'), fixture('bybit-position-list-linear.json')]);

  it('reads wallet balances priced at usdValue / equity, and passes over a closed (size 0) linear row', () => {
    expect(balancesTable(snapshot)).toEqual([
      ['asset', 'amount', 'price', 'upnl'],
      ['BTC', 0.805994, Number(dec('12920.95352538').div('0.805994').toString()), null],
    ]);
    expect(positionsTable(snapshot)).toHaveLength(1);
    expect(snapshot.notes).toEqual([]);
  });

  it('refuses the documented inverse position (category inverse, BTCUSD) by name', () => {
    expect(
      caughtMessage(() => importAccountSnapshot('bybit', [fixture('bybit-wallet-balance.json'), fixture('bybit-position-list.json')])),
    ).toBe(
      'bybit GET /v5/position/list: response.result.list[0].symbol: BTCUSD is a coin-margined (inverse) contract (category inverse): multi-asset margin covers linear (USDT/USDC) contracts only; leave it out of the positions response',
    );
  });

  it('explains that Bybit totalEquity is before collateral ratios, and reconciles the MM rate', () => {
    const rows = reconciliationTable(reconcile(preset('bybit'), snapshot));
    // 0.805994 BTC at the first tier's 0.98 (Bybit illustration): 12920.95352538 × 0.98
    expect(rows[1]).toEqual([
      'equity',
      Number(dec('12920.95352538').times('0.98').toString()),
      'totalEquity',
      18070.32797922,
      Number(dec('12920.95352538').times('0.98').minus('18070.32797922').toString()),
      'Bybit totalEquity is the USD value of the coins, before collateral value ratios',
    ]);
    expect(rows[3]).toEqual(['margin_ratio', 0, 'accountMMRate', 0, 0, 'agrees (within rounding)']);
  });
});

describe('Bitget account snapshot', () => {
  const snapshot = importAccountSnapshot('bitget', [
    fixture('bitget-mix-account-accounts.json'),
    fixture('bitget-mix-position-all-position.json'),
  ]);

  it("reads the margin coin's balance without PnL, the multi-asset coins priced at their position's mark, and the positions", () => {
    expect(balancesTable(snapshot)).toEqual([
      ['asset', 'amount', 'price', 'upnl'],
      // 10582.90265771 − 23 (crossedUnrealizedPL) − 0; no cross position carries the 23, so it stays as upnl
      ['USDT', 10559.90265771, 1, 23],
      ['BTC', 1.2, 25100, null],
    ]);
    expect(positionsTable(snapshot)).toEqual([
      ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'],
      // keepMarginRate 0.004; initial rate 1 / leverage 20
      ['BTCUSDT', 'LONG', 0.01, 25000, 25100, 0.004, 0, 0.05, 'isolated'],
    ]);
  });

  it('says the documentation\'s unionTotalMagin "111,1" is not a number, and why the maintenance margins differ', () => {
    const rows = reconciliationTable(reconcile(preset('bitget'), snapshot));
    // 10,582.90265771 of USDT equity + 1.2 BTC × 25,100 = 30,120 at Bitget's first tier 0.975
    expect(rows[1]).toEqual([
      'equity',
      39949.90265771,
      'unionTotalMagin',
      null,
      null,
      'unionTotalMagin is not a number as written: "111,1"',
    ]);
    expect(rows[2]).toEqual([
      'maint_margin',
      0,
      'unionMm',
      111,
      -111,
      "isolated positions (BTCUSDT) stay out of our account figures; the exchange's total may count them, or its brackets differ",
    ]);
  });
});
