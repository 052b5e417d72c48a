import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dec } from '../../src/engine';
import {
  BUILTIN_PRESETS,
  balancesTable,
  importAccountSnapshot,
  positionsTable,
  readBinanceSnapshot,
  readOkxSnapshot,
  reconcile,
  reconciliationTable,
} from '../../src/presets';

/** Recorded answers and documented examples; origins in test/fixtures/account/README.md and test/fixtures/api/README.md. */
const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/account', name), 'utf8'));
const apiFixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/api', name), 'utf8'));
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

type Row = Record<string, unknown>;
/** A copy of a `{ data: [row] }` response with the first row's fields replaced. */
function withRow(doc: unknown, fields: Row): unknown {
  const d = doc as { data: Row[] };
  return { ...d, data: [{ ...d.data[0], ...fields }, ...d.data.slice(1)] };
}

/** An instruments response of OKX's shape (`GET /api/v5/public/instruments`) for the given contract values. */
const instruments = (rows: readonly { instId: string; ctVal: string; ctType?: string }[]) => ({
  code: '0',
  msg: '',
  data: rows.map((r) => ({
    instType: 'SWAP',
    instId: r.instId,
    instFamily: r.instId.replace(/-SWAP$/, ''),
    ctType: r.ctType ?? 'linear',
    ctVal: r.ctVal,
    ctValCcy: r.instId.split('-')[0],
    settleCcy: 'USDT',
    state: 'live',
  })),
});

const okxBalance = () => fixture('okx-account-balance.json');

