import { bracketAt, dec } from '../../../src/engine';
import { bracketFor } from '../../../src/engine/brackets';
import { scaledBracketIndex, scaledBracketPick, scaledBrackets } from '../../../src/engine/numberPath/scaledBrackets';
import { mantissa, placesOf } from '../../../src/engine/numberPath/exactSum';
import { BRACKETS_PRESET, OKX_SIZE_BRACKETS_PRESET } from '../../support/bracketPreset';

const table = (BRACKETS_PRESET.brackets ?? {}).BTCUSDT ?? [];

describe('scaledBrackets', () => {
  it('holds the documented BTCUSDT table on integers: bounds, and rates as mantissas', () => {
    expect(scaledBrackets(table)).toEqual([
      { floor: 0, cap: 50000, mmr: { m: 4, k: 3 }, cum: { m: 0, k: 0 }, imr: { m: 8, k: 3 } },
      { floor: 50000, cap: 200000, mmr: { m: 5, k: 3 }, cum: { m: 50, k: 0 }, imr: { m: 1, k: 2 } },
    ]);
  });

  it('picks the bracket bracketAt picks, at and either side of each bound, and −1 past the last cap', () => {
    const scaled = scaledBrackets(table);
    if (scaled === null) throw new Error('expected the table on integers');
    // Notionals as w + f / 10^3.
    const cases: [number, number, string][] = [
      [0, 0, '0'],
      [49999, 999, '49999.999'],
      [50000, 0, '50000'],
      [50000, 1, '50000.001'],
      [199999, 999, '199999.999'],
      [200000, 0, '200000'],
    ];
    for (const [w, f, notional] of cases) {
      const i = scaledBracketIndex(scaled, w, f);
      expect(table[i]).toBe(bracketAt(table, dec(notional), 'BTCUSDT'));
    }
    expect(scaledBracketIndex(scaled, 200000, 1)).toBe(-1);
    expect(() => bracketAt(table, dec('200000.001'), 'BTCUSDT')).toThrow('above the cap 200000');
  });

  it('leaves a table with a fractional bound to the Decimal path', () => {
    expect(scaledBrackets([{ ...table[0]!, cap: dec('12345.5') }])).toBeNull();
  });

  it('holds a table bounded by contracts with its bounds in coin, and picks as bracketFor does: each cap inclusive', () => {
    const okx = OKX_SIZE_BRACKETS_PRESET.brackets?.['BTC-USDT-SWAP'] ?? [];
    expect(scaledBrackets(okx)?.map((b) => [b.floor, b.cap])).toEqual([
      [0, 20],
      [20, 40],
      [40, 80],
    ]);
    const split = { w: 0, f: 0, t: 0 };
    for (const size of [0.01, 19.99, 20, 20.001, 40, 79.9, 80]) {
      const k = placesOf(size);
      const i = scaledBracketPick(okx, size, mantissa(size, k), k, 6000000, 2, split);
      expect([size, okx[i]]).toEqual([size, bracketFor(okx, dec(size), dec(60000), 'BTC-USDT-SWAP')]);
    }
    expect(scaledBracketPick(okx, 80.001, 80001, 3, 6000000, 2, split)).toBe(-1);
  });
});
