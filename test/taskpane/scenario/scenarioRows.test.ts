import { readFileSync } from 'fs';
import { join } from 'path';
import { marginRatio } from '../../../src/engine';
import type { Position, Preset } from '../../../src/engine/model';
import { invoke, type FunctionContext } from '../../../src/functions/core';
import { parsePresetText, PresetRegistry } from '../../../src/presets';
import { EMPTY_POSITION } from '../../../src/taskpane/context/scenarioState';
import { parseBalanceRows, parsePositionRows } from '../../../src/taskpane/scenario/scenarioRows';

const balance = (asset: string, amount: string, price: string, upnl = '') => ({ asset, amount, price, upnl });

describe('parseBalanceRows', () => {
  it('reads typed rows into engine balances, upper-casing assets', () => {
    const [b] = parseBalanceRows([balance(' btc ', '10', '60,000')]);
    expect(b?.asset).toBe('BTC');
    expect(b?.amount.toString()).toBe('10');
    expect(b?.price.toString()).toBe('60000');
    expect(b?.upnl).toBeUndefined();
  });

  it('skips rows left entirely blank', () => {
    expect(parseBalanceRows([balance('', '', ''), balance('USDT', '-5000', '1')])).toHaveLength(1);
  });

  it('names the row and column of a value that is not a number', () => {
    expect(() => parseBalanceRows([balance('USDT', '1', '1'), balance('BTC', 'ten', '60000')])).toThrow(
      'balances, row 2, amount: expected a number, got "ten"',
    );
  });

  it('refuses a price that is not positive', () => {
    expect(() => parseBalanceRows([balance('BTC', '1', '0')])).toThrow('balances, row 1, price: expected a positive number, got 0');
  });

  it('refuses Infinity and NaN spelled out', () => {
    expect(() => parseBalanceRows([balance('BTC', 'Infinity', '1')])).toThrow('expected a number');
    expect(() => parseBalanceRows([balance('BTC', 'NaN', '1')])).toThrow('expected a number');
  });

  it('says when a row has no asset', () => {
    expect(() => parseBalanceRows([balance('', '1', '1')])).toThrow(
      'balances, row 1: asset is blank; expected asset, amount, price, [upnl]',
    );
  });
});

describe('parsePositionRows', () => {
  const position = { ...EMPTY_POSITION, symbol: 'BTCUSDT', size: '1', entry: '60000', mark: '61000', mmr: '0.004' };

  it('reads a position with defaults for cum and margin mode', () => {
    const [p] = parsePositionRows([position]);
    expect(p?.side).toBe('LONG');
    expect(p?.cum.toString()).toBe('0');
    expect(p?.marginMode).toBe('cross');
    expect(p?.imr).toBeUndefined();
  });

  it('ignores a row with only its side and margin mode chosen', () => {
    expect(parsePositionRows([{ ...EMPTY_POSITION }])).toEqual([]);
  });

  it('refuses an unknown side with the choices', () => {
    expect(() => parsePositionRows([{ ...position, side: 'UP' }])).toThrow(
      'positions, row 1, side: expected one of LONG, SHORT, BOTH, got "UP"',
    );
  });

  it('refuses an unknown margin mode', () => {
    expect(() => parsePositionRows([{ ...position, margin_mode: 'portfolio' }])).toThrow('margin_mode: expected one of cross, isolated');
  });

  it('reads isolated positions', () => {
    expect(parsePositionRows([{ ...position, margin_mode: 'Isolated' }])[0]?.marginMode).toBe('isolated');
  });
});

describe('parsePositionRows with leverage brackets', () => {
  // The sample preset imported from Bitget's documented query-position-lever response: BTCUSDT 0–50,000 at
  // mmr 0.004 (cum 0), 50,000–200,000 at 0.005 (cum 50).
  const preset = parsePresetText(readFileSync(join(__dirname, '../../../examples/presets/bitget-brackets.json'), 'utf8'));
  const row = (size: string, mmr = '', cum = '') => ({
    ...EMPTY_POSITION,
    symbol: 'BTCUSDT',
    side: 'LONG',
    size,
    entry: '60000',
    mark: '60000',
    mmr,
    cum,
  });

  it('takes a blank mmr and cum from the bracket of the notional, as a positions range in a formula does', () => {
    const [p] = parsePositionRows([row('1')], preset);
    expect([p?.mmr.toString(), p?.cum.toString()]).toEqual(['0.005', '50']);
    const cells = [
      ['symbol', 'side', 'size', 'entry', 'mark', 'mmr'],
      ['BTCUSDT', 'LONG', 1, 60000, 60000, null],
    ];
    const ratio = invoke('MARGIN_RATIO', [[['USDT', 10000, 1]], cells, 'bitget-brackets'], registryWith(preset));
    // MM 60,000 × 0.005 − 50 = 250 over equity 10,000.
    expect(ratio).toBe(0.025);
    expect(
      marginRatio(preset, parseBalanceRows([{ asset: 'USDT', amount: '10000', price: '1', upnl: '' }]), [p as Position]).toString(),
    ).toBe('0.025');
  });

  it('says how to add brackets when the preset has none for the symbol, and refuses a cum without its mmr', () => {
    expect(() => parsePositionRows([{ ...row('1'), symbol: 'ETHUSDT' }], preset)).toThrow(
      'positions, row 1: ETHUSDT has no mmr and preset bitget-brackets has no leverage brackets for it',
    );
    expect(() => parsePositionRows([row('1', '', '5')], preset)).toThrow('positions, row 1: cum is given but mmr is blank');
  });
});

function registryWith(preset: Preset): FunctionContext {
  const registry = new PresetRegistry();
  registry.upsertCustom(preset);
  return { registry };
}
