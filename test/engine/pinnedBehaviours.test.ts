/**
 * Behaviours of the core engine files that the rest of the suite exercised without pinning: each test names the
 * rule it holds, so that a change to it fails here (`npm run mutate` measures how well the suite does this).
 */
import Decimal from 'decimal.js';
import {
  accountEquity,
  boundedDecimal,
  bracketAt,
  bracketCum,
  bracketFor,
  bracketRates,
  completeBrackets,
  expectedNumber,
  assetEquities,
  collateralRatio,
  collateralValue,
  dec,
  findBrackets,
  initialMargin,
  maintenanceMargin,
  marginRatio,
  messageNumber,
  positionsMaintenance,
  readNumber,
  readNumberText,
  symbolBrackets,
  tierTable,
  topUpNeeded,
  valueHolding,
} from '../../src/engine';
import type { Bracket, Preset } from '../../src/engine';
import { assetOf, bal, binance, bitget, caught, pos, presetOf } from './fixtures';

const text = (t: string): string => {
  const r = readNumberText(t);
  return r.ok ? r.value.toString() : r.refusal;
};

const bracket = (floor: number, cap: number | null, mmr: string): Bracket => ({
  floor: dec(floor),
  cap: cap === null ? null : dec(cap),
  mmr: dec(mmr),
  cum: dec(0),
  imr: dec('0.1'),
});

/** A preset with brackets for BTCUSDT only, and assets whose tiers are unpublished (ETH) or by value (BTC). */
const withBrackets: Preset = {
  ...presetOf('pinned', [
    assetOf('USDT', 'value', [[0, null, 1]]),
    assetOf('BTC', 'value', [
      [0, 100000, '0.95'],
      [100000, 200000, '0.9'],
    ]),
    assetOf('ETH', 'quantity', []),
  ]),
  brackets: { BTCUSDT: [bracket(0, 50000, '0.004'), bracket(50000, null, '0.005')] },
};

describe('brackets of a symbol', () => {
  it("never lends one symbol's brackets to another that has none", () => {
    expect(findBrackets(withBrackets, 'ETHUSDT')).toBeUndefined();
    expect(findBrackets(withBrackets, 'ETH-USDT-SWAP')).toBeUndefined();
    expect(findBrackets(withBrackets, 'BTC-USDT-SWAP')).toBe(withBrackets.brackets?.BTCUSDT);
    expect(caught(() => symbolBrackets(withBrackets, 'ethusdt')).message).toBe(
      'symbol: preset pinned has no leverage brackets for ETHUSDT; import the exchange\'s bracket table (`multiasset import EXCHANGE BRACKETS.json --into pinned`) or add "brackets": { "ETHUSDT": [...] } to the preset',
    );
  });
});

describe('valuation', () => {
  it('values a zero holding of an asset with unpublished tiers at exactly 0', () => {
    expect(valueHolding(withBrackets, withBrackets.assets.ETH!, dec(0), dec(3000)).toString()).toBe('0');
    expect(accountEquity(withBrackets, [bal('ETH', 0, 3000), bal('USDT', 5, 1)]).toString()).toBe('5');
  });

  it('words the unpublished-tiers message by value for value tiers', () => {
    const error = caught(() => collateralValue(withBrackets, 'BTC', dec(4), dec(60000)));
    expect(error.message).toBe(
      'amount: preset pinned publishes BTC tiers only up to 200000 (USDT value); the holding reaches 240000. Import the live table or enter the further tiers',
    );
  });
});

describe('equity without positions', () => {
  it('takes no positions when none are given', () => {
    expect(assetEquities(bitget, [bal('USDT', 100, 1)]).map((r) => r.value.toString())).toEqual(['100']);
    expect(accountEquity(bitget, [bal('USDT', 100, 1)]).toString()).toBe('100');
  });
});

describe('liability margin', () => {
  // Bitget charges 5% maintenance and 10% initial margin on liabilities.
  const long = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 1, entry: 60000, mark: 60000, mmr: '0.004', imr: '0.01' });

  it("adds the liabilities' maintenance and initial margin only when balances are given", () => {
    expect(maintenanceMargin(bitget, [long]).toString()).toBe('240');
    expect(maintenanceMargin(bitget, [long], [bal('BTC', 1, 60000), bal('USDT', -1000, 1)]).toString()).toBe('290');
    expect(initialMargin(bitget, [long]).toString()).toBe('600');
    expect(initialMargin(bitget, [long], [bal('BTC', 1, 60000), bal('USDT', -1000, 1)]).toString()).toBe('700');
    // equity 58,500 − 1,000 + 0 PnL: (240 + 50) / 57,500
    expect(marginRatio(bitget, [bal('BTC', 1, 60000), bal('USDT', -1000, 1)], [long]).toString()).toBe(dec(290).div(57500).toString());
  });
});