describe('OKX positions are pos × ctVal, from the instruments response', () => {
  // ccxt's recorded answer (fetchPosition, LTC-USDT-SWAP): its notionalUsd 0.2027248512, imr 0.020266 (at lever 10)
  // and upl 0.03731 all fit 2 contracts of 0.001 LTC at markPx 101.33: 2 × 0.001 × (101.33 − 82.675) = 0.03731.
  const recorded = fixture('okx-positions-ltc-swap-ccxt.json');
  const ltc = instruments([{ instId: 'LTC-USDT-SWAP', ctVal: '0.001' }]);

  it("sizes the recorded position in coin and its uPnL equals the response's upl to the last digit", () => {
    const snapshot = readOkxSnapshot(okxBalance(), recorded, [ltc]);
    const [position] = snapshot.positions;
    expect(position?.size.toString()).toBe('0.002');
    expect(position?.mark.minus(position.entry).times(position.size).toString()).toBe('0.03731');
    // mmr 0.00131729 and imr 0.020266 over the position's own notional 0.002 × 101.33 = 0.20266
    expect(positionsTable(snapshot)[1]).toEqual(['LTC-USDT-SWAP', 'LONG', 0.002, 82.675, 101.33, 0.0065, 0, 0.1, 'cross']);
    expect(snapshot.notes.filter((n) => n.includes('upl'))).toEqual([
      'the positions carry the unrealized PnL, so the balances rows leave upl out',
    ]);
  });

  it('takes the instruments response among the pasted documents, in any order', () => {
    const snapshot = importAccountSnapshot('okx', [ltc, recorded, okxBalance()]);
    expect(positionsTable(snapshot)[1]?.[2]).toBe(0.002);
  });

  it("refuses a contract value that does not give the response's upl (OKX's live LTC-USDT-SWAP is 1 LTC)", () => {
    expect(caughtMessage(() => readOkxSnapshot(okxBalance(), recorded, [instruments([{ instId: 'LTC-USDT-SWAP', ctVal: '1' }])]))).toBe(
      "okx GET /api/v5/account/positions: response.data[0].upl: 0.03731 does not fit 2 contracts of 1 (the instruments response, response.data[0].ctVal) from avgPx 82.675 to markPx 101.33, which make 37.31: check that the contract value is this instrument's",
    );
  });

  it('notes a upl off by less than 1% of the notional (rounding, or a mark of another moment)', () => {
    const snapshot = readOkxSnapshot(okxBalance(), withRow(recorded, { upl: '0.0373' }), [ltc]);
    expect(snapshot.notes).toContain(
      "LTC-USDT-SWAP: the response's upl is 0.0373, but 2 contracts of 0.001 (the instruments response, response.data[0].ctVal) from avgPx to markPx make 0.03731: check the contract value, and that the responses were taken together",
    );
  });

  it('refuses a position without its contract value, naming the instrument and how to give it', () => {
    expect(caughtMessage(() => importAccountSnapshot('okx', [okxBalance(), recorded]))).toBe(
      "okx GET /api/v5/account/positions: response.data[0].pos: pos counts contracts of LTC-USDT-SWAP, whose contract value (ctVal) is not given: give OKX's instruments response for it (https://www.okx.com/api/v5/public/instruments?instType=SWAP&instId=LTC-USDT-SWAP), pasted with the responses or on the command line with --instruments FILE|URL",
    );
  });

  it('says that the instruments given do not list a held contract, when they were given', () => {
    const btc = { code: '0', msg: '', data: [{ instType: 'SWAP', instId: 'BTC-USDT-SWAP', ctType: 'linear', ctVal: '0.01' }] };
    expect(caughtMessage(() => readOkxSnapshot(okxBalance(), recorded, [btc]))).toBe(
      'okx GET /api/v5/account/positions: response.data[0].pos: pos counts contracts of LTC-USDT-SWAP, whose contract value (ctVal) is not given: the instruments response does not list LTC-USDT-SWAP, so its size in coin is unknown (OKX lists it at https://www.okx.com/api/v5/public/instruments?instType=SWAP&instId=LTC-USDT-SWAP)',
    );
  });

  it("never sizes by notionalUsd / markPx, and refuses ccxt's BTC-USDT-SWAP example, whose markPx fits neither avgPx nor upl", () => {
    // notionalUsd / markPx would be 341.5130010779638 / 4786.459271773621 ≈ 0.0713 BTC; pos × ctVal is 0.01 BTC.
    const example = fixture('okx-positions-btc-swap-ccxt-comment.json');
    const swap = apiFixture('okx-instruments-swap.json');
    expect(caughtMessage(() => readOkxSnapshot(okxBalance(), example, [swap]))).toBe(
      "okx GET /api/v5/account/positions: response.data[0].upl: 0.0108608358957281 does not fit 1 contracts of 0.01 (the instruments response, response.data[0].ctVal) from avgPx 34131.1 to markPx 4786.45927177362, which make -293.446407282264: check that the contract value is this instrument's",
    );
    const fitting = withRow(example, { markPx: '34132.1860835896', upl: '0.010860835896' });
    expect(positionsTable(readOkxSnapshot(okxBalance(), fitting, [swap]))[1]?.slice(0, 3)).toEqual(['BTC-USDT-SWAP', 'LONG', 0.01]);
  });

  it('uses the instruments of the positions, ignores the others and says how many', () => {
    const many = instruments([
      { instId: 'BTC-USDT-SWAP', ctVal: '0.01' },
      { instId: 'ETH-USDT-SWAP', ctVal: '0.1' },
      { instId: 'LTC-USDT-SWAP', ctVal: '0.001' },
      { instId: 'BTC-USD-SWAP', ctVal: '100', ctType: 'inverse' },
    ]);
    const snapshot = readOkxSnapshot(okxBalance(), recorded, [many]);
    expect(snapshot.notes).toContain('the instruments response lists 3 other instrument(s), ignored');
  });

  it('refuses the recorded coin-margined BTC-USD-SWAP by name', () => {
    expect(caughtMessage(() => readOkxSnapshot(okxBalance(), fixture('okx-positions-inverse-ccxt.json')))).toBe(
      'okx GET /api/v5/account/positions: response.data[0].instId: BTC-USD-SWAP is a coin-margined (inverse) contract: multi-asset margin covers linear (USDT/USDC) contracts only; leave it out of the positions response',
    );
  });

  it('refuses an instrument whose ctType is inverse', () => {
    const inverse = instruments([{ instId: 'LTC-USDT-SWAP', ctVal: '0.001', ctType: 'inverse' }]);
    expect(caughtMessage(() => readOkxSnapshot(okxBalance(), recorded, [inverse]))).toBe(
      'okx GET /api/v5/public/instruments: response.data[0].ctType: LTC-USDT-SWAP is a coin-margined (inverse) contract: multi-asset margin covers linear (USDT/USDC) contracts only',
    );
  });

  it('refuses posSide long with a negative pos, naming both fields, and an unknown posSide', () => {
    expect(caughtMessage(() => readOkxSnapshot(okxBalance(), withRow(recorded, { pos: '-2' }), [ltc]))).toBe(
      'okx GET /api/v5/account/positions: response.data[0].pos: response.data[0].posSide "long" contradicts response.data[0].pos -2: in long/short mode pos counts the contracts held, never below 0',
    );
    expect(caughtMessage(() => readOkxSnapshot(okxBalance(), withRow(recorded, { posSide: 'buy' }), [ltc]))).toBe(
      'okx GET /api/v5/account/positions: response.data[0].posSide: expected one of "long", "short", "net", got "buy"',
    );
  });

  it('reads a net position short by the sign of pos', () => {
    const snapshot = readOkxSnapshot(okxBalance(), withRow(recorded, { pos: '-2', posSide: 'net', upl: '-0.03731' }), [ltc]);
    expect(positionsTable(snapshot)[1]?.slice(0, 3)).toEqual(['LTC-USDT-SWAP', 'SHORT', 0.002]);
  });

  it.each([
    ['markPx', '0', 'expected a positive number, got 0'],
    ['avgPx', '-1', 'expected a positive number, got -1'],
    ['mmr', '-0.1', 'expected zero or a positive number, got -0.1'],
    ['pos', 'NaN', 'expected a number or a decimal string, got "NaN"'],
    ['markPx', '1e400', 'expected a number a spreadsheet can hold (magnitude at most 1.8e308), got "1e400"'],
  ])('refuses %s %s with its path and its domain', (key, value, detail) => {
    expect(caughtMessage(() => readOkxSnapshot(okxBalance(), withRow(recorded, { [key]: value }), [ltc]))).toBe(
      `okx GET /api/v5/account/positions: response.data[0].${key}: ${detail}`,
    );
  });

  it('refuses a zero or negative contract value in the instruments response', () => {
    expect(caughtMessage(() => readOkxSnapshot(okxBalance(), recorded, [instruments([{ instId: 'LTC-USDT-SWAP', ctVal: '0' }])]))).toBe(
      'okx GET /api/v5/public/instruments: response.data[0].ctVal: expected a positive number, got 0',
    );
  });

  it('gives no price, never Infinity, for an equity too small to divide by', () => {
    const balance = okxBalance() as { data: Row[] };
    const detail = (balance.data[0]?.details as Row[])[0] as Row;
    const tiny = { ...balance, data: [{ ...balance.data[0], details: [{ ...detail, eq: '1e-300', eqUsd: '1e300' }] }] };
    const snapshot = importAccountSnapshot('okx', [tiny]);
    expect(balancesTable(snapshot)[1]?.[2]).toBeNull();
    const cells = [...balancesTable(snapshot), ...reconciliationTable(reconcile(preset('okx'), snapshot))].flat();
    expect(cells.filter((c) => typeof c === 'number' && !Number.isFinite(c))).toEqual([]);
    expect(reconcile(preset('okx'), snapshot).rows[0]?.cause).toBe(
      'no price for USDT in the responses: enter it in the balances table (or --price USDT=…)',
    );
  });
});

