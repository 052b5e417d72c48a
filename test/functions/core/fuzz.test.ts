import fc from 'fast-check';
import type { CellArg, CellGrid, CellResult, CellScalar, FunctionName } from '../../../src/functions/core';
import { FUNCTION_NAMES, FUNCTION_SPECS, invoke, isCellError } from '../../../src/functions/core';
import { BUILTIN_PRESETS, PresetRegistry } from '../../../src/presets';

/**
 * Every MARGIN function (the list itself, so a new function is driven too) called through `invoke` with
 * hostile cells: prototype words, numbers and number text at and beyond a cell's range, errors' spellings,
 * ragged and empty ranges. Whatever comes in, a call never throws, never returns NaN, ±Infinity or -0
 * (spilled tables included), and an error is #VALUE!, #N/A or #NUM! whose message names one of the
 * function's own arguments, or is one of the few whole-call answers below.
 */

/**
 * Messages about the call as a whole, where no one argument is at fault:
 * - the account itself has no finite answer (equity at or below zero, liabilities without collateral, an
 *   account with no liquidation price);
 * - the exact result is beyond what a cell can hold (#NUM!);
 * - the preset lacks published data the answer needs (the named preset is the `exchange` argument, or the
 *   workbook's default when it is blank);
 * - a live price or account asked for outside Excel, where there is no stream at all (PRICE, ACCOUNT).
 */
const WHOLE_CALL = [
  /^margin ratio is unbounded: account equity is /,
  /^LTV is unbounded: /,
  /^no liquidation price for /,
  /^the result .* is beyond the range of a spreadsheet number$/,
  /^the auto-exchange haircut of .* in preset .* is unpublished/,
  /^the conditions for switching preset .* are unpublished$/,
  /^live prices stream in Excel; /,
  /^the live (binance|okx|bybit|bitget) account streams in Excel; /,
];

const WORDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];
const NAMES = ['BTC', 'btc', 'USDT', 'USDC', 'ETH', 'BTCUSDT', 'ETHUSDC', 'binance', 'bitget', 'okx', 'bybit', 'bitmart'];
const CHOICES = ['multi', 'single', 'LONG', 'SHORT', 'BOTH', 'cross', 'isolated', 'regular', 'vip1', 'TRUE', 'FALSE'];
const ERROR_TEXT = ['#VALUE!', '#N/A', '#NUM!', '#DIV/0!', '#REF!'];
const NUMBER_TEXT = [
  'NaN',
  'Infinity',
  '-Infinity',
  '1e99999999999999999',
  '-1e99999999999999999',
  '1e-99999999999999999',
  '1e308',
  '1.7976931348623157e308',
  '1.8e308',
  '-1e400',
  '5e-324',
  '2.2250738585072014e-308',
  '60,000',
  '60,00',
  '\u22125000',
  '0x10',
  '1'.repeat(80),
  '0.'.padEnd(70, '3'),
  '-0',
  '.5',
  '5.',
];
const EXTREMES = [
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  2.2250738585072014e-308,
  1e308,
  -1e308,
  1e-300,
  Number.MAX_SAFE_INTEGER,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
];
const PLAIN = [0, 1, -1, 0.004, 0.5, 1.5, 5, 60000, -5000, 10000, 0.1 + 0.2, 1e15, 1e-9];

const scalar: fc.Arbitrary<CellScalar> = fc.oneof(
  { arbitrary: fc.constantFrom<CellScalar>(...WORDS, ...NAMES, ...CHOICES, ...ERROR_TEXT, ...NUMBER_TEXT), weight: 4 },
  { arbitrary: fc.constantFrom<CellScalar>(null, '', ' ', true, false, ...EXTREMES), weight: 3 },
  { arbitrary: fc.constantFrom<CellScalar>(...PLAIN), weight: 4 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.string({ maxLength: 6 }), weight: 1 },
);