describe('numbers at the edges of a cell', () => {
  it('reads the smallest normal double and refuses the largest subnormal', () => {
    const smallest = readNumber(2 ** -1022);
    expect(smallest.ok && smallest.value.toString()).toBe('2.2250738585072014e-308');
    expect(readNumber(2 ** -1022 - 2 ** -1074)).toEqual({ ok: false, refusal: 'too-small' });
    expect(readNumber(-(2 ** -1022)).ok).toBe(true);
  });

  it('reads text up to 120 characters and refuses the 121st', () => {
    expect(text(`${'0'.repeat(119)}1`)).toBe('1');
    expect(text(`   ${'0'.repeat(119)}1   `)).toBe('1');
    expect(text(`${'0'.repeat(120)}1`)).toBe('too-precise');
  });

  it('places the exponent by the leading digit, past leading zeros, commas and fractions', () => {
    expect(text('0.15e309')).toBe('1.5e+308');
    expect(text('150e306')).toBe('1.5e+308');
    expect(text('00015e307')).toBe('1.5e+308');
    expect(text('1,500e305')).toBe('1.5e+308');
    expect(text('0.0015e311')).toBe('1.5e+308');
    expect(text('1.9e308')).toBe('too-large');
    expect(text('0.0019e312')).toBe('too-large');
    expect(text('10,000e305')).toBe('too-large');
    expect(text('2.5e-308')).toBe('2.5e-308');
    expect(text('0.025e-306')).toBe('2.5e-308');
    expect(text('25e-309')).toBe('2.5e-308');
    expect(text('2,500e-311')).toBe('2.5e-308');
    expect(text('000.25e-307')).toBe('2.5e-308');
    expect(text('0.0025e-306')).toBe('too-small');
    expect(text('1e9007199254740993')).toBe('too-large');
    expect(text('-1e-9007199254740993')).toBe('too-small');
  });

  it('switches messageNumber to exponent form from 1e21 up and below 1e-7', () => {
    expect(messageNumber(dec('1e20'))).toBe('100000000000000000000');
    expect(messageNumber(dec('1e21'))).toBe('1e+21');
    expect(messageNumber(dec('1e-7'))).toBe('0.0000001');
    expect(messageNumber(dec('9.9e-8'))).toBe('9.9e-8');
    expect(messageNumber(dec('0.000001'))).toBe('0.000001');
    expect(messageNumber(dec('-1e21'))).toBe('-1e+21');
  });
});