describe('Binance rates from one row of one response', () => {
  const account = fixture('binance-account-v2.json');

  it("reads positionRisk v3's own maintMargin, positionInitialMargin and notional (the documentation's example)", () => {
    const snapshot = importAccountSnapshot('binance', [account, fixture('binance-positionRisk-v3-doc.json')]);
    const [position] = snapshot.positions;
    expect(position?.mmr?.toString()).toBe(dec('0.08004280').div('12.31427700').toString());
    expect(position?.imr?.toString()).toBe('0.05');
    expect(positionsTable(snapshot)[1]?.slice(0, 5)).toEqual(['ADAUSDT', 'BOTH', 30, 0.385, 0.4104759]);
  });

  const v3Row = {
    symbol: 'BTCUSDT',
    positionSide: 'BOTH',
    positionAmt: '-0.5',
    unrealizedProfit: '-500',
    isolatedMargin: '0',
    notional: '-30500',
    isolatedWallet: '0',
    initialMargin: '1525',
    maintMargin: '122',
    updateTime: 0,
  };
  const accountWith = (rows: Row[]) => ({ ...(account as Row), positions: rows });

  it("reads the account response's own positions when no positionRisk is given", () => {
    const snapshot = importAccountSnapshot('binance', [accountWith([v3Row])]);
    // mark = notional / positionAmt = 61000; entry = mark − unrealizedProfit / positionAmt = 60000
    expect(positionsTable(snapshot)[1]).toEqual(['BTCUSDT', 'BOTH', -0.5, 60000, 61000, 0.004, 0, 0.05, 'cross']);
  });

  it("never divides the account response's margin by positionRisk's notional", () => {
    // Account v2: entry 60000, no PnL (mark 60000), maintenance 240; positionRisk v2 (no margins) has moved to 50000.
    const accountRow = {
      symbol: 'BTCUSDT',
      positionSide: 'BOTH',
      positionAmt: '1',
      entryPrice: '60000',
      unrealizedProfit: '0',
      maintMargin: '240',
      initialMargin: '3000',
      isolated: false,
    };
    const risk = [
      { symbol: 'BTCUSDT', positionSide: 'BOTH', positionAmt: '1', entryPrice: '60000', markPrice: '50000', marginType: 'cross' },
    ];
    const snapshot = importAccountSnapshot('binance', [accountWith([accountRow]), risk]);
    expect(snapshot.positions[0]?.mmr?.toString()).toBe('0.004');
    expect(snapshot.positions[0]?.mark.toString()).toBe('50000');
  });

  it('refuses positionSide LONG with a negative positionAmt, naming both fields, and an unknown side', () => {
    const risk = (fields: Row) => [{ ...(fixture('binance-positionRisk-v3-doc.json') as Row[])[0], ...fields }];
    expect(caughtMessage(() => readBinanceSnapshot(account, risk({ positionSide: 'LONG', positionAmt: '-0.5' })))).toBe(
      'binance GET /fapi/v2/positionRisk: response[0].positionAmt: response[0].positionSide "LONG" contradicts response[0].positionAmt -0.5: a LONG amount is positive',
    );
    expect(caughtMessage(() => readBinanceSnapshot(account, risk({ positionSide: 'long' })))).toBe(
      'binance GET /fapi/v2/positionRisk: response[0].positionSide: expected one of "BOTH", "LONG", "SHORT", got "long"',
    );
  });

  it('refuses a coin-margined /dapi symbol by name', () => {
    const dapi = [{ symbol: 'BTCUSD_PERP', positionSide: 'BOTH', positionAmt: '1', entryPrice: '60000', markPrice: '60000' }];
    expect(caughtMessage(() => importAccountSnapshot('binance', [account, dapi]))).toBe(
      'binance GET /fapi/v2/positionRisk: response[0].symbol: BTCUSD_PERP is a coin-margined (/dapi) contract: multi-asset margin covers USDⓈ-M (linear) contracts only; give the /fapi responses',
    );
  });

  it('refuses an open position whose notional is zero (a zero mark), never dividing by it', () => {
    expect(caughtMessage(() => importAccountSnapshot('binance', [accountWith([{ ...v3Row, notional: '0' }])]))).toBe(
      "binance GET /fapi/v2/account: response.positions[0].notional: 0 does not fit response.positions[0].positionAmt -0.5: an open position's notional is non-zero and signed as its amount",
    );
    const risk = [{ symbol: 'BTCUSDT', positionSide: 'BOTH', positionAmt: '1', entryPrice: '60000', markPrice: '0' }];
    expect(caughtMessage(() => importAccountSnapshot('binance', [account, risk]))).toBe(
      'binance GET /fapi/v2/positionRisk: response[0].markPrice: expected a positive number, got 0',
    );
  });

  it('says the gap is the PnL of positions not given, not haircuts or brackets', () => {
    const withPnl = {
      assets: [{ asset: 'USDT', walletBalance: '1000', crossWalletBalance: '1000', crossUnPnl: '-40' }],
      totalMarginBalance: '960',
      totalMaintMargin: '0',
      availableBalance: '960',
    };
    const rows = reconcile(preset('binance'), importAccountSnapshot('binance', [withPnl])).rows;
    expect(rows[0]?.cause).toBe(
      "the difference is the unrealized PnL -40 of positions the tables do not hold: the assets' crossUnPnl, and neither positionRisk nor the account response's positions were given",
    );
  });
});