const HEADERS: readonly (readonly CellScalar[])[] = [
  ['asset', 'amount', 'price', 'upnl'],
  ['symbol', 'side', 'size', 'entry', 'mark', 'mmr', 'cum', 'imr', 'margin_mode'],
  ['asset', 'change'],
  ['asset', 'price'],
  ['coin', 'wallet', 'index price'],
  ['contract', 'side', 'size', 'avg price', 'mark price', 'maint margin ratio'],
];

/** Valid rows of each layout, so that a hostile cell lands deep in an otherwise good range. */
const GOOD_ROWS: readonly (readonly CellScalar[])[][] = [
  [
    ['USDT', 10000, 1, 0],
    ['BTC', 1, 60000, 0],
    ['USDC', -500, 0.9998, 0],
  ],
  [
    ['BTCUSDT', 'LONG', 1, 60000, 61000, 0.004, 0, 0.01, 'cross'],
    ['ETHUSDT', 'SHORT', 2, 3000, 3100, 0.005, 1, '', 'isolated'],
  ],
  [
    ['BTC', -0.2],
    ['USDT', 0],
  ],
  [['USDC', 0.9998]],
  [['BTC', 2, 60000]],
  [['BTCUSDT', 'BOTH', -1, 60000, 60000, 0.004]],
];

/** A good range of one layout with some cells made hostile, rows dropped or cut short. */
const shapedRange = (layouts: readonly number[], maxEdits: number): fc.Arbitrary<CellGrid> =>
  fc
    .record({
      layout: fc.constantFrom(...layouts),
      header: fc.boolean(),
      keep: fc.nat(3),
      edits: fc.array(fc.tuple(fc.nat(4), fc.nat(9), scalar), { maxLength: maxEdits }),
      cut: fc.oneof({ arbitrary: fc.constant(undefined), weight: 8 }, { arbitrary: fc.tuple(fc.nat(4), fc.nat(9)), weight: 1 }),
    })
    .map(({ layout, header, keep, edits, cut }) => {
      const good = GOOD_ROWS[layout] ?? [];
      const body = good.slice(0, Math.max(1, good.length - keep)).map((r) => [...r]);
      const rows: CellScalar[][] = [...(header ? [[...(HEADERS[layout] ?? [])]] : []), ...body];
      for (const [r, c, value] of edits) {
        const row = rows[r % rows.length];
        if (row !== undefined && row.length > 0) row[c % row.length] = value;
      }
      if (cut !== undefined) {
        const row = rows[cut[0] % rows.length];
        if (row !== undefined) row.length = Math.min(row.length, cut[1]);
      }
      return rows;
    });

/** Ranges with no shape at all: ragged, empty, one cell. */
const wildRange: fc.Arbitrary<CellGrid> = fc.array(fc.array(scalar, { maxLength: 10 }), { maxLength: 5 });

/** Layouts (indexes into GOOD_ROWS) a range parameter expects. */
const LAYOUTS: Readonly<Record<string, readonly number[]>> = {
  balances: [0, 4],
  positions: [1, 5],
  shocks: [2],
  prices: [3, 0],
};

/** Sensible values of a scalar parameter, so that calls get past their first argument and into the engine. */
const GOOD_SCALARS: Readonly<Record<string, readonly CellScalar[]>> = {
  exchange: [null, 'binance', 'bitget', 'okx', 'bybit', 'bitmart', 'BINANCE'],
  asset: ['BTC', 'USDT', 'USDC', 'ETH', 'btc'],
  amount: [1, 10, -5000, 0, 1e6, '2.5', 1e15],
  price: [60000, 1, 3000, 0.9998, '60,000', 1e12],
  margin_ratio: [0, 0.3, 0.8, 1, 2],
  user_tier: [null, 'regular', 'vip1', 'vip2plus'],
  has_positions: [null, true, false, 'TRUE', 1, 0],
  hourly_rate: [0.00001, 0, 0.5],
  hours: [24, 0, 1e6],
  interest_free: [null, 1000, 0],
  target_mode: ['multi', 'single', 'multi-asset'],
  open_orders: [null, 0, 3],
};