describe('found by mutation testing', () => {
  const losing = pos({ symbol: 'BTCUSDT', side: 'LONG', size: 1, entry: 61000, mark: 60000, mmr: '0.004' });

  it('charges no liability margin on a loss without balances, since the holdings are unknown', () => {
    // The loss leaves USDT at −1,000 in the account built from positions alone; Bitget's 5% would add 50.
    expect(maintenanceMargin(bitget, [losing]).toString()).toBe('240');
    expect(positionsMaintenance(bitget, [losing], []).toString()).toBe('240');
    expect(maintenanceMargin(bitget, [losing], [bal('BTC', 1, 60000)]).toString()).toBe('290');
  });

  it('converts MAINT_MARGIN of another quote at the price given, and names `prices` when one is missing', () => {
    const eth = pos({ symbol: 'ETHUSDC', side: 'LONG', size: 10, entry: 3000, mark: 3000, mmr: '0.01' });
    expect(positionsMaintenance(binance, [eth], [{ asset: 'USDC', price: dec('0.5') }]).toString()).toBe('150');
    expect(caught(() => positionsMaintenance(binance, [eth], [])).message).toBe(
      'prices: a price for USDC is needed (positions settle in it)',
    );
  });

  it('names target_ratio when it is not positive', () => {
    expect(caught(() => topUpNeeded(bitget, [bal('USDT', 1000, 1)], [losing], 'USDT', dec(0))).message).toBe(
      'target_ratio: expected a positive number, got 0',
    );
  });

  it('names the asset and the preset when a zero holding asks for the ratio of unpublished tiers', () => {
    expect(caught(() => collateralRatio(withBrackets, 'ETH', dec(0), dec(3000))).message).toBe(
      'asset: the ETH haircut tiers of preset pinned are unpublished; import the live table or enter the tiers in the task pane',
    );
    expect(collateralRatio(withBrackets, 'BTC', dec(0), dec(60000)).toString()).toBe('0.95');
  });

  it('prepares a tier table once per asset spec and hands the same one back', () => {
    const spec = withBrackets.assets.BTC!;
    const table = tierTable(spec);
    expect(tierTable(spec)).toBe(table);
    expect(tierTable({ ...spec })).not.toBe(table);
    expect(tierTable({ ...spec })).toEqual(table);
  });

  it('refuses a value that is not finite, and never signs a zero', () => {
    expect(boundedDecimal(new Decimal(NaN))).toEqual({ ok: false, refusal: 'not-a-number' });
    expect(boundedDecimal(new Decimal(-Infinity))).toEqual({ ok: false, refusal: 'too-large' });
    const zero = boundedDecimal(dec('-0'));
    expect(zero.ok && zero.value.isZero() && !zero.value.isNeg()).toBe(true);
  });

  it('says what each refusal expected', () => {
    expect(expectedNumber('not-a-number')).toBe('a number');
    expect(expectedNumber('too-large')).toBe('a number a spreadsheet can hold (magnitude at most 1.8e308)');
    expect(expectedNumber('too-small')).toBe('zero or a number a spreadsheet can hold (magnitude at least 2.2e-308)');
    expect(expectedNumber('too-precise')).toMatch(/^a number of at most \d+ significant digits$/);
  });

  it('counts only the leading zeros of a fraction, and refuses an exponent past what a Decimal holds', () => {
    // 0.305e-307 is 3.05e-308, within a cell's range: the zero inside the fraction is not a leading one.
    expect(text('0.305e-307')).toBe('3.05e-308');
    // Past Decimal's own exponent range the value would underflow to 0; the text's exponent says too small.
    expect(text('1e-9007199254740990')).toBe('too-small');
    expect(text('0'.repeat(120) + '1')).toBe('too-precise');
  });

  it('gives bracket tables bounded by contracts no maintenance amounts', () => {
    const rows = [
      { floor: dec(0), mmr: dec('0.004'), contractValue: dec('0.01') },
      { floor: dec(2000), mmr: dec('0.005'), contractValue: dec('0.01') },
    ];
    expect(bracketCum(rows).map(String)).toEqual(['0', '0']);
    expect(bracketCum(rows.map(({ floor, mmr }) => ({ floor, mmr }))).map(String)).toEqual(['0', '2']);
  });

  it('adds maxLeverage and contractValue to a completed bracket only when given', () => {
    const never = (): never => {
      throw new Error('no initial rate');
    };
    const [plain] = completeBrackets([{ floor: dec(0), cap: null, mmr: dec('0.004'), imr: dec('0.008') }], never);
    expect(Object.keys(plain!)).toEqual(['floor', 'cap', 'mmr', 'cum', 'imr']);
    const [sized] = completeBrackets(
      [{ floor: dec(0), cap: null, mmr: dec('0.004'), maxLeverage: dec(125), contractValue: dec('0.01') }],
      never,
    );
    expect(Object.keys(sized!)).toEqual(['floor', 'cap', 'mmr', 'cum', 'imr', 'maxLeverage', 'contractValue']);
    expect(sized!.imr.toString()).toBe('0.008');
  });

  it('picks a bracket by notional up to the last cap, and says when a table is empty', () => {
    const table = [bracket(0, 50000, '0.004'), bracket(50000, 250000, '0.005')];
    expect(bracketAt(table, dec(49999), 'BTCUSDT').mmr.toString()).toBe('0.004');
    expect(bracketAt(table, dec(50000), 'BTCUSDT').mmr.toString()).toBe('0.005');
    expect(bracketAt(table, dec(250000), 'BTCUSDT').mmr.toString()).toBe('0.005');
    expect(caught(() => bracketAt(table, dec(250001), 'BTCUSDT')).message).toBe(
      'positions: the BTCUSDT notional 250001 is above the cap 250000 of its last leverage bracket; no bracket is published for it',
    );
    expect(caught(() => bracketFor([], dec(1), dec(60000), 'BTCUSDT')).message).toMatch(
      /^symbol: preset \(this\) has no leverage brackets for BTCUSDT;/,
    );
  });

  it('picks a contract-bounded bracket by the position size in contracts', () => {
    const tiers = [
      { ...bracket(0, 2000, '0.004'), contractValue: dec('0.01') },
      { ...bracket(2000, 4000, '0.005'), contractValue: dec('0.01') },
    ];
    // 20 BTC is 2,000 contracts of 0.01: the first tier's largest position; a hair more is the second's.
    expect(bracketFor(tiers, dec(-20), dec(60000), 'BTC-USDT-SWAP').mmr.toString()).toBe('0.004');
    expect(bracketFor(tiers, dec('20.001'), dec(60000), 'BTC-USDT-SWAP').mmr.toString()).toBe('0.005');
    expect(caught(() => bracketFor(tiers, dec('40.01'), dec(60000), 'BTC-USDT-SWAP')).message).toBe(
      'positions: the BTC-USDT-SWAP position of 4001 contracts of 0.01 is above the cap 4000 contracts of its last leverage bracket; no bracket is published for it',
    );
  });

  it('finds a bracket table under a key that is no symbol only by that key, in any case', () => {
    const odd: Preset = { ...withBrackets, brackets: { FOO: [bracket(0, null, '0.01')] } };
    expect(findBrackets(odd, ' foo ')).toBe(odd.brackets?.FOO);
    expect(findBrackets(odd, 'BAR')).toBeUndefined();
    expect(findBrackets(odd, 'BTCUSDT')).toBeUndefined();
    expect(caught(() => symbolBrackets(odd, ' bar ')).message).toMatch(/^symbol: preset pinned has no leverage brackets for BAR;/);
  });

  it('names the symbol as a row gives it, trimmed and upper-cased, and the default preset, when no brackets are found', () => {
    const position = { size: dec(1), mark: dec(3000) };
    expect(caught(() => bracketRates(undefined, undefined, ' ethusdt ', position, { arg: 'positions', row: 2 })).message).toMatch(
      /^positions, row 2: ETHUSDT has no mmr and preset \(default\) has no leverage brackets for it;/,
    );
  });
});