describe('Bitget single account and single-asset reconciliation', () => {
  it('reads the single-account object of GET /api/v2/mix/account/account and reconciles it', () => {
    const snapshot = importAccountSnapshot('bitget', [fixture('bitget-mix-account-account-doc.json')]);
    expect(balancesTable(snapshot)[1]).toEqual(['USDT', 13155.86110692, 1, 23]);
    expect(
      reconciliationTable(reconcile(preset('bitget'), snapshot))
        .slice(1)
        .map((r) => r.slice(0, 4)),
    ).toEqual([
      ['equity', 13178.86110692, 'accountEquity', 13178.86110692],
      ['maint_margin', 0, 'not reported', null],
      ['margin_ratio', 0, 'crossedRiskRate', 0],
      ['available', 13178.86110692, 'available', 13168.86110692],
    ]);
  });

  it('reconciles a single-asset row of the account list from accountEquity and available', () => {
    const list = fixture('bitget-mix-account-accounts.json') as { data: Row[] };
    const { unionTotalMagin: _t, unionAvailable: _a, unionMm: _m, assetList: _l, ...row } = list.data[0] as Row;
    const single = { ...list, data: [{ ...row, assetMode: 'single' }] };
    const rows = reconcile(preset('bitget'), importAccountSnapshot('bitget', [single])).rows;
    expect(rows.map((r) => [r.figure, r.field, r.reported?.toString() ?? null])).toEqual([
      ['equity', 'accountEquity', '10582.90265771'],
      ['maint_margin', 'not reported', null],
      ['margin_ratio', 'crossedRiskRate', '0'],
      ['available', 'available', '10575.26735771'],
    ]);
    expect(rows[0]?.cause).toBe('agrees (within rounding)');
  });

  it('refuses an unknown holdSide and a negative total', () => {
    const positions = fixture('bitget-mix-position-all-position.json');
    const accounts = fixture('bitget-mix-account-accounts.json');
    expect(caughtMessage(() => importAccountSnapshot('bitget', [accounts, withRow(positions, { holdSide: 'net' })]))).toBe(
      'bitget GET /api/v2/mix/position/all-position: response.data[0].holdSide: expected one of "long", "short", got "net"',
    );
    expect(caughtMessage(() => importAccountSnapshot('bitget', [accounts, withRow(positions, { total: '-0.01' })]))).toBe(
      'bitget GET /api/v2/mix/position/all-position: response.data[0].total: expected zero or a positive number, got -0.01',
    );
  });
});

