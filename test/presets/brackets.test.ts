import { isMarginError } from '../../src/engine/errors';
import { BINANCE_PRESET, diffPresets, parsePreset, presetToJson } from '../../src/presets';

const withBrackets = (brackets: unknown): unknown => ({ ...presetToJson(BINANCE_PRESET), id: 'desk', status: 'custom', brackets });

function refusal(json: unknown): string {
  try {
    parsePreset(json);
  } catch (e) {
    if (isMarginError(e)) return e.message;
    throw e;
  }
  throw new Error('expected a refusal');
}

const DESIGN_EXAMPLE = {
  BTCUSDT: [
    { floor: 0, cap: 50000, mmr: '0.004', cum: '0', maxLeverage: 125 },
    { floor: 50000, cap: 200000, mmr: '0.005', maxLeverage: 100 },
    { floor: 200000, cap: null, mmr: '0.01', imr: '0.02' },
  ],
};

describe('preset brackets', () => {
  const preset = parsePreset(withBrackets(DESIGN_EXAMPLE));
  const btc = preset.brackets?.BTCUSDT ?? [];

  it('derives the missing cums (50000 × 0.001 = 50; 50 + 200000 × 0.005 = 1050) and imr = 1/maxLeverage', () => {
    expect(btc.map((b) => [b.floor.toString(), b.cap?.toString() ?? null, b.mmr.toString(), b.cum.toString(), b.imr.toString()])).toEqual([
      ['0', '50000', '0.004', '0', '0.008'],
      ['50000', '200000', '0.005', '50', '0.01'],
      ['200000', null, '0.01', '1050', '0.02'],
    ]);
    expect(btc[0]?.maxLeverage?.toString()).toBe('125');
    expect(btc[2]?.maxLeverage).toBeUndefined();
  });

  it('accepts a cum of exactly floor × mmr and an initial rate equal to the maintenance rate', () => {
    const p = parsePreset(
      withBrackets({
        BTCUSDT: [
          { floor: 0, cap: 50000, mmr: '0.5', imr: '0.5' },
          { floor: 50000, cap: null, mmr: '0.5', cum: '25000', imr: '1' },
        ],
      }),
    );
    expect(p.brackets?.BTCUSDT?.map((b) => [b.cum.toString(), b.imr.toString()])).toEqual([
      ['0', '0.5'],
      ['25000', '1'],
    ]);
  });

  it('keeps a published cum as given', () => {
    const p = parsePreset(withBrackets({ ETHUSDT: [{ floor: 0, cap: 10000, mmr: '0.0065', cum: '0.0', maxLeverage: 75 }] }));
    expect(p.brackets?.ETHUSDT?.[0]?.cum.toString()).toBe('0');
  });

  it('survives presetToJson and parsePreset unchanged, imr written only where it is not 1/maxLeverage', () => {
    const json = presetToJson(preset);
    expect(json.brackets?.BTCUSDT).toEqual([
      { floor: '0', cap: '50000', mmr: '0.004', cum: '0', maxLeverage: '125' },
      { floor: '50000', cap: '200000', mmr: '0.005', cum: '50', maxLeverage: '100' },
      { floor: '200000', cap: null, mmr: '0.01', cum: '1050', imr: '0.02' },
    ]);
    expect(parsePreset(json)).toEqual(preset);
  });

  it.each([
    [
      { BTCUSDT: [{ floor: 10, cap: null, mmr: '0.004', maxLeverage: 125 }] },
      'preset brackets.BTCUSDT[0].floor: expected the first tier to start at 0, got 10',
    ],
    [
      {
        BTCUSDT: [
          { floor: 0, cap: 50000, mmr: '0.004', maxLeverage: 125 },
          { floor: 60000, cap: null, mmr: '0.005', maxLeverage: 100 },
        ],
      },
      "preset brackets.BTCUSDT[1].floor: expected 50000 (the previous tier's cap: tiers must be contiguous), got 60000",
    ],
    [
      { BTCUSDT: [{ floor: 0, cap: null, mmr: '1.5', maxLeverage: 125 }] },
      'preset brackets.BTCUSDT[0].mmr: expected a ratio from 0 to 1, got 1.5',
    ],
    [
      { BTCUSDT: [{ floor: 0, cap: null, mmr: '0.004', imr: '2' }] },
      'preset brackets.BTCUSDT[0].imr: expected a rate above 0, at most 1, got 2',
    ],
    [
      { BTCUSDT: [{ floor: 0, cap: null, mmr: '0.004' }] },
      'preset brackets.BTCUSDT[0]: expected maxLeverage or imr (the initial margin rate)',
    ],
    [
      { BTCUSDT: [{ floor: 0, cap: null, mmr: '0.004', maxLeverage: '0.5' }] },
      'preset brackets.BTCUSDT[0].maxLeverage: expected a rate of at least 1, got 0.5',
    ],
    [
      { BTCUSDT: [{ floor: 0, mmr: '0.004', maxLeverage: 125 }] },
      'preset brackets.BTCUSDT[0].cap: required, but missing (null for no cap)',
    ],
    [
      { BTCUSDT: [{ floor: 0, cap: null, mmr: '0.004', maxLeverage: 125, mmrr: 1 }] },
      'preset brackets.BTCUSDT[0].mmrr: unknown field; expected one of floor, cap, mmr, cum, maxLeverage, imr, contractValue',
    ],
    [
      {
        BTCUSDT: [
          { floor: 0, cap: 50000, mmr: '0.004', maxLeverage: 125 },
          { floor: 50000, cap: null, mmr: '0.005', cum: '100000', maxLeverage: 100 },
        ],
      },
      "preset brackets.BTCUSDT[1].cum: expected at most floor × mmr = 250, got 100000: the maintenance margin at the bracket's floor would be negative",
    ],
    [
      { BTCUSDT: [{ floor: 0, cap: null, mmr: '0.004', cum: '0.01', maxLeverage: 125 }] },
      "preset brackets.BTCUSDT[0].cum: expected at most floor × mmr = 0, got 0.01: the maintenance margin at the bracket's floor would be negative",
    ],
    [
      { BTCUSDT: [{ floor: 0, cap: null, mmr: '0.05', maxLeverage: 125 }] },
      'preset brackets.BTCUSDT[0].maxLeverage: expected an initial margin rate of at least the maintenance rate 0.05, got 0.008',
    ],
    [
      { BTCUSDT: [{ floor: 0, cap: null, mmr: '0.05', imr: '0.04' }] },
      'preset brackets.BTCUSDT[0].imr: expected an initial margin rate of at least the maintenance rate 0.05, got 0.04',
    ],
    [{ BTCUSDT: [] }, 'preset brackets.BTCUSDT: expected at least one bracket, got an empty list'],
    [{ 'BTC USDT': [] }, 'preset brackets["BTC USDT"]: expected a symbol such as "BTCUSDT", got "BTC USDT"'],
  ])('refuses a malformed bracket table, naming the field (%#)', (brackets, message) => {
    expect(refusal(withBrackets(brackets))).toBe(message);
  });

  it('lists bracket changes bracket by bracket, and a new symbol as one change', () => {
    const changed = parsePreset(
      withBrackets({
        BTCUSDT: [DESIGN_EXAMPLE.BTCUSDT[0], { ...DESIGN_EXAMPLE.BTCUSDT[1], mmr: '0.006' }, DESIGN_EXAMPLE.BTCUSDT[2]],
        ETHUSDT: [{ floor: 0, cap: null, mmr: '0.0065', maxLeverage: 75 }],
      }),
    );
    const lines = diffPresets(preset, changed).filter((c) => c.field.startsWith('brackets'));
    expect(lines).toEqual([
      {
        asset: null,
        field: 'brackets.BTCUSDT[1]',
        before: '50000 to 200000: mmr 0.005, cum 50, 100×',
        after: '50000 to 200000: mmr 0.006, cum 100, 100×',
      },
      {
        asset: null,
        field: 'brackets.BTCUSDT[2]',
        before: '200000 and above: mmr 0.01, cum 1050, imr 0.02',
        after: '200000 and above: mmr 0.01, cum 900, imr 0.02',
      },
      { asset: null, field: 'brackets.ETHUSDT', before: null, after: '0 and above: mmr 0.0065, cum 0, 75×' },
    ]);
  });
});
