import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { isMarginError } from '../../src/engine/errors';
import type { AccountExchange } from '../../src/presets';
import { BUILTIN_PRESETS, balancesTable, importAccountSnapshot, positionsTable, reconcile, reconciliationTable } from '../../src/presets';

/**
 * Every field of every response each account reader takes (the recorded answers and documented examples of
 * test/fixtures/account, with their open positions), replaced one at a time by hostile values, then several at once
 * at random: the import either gives tables whose every number is finite (no NaN, ±Infinity or -0, in the
 * reconciliation too), or refuses with a MarginError naming the exchange, the response and a `response…` path.
 * Nothing else may escape (no TypeError, no RangeError).
 */

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(__dirname, '../fixtures/account', name), 'utf8'));

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const okxInstruments: Json = {
  code: '0',
  msg: '',
  data: [{ instType: 'SWAP', instId: 'LTC-USDT-SWAP', instFamily: 'LTC-USDT', ctType: 'linear', ctVal: '0.001', ctValCcy: 'LTC' }],
};

const binanceAccountWithPosition = (): Json => {
  const account = fixture('binance-account-v2.json') as { [key: string]: Json };
  return {
    ...account,
    positions: [
      {
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
      },
    ],
  };
};

const bybitLinear = (): Json => {
  const doc = fixture('bybit-position-list.json') as { result: { list: Json[] } & { [key: string]: Json } } & { [key: string]: Json };
  const row = doc.result.list[0] as { [key: string]: Json };
  return {
    ...doc,
    result: {
      ...doc.result,
      category: 'linear',
      list: [
        {
          ...row,
          symbol: 'BTCUSDT',
          side: 'Sell',
          size: '0.5',
          avgPrice: '60000',
          markPrice: '61000',
          positionMM: '122',
          positionIM: '1525',
        },
      ],
    },
  };
};

/** The documents of each reader, each set accepted as it stands. */
const CASES: readonly { readonly exchange: AccountExchange; readonly name: string; readonly docs: () => Json[] }[] = [
  {
    exchange: 'binance',
    name: 'account v2 + positionRisk v3',
    docs: () => [binanceAccountWithPosition(), fixture('binance-positionRisk-v3-doc.json') as Json],
  },
  { exchange: 'binance', name: 'account v2 with its own positions', docs: () => [binanceAccountWithPosition()] },
  {
    exchange: 'binance',
    name: 'account v2 + positionRisk v2',
    docs: () => [fixture('binance-account-v2.json') as Json, fixture('binance-positionRisk-v2.json') as Json],
  },
  {
    exchange: 'okx',
    name: 'balance + recorded positions + instruments',
    docs: () => [fixture('okx-account-balance.json') as Json, fixture('okx-positions-ltc-swap-ccxt.json') as Json, okxInstruments],
  },
  {
    exchange: 'okx',
    name: 'balance + margin positions',
    docs: () => [fixture('okx-account-balance.json') as Json, fixture('okx-account-positions.json') as Json],
  },
  { exchange: 'bybit', name: 'wallet + linear positions', docs: () => [fixture('bybit-wallet-balance.json') as Json, bybitLinear()] },
  {
    exchange: 'bybit',
    name: 'wallet + documented linear list',
    docs: () => [fixture('bybit-wallet-balance.json') as Json, fixture('bybit-position-list-linear.json') as Json],
  },
  {
    exchange: 'bitget',
    name: 'account list + positions',
    docs: () => [fixture('bitget-mix-account-accounts.json') as Json, fixture('bitget-mix-position-all-position.json') as Json],
  },
  { exchange: 'bitget', name: 'single account', docs: () => [fixture('bitget-mix-account-account-doc.json') as Json] },
];

/** Every path to a value in a document (objects' fields, lists' items, leaves and the containers themselves). */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = at.length === 0 ? [] : [at];
  if (Array.isArray(value)) return [...here, ...value.flatMap((v, i) => paths(v, [...at, i]))];
  if (value !== null && typeof value === 'object') return [...here, ...Object.entries(value).flatMap(([k, v]) => paths(v, [...at, k]))];
  return here;
}

function replaced(value: Json, path: readonly (string | number)[], by: Json | undefined): Json {
  if (path.length === 0) return by as Json;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((v, i) => (i === head ? replaced(v, rest, by) : v));
  const obj = value as { [key: string]: Json };
  const out: { [key: string]: Json } = {};
  for (const [k, v] of Object.entries(obj)) {
    if (k !== head) out[k] = v;
    else if (rest.length > 0 || by !== undefined) out[k] = replaced(v, rest, by);
  }
  return out;
}

const HOSTILE: readonly (Json | undefined)[] = [
  undefined,
  null,
  '',
  'NaN',
  '1e400',
  '-1e308',
  '1e308',
  '1e-307',
  '0',
  '-1',
  '60,000',
  '1'.repeat(130),
  '__proto__',
  'BTCUSD_PERP',
  1e308,
  true,
  [],
  {},
];

const SIGNED_ZERO = (n: number) => Object.is(n, -0);

function check(exchange: AccountExchange, docs: readonly Json[]): void {
  let tables: unknown[] = [];
  try {
    const snapshot = importAccountSnapshot(exchange, docs);
    const preset = BUILTIN_PRESETS.find((p) => p.id === exchange);
    if (preset === undefined) throw new Error(`no preset ${exchange}`);
    tables = [balancesTable(snapshot), positionsTable(snapshot), reconciliationTable(reconcile(preset, snapshot))];
  } catch (error) {
    if (!isMarginError(error)) throw error;
    if (error.code === 'BAD_SNAPSHOT') expect(error.message).toMatch(new RegExp(`^${exchange} GET /\\S+: response`));
    else expect(error.code).toBe('SNAPSHOT_DOCUMENT_UNKNOWN');
    return;
  }
  const numbers = (tables as unknown[][][]).flat(2).filter((c): c is number => typeof c === 'number');
  expect(numbers.filter((n) => !Number.isFinite(n) || SIGNED_ZERO(n))).toEqual([]);
}

describe.each(CASES)('$exchange reader ($name)', ({ exchange, docs }) => {
  it('accepts the documents as they stand', () => {
    expect(() => importAccountSnapshot(exchange, docs())).not.toThrow();
  });

  it('never lets a hostile value in any field through as NaN or Infinity, nor escape as anything but a refusal', () => {
    const base = docs();
    let reached = 0;
    base.forEach((doc, d) => {
      for (const path of paths(doc)) {
        for (const by of HOSTILE) {
          check(
            exchange,
            base.map((other, i) => (i === d ? replaced(other, path, by) : other)),
          );
          reached += 1;
        }
      }
    });
    expect(reached).toBe(base.reduce<number>((sum, doc) => sum + paths(doc).length, 0) * HOSTILE.length);
  });

  it('holds with several fields replaced at once', () => {
    const base = docs();
    const all = base.flatMap((doc, d) => paths(doc).map((path) => ({ d, path })));
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat({ max: all.length - 1 }), by: fc.constantFrom(...HOSTILE) }), { minLength: 2, maxLength: 5 }),
        (changes) => {
          let current = base;
          for (const { at, by } of changes) {
            const { d, path } = all[at] as { d: number; path: (string | number)[] };
            current = current.map((doc, i) =>
              i === d ? (paths(doc).some((p) => p.join('\u0000') === path.join('\u0000')) ? replaced(doc, path, by) : doc) : doc,
            );
          }
          check(exchange, current);
        },
      ),
      { numRuns: 100 },
    );
  });
});