function arg(param: { readonly name: string; readonly dimensionality: 'scalar' | 'matrix' }): fc.Arbitrary<CellArg> {
  const layouts = LAYOUTS[param.name];
  if (param.dimensionality === 'matrix' && layouts !== undefined) {
    return fc.oneof(
      { arbitrary: shapedRange(layouts, 1), weight: 12 },
      { arbitrary: shapedRange([0, 1, 2, 3, 4, 5], 4), weight: 1 },
      { arbitrary: wildRange, weight: 1 },
      { arbitrary: scalar, weight: 1 },
    );
  }
  const good = GOOD_SCALARS[param.name];
  return fc.oneof(
    { arbitrary: good === undefined ? scalar : fc.constantFrom(...good), weight: 8 },
    { arbitrary: scalar, weight: 2 },
    { arbitrary: wildRange, weight: 1 },
  );
}

const argsOf = (name: FunctionName): fc.Arbitrary<CellArg[]> => fc.tuple(...FUNCTION_SPECS[name].params.map(arg));

/** Why a number cannot be a cell value, or null when it can. */
function badNumber(value: number): string | null {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return String(value);
  if (Object.is(value, -0)) return '-0';
  return null;
}

/** Numbers a message prints, outside text echoed from the input, with more than 15 significant digits. */
function longNumbers(message: string, echoes: readonly string[] = []): string[] {
  const unquoted = message.replace(/"[^"]*"/g, '""');
  const significant = (n: string) => (n.split('e')[0] ?? '').replace(/\./g, '').replace(/^0+/, '').replace(/0+$/, '').length;
  return (unquoted.match(/\d[\d.]*(?:e[+-]?\d+)?/g) ?? []).filter((n) => significant(n) > 15 && !echoes.some((e) => e.includes(n)));
}

/** What is wrong with a result, or null when it is a well-formed cell value. */
function problem(name: FunctionName, args: readonly CellArg[], result: CellResult): string | null {
  const echoes = args.flat(2).filter((cell): cell is string => typeof cell === 'string');
  if (typeof result === 'number') return badNumber(result);
  if (typeof result === 'string' || typeof result === 'boolean') return null;
  if (isCellError(result)) {
    if (!['value', 'na', 'num'].includes(result.error)) return `error kind ${result.error}`;
    const params = FUNCTION_SPECS[name].params.map((p) => p.name);
    const named = params.some((p) => new RegExp(`^${p}\\b[:,( ]`).test(result.message));
    if (!named && !WHOLE_CALL.some((re) => re.test(result.message))) return `message names no argument of ${name}: ${result.message}`;
    const long = longNumbers(result.message, echoes);
    return long.length > 0 ? `message prints ${long.join(', ')}` : null;
  }
  const width = result[0]?.length ?? 0;
  for (const row of result) {
    if (row.length !== width) return 'ragged spill';
    for (const cell of row) {
      if (typeof cell === 'number' && badNumber(cell) !== null) return `spilled ${badNumber(cell)}`;
      const own = typeof cell === 'string' ? echoes.reduce((text, e) => (e === '' ? text : text.split(e).join('')), cell) : '';
      if (/NaN|Infinity|function |\[object /.test(own)) return `spilled text ${cell}`;
      if (typeof cell === 'string' && longNumbers(cell, echoes).length > 0)
        return `spilled text prints ${longNumbers(cell, echoes).join(', ')}`;
    }
  }
  return null;
}

const registry = new PresetRegistry(BUILTIN_PRESETS);

describe('every MARGIN function under hostile cells', () => {
  it.each(FUNCTION_NAMES.map((n) => [n]))('%s never throws and answers a number, a table or a named error', (name) => {
    fc.assert(
      fc.property(argsOf(name), (args) => {
        let result: CellResult;
        try {
          result = invoke(name, args, { registry });
        } catch (error) {
          throw new Error(`${name} threw ${String(error)}`);
        }
        const found = problem(name, args, result);
        if (found !== null) throw new Error(found);
      }),
      { numRuns: 1000 },
    );
  });
});