describe("the exchange's reported figures", () => {
  it('leave out a maintenance margin below 0, saying why', () => {
    const snapshot = importAccountSnapshot('okx', [withRow(okxBalance(), { mmr: '-5' })]);
    expect(snapshot.reported.find((r) => r.figure === 'maint_margin')).toEqual({
      figure: 'maint_margin',
      field: 'mmr',
      raw: '-5',
      value: null,
      note: 'mmr is -5 in the response: a maintenance margin is never below 0',
    });
  });
});

describe('Bybit sides and sizes', () => {
  const wallet = fixture('bybit-wallet-balance.json');
  const linear = (fields: Row) => {
    const doc = fixture('bybit-position-list.json') as { result: { list: Row[] } & Row };
    return { ...doc, result: { ...doc.result, category: 'linear', list: [{ ...doc.result.list[0], symbol: 'BTCUSDT', ...fields }] } };
  };

  it('reads a linear position with rates over its own notional', () => {
    const snapshot = importAccountSnapshot('bybit', [
      wallet,
      linear({ size: '0.5', side: 'Sell', avgPrice: '60000', markPrice: '61000', positionMM: '122', positionIM: '1525', tradeMode: 0 }),
    ]);
    expect(positionsTable(snapshot)[1]).toEqual(['BTCUSDT', 'SHORT', 0.5, 60000, 61000, 0.004, 0, 0.05, 'cross']);
  });

  it('refuses an inverse position by name: a dated BTCUSDH25, and a row whose own category is inverse', () => {
    expect(caughtMessage(() => importAccountSnapshot('bybit', [wallet, linear({ symbol: 'BTCUSDH25' })]))).toBe(
      'bybit GET /v5/position/list: response.result.list[0].symbol: BTCUSDH25 is a coin-margined (inverse) contract: multi-asset margin covers linear (USDT/USDC) contracts only; leave it out of the positions response',
    );
    expect(caughtMessage(() => importAccountSnapshot('bybit', [wallet, linear({ symbol: 'ETHUSD', category: 'inverse' })]))).toBe(
      'bybit GET /v5/position/list: response.result.list[0].symbol: ETHUSD is a coin-margined (inverse) contract (category inverse): multi-asset margin covers linear (USDT/USDC) contracts only; leave it out of the positions response',
    );
    // A closed inverse row (size 0) is no position: nothing to refuse.
    expect(
      positionsTable(importAccountSnapshot('bybit', [wallet, linear({ symbol: 'BTCUSD', category: 'inverse', size: '0' })])),
    ).toHaveLength(1);
  });

  it('refuses an unknown side word and a signed size', () => {
    expect(caughtMessage(() => importAccountSnapshot('bybit', [wallet, linear({ size: '0.5', side: 'Both' })]))).toBe(
      'bybit GET /v5/position/list: response.result.list[0].side: expected one of "Buy", "Sell", "", "None", got "Both"',
    );
    expect(caughtMessage(() => importAccountSnapshot('bybit', [wallet, linear({ size: '-0.5', side: 'Buy' })]))).toBe(
      'bybit GET /v5/position/list: response.result.list[0].size: expected zero or a positive number, got -0.5',
    );
  });
});
