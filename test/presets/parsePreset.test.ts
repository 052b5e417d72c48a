import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { isMarginError } from '../../src/engine/errors';
import { BUILTIN_PRESETS, parsePreset, presetToJson } from '../../src/presets';

// Tests reach into documents by arbitrary paths to break one field at a time.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Doc = Record<string, any>;

const EXAMPLE_FILE = join(__dirname, '../../examples/presets/desk-example.json');
const example = (): Doc => JSON.parse(readFileSync(EXAMPLE_FILE, 'utf8'));

function refusal(json: unknown): { message: string } {
  try {
    parsePreset(json);
  } catch (e) {
    if (isMarginError(e) && e.code === 'INVALID_PRESET') return { message: e.message };
    throw e;
  }
  throw new Error('expected INVALID_PRESET');
}

/** The example with one change applied. */
function exampleWith(change: (p: Doc) => void): Doc {
  const p = example();
  change(p);
  return p;
}

describe('parsePreset', () => {
  it('loads the complete example of the design', () => {
    const p = parsePreset(example());
    expect(p.id).toBe('desk-example');
    expect(p.status).toBe('custom');
    expect(p.quote).toBe('USDT');
    const btc = p.assets.BTC!;
    expect(btc.asset).toBe('BTC');
    expect(btc.tiers.map((t) => [t.floor.toString(), t.cap?.toString() ?? null, t.ratio.toString()])).toEqual([
      ['0', '100000', '0.975'],
      ['100000', null, '0.95'],
    ]);
    expect(btc.liabilityRate.toString()).toBe('1.005');
    expect(btc.autoExchangeHaircut?.toString()).toBe('0.025');
    expect(btc.hourlyInterestRate?.toString()).toBe('0.00001');
    expect(btc.individualLimit?.toString()).toBe('100');
    expect(btc.platformLimit?.toString()).toBe('5000');
    expect(p.assets.USDT!.liabilityRate.toString()).toBe('1');
    expect(p.rules.ltvTrigger?.toString()).toBe('0.995');
    expect(p.rules.autoExchangeThresholds?.vip?.toString()).toBe('-10000');
    const toSingle = p.rules.modeSwitch?.toSingle ?? [];
    expect(toSingle.slice(0, 2)).toEqual(['noOpenOrders', 'quoteCoversMargin']);
    const last = toSingle[2];
    expect(typeof last === 'object' && last.maintenanceRateBelow.toString()).toBe('0.8');
  });

  it('upper-cases asset keys and the quote', () => {
    const p = parsePreset(
      exampleWith((j) => {
        j.quote = 'usdt';
        j.assets = { usdt: j.assets.USDT, Btc: j.assets.BTC };
      }),
    );
    expect(Object.keys(p.assets)).toEqual(['USDT', 'BTC']);
    expect(p.assets.BTC!.asset).toBe('BTC');
    expect(p.quote).toBe('USDT');
  });

  it('reads a JSON number and the same decimal string alike, exponents included', () => {
    const a = parsePreset(exampleWith((j) => (j.assets.BTC.tiers[1].ratio = 0.95)));
    const b = parsePreset(exampleWith((j) => (j.assets.BTC.tiers[1].ratio = '9.5e-1')));
    expect(a.assets.BTC!.tiers[1]!.ratio.toString()).toBe('0.95');
    expect(b.assets.BTC!.tiers[1]!.ratio.toString()).toBe('0.95');
  });

  it('keeps every digit of a decimal string', () => {
    const p = parsePreset(exampleWith((j) => (j.assets.BTC.tiers[1].ratio = '0.123456789012345678901234567')));
    expect(p.assets.BTC!.tiers[1]!.ratio.toString()).toBe('0.123456789012345678901234567');
  });

  it('reads a negative zero floor as 0', () => {
    const p = parsePreset(exampleWith((j) => (j.assets.BTC.tiers[0].floor = '-0')));
    expect(p.assets.BTC!.tiers[0]!.floor.toString()).toBe('0');
    expect(p.assets.BTC!.tiers[0]!.floor.isNegative()).toBe(false);
  });

  it('accepts an asset with no published tiers (empty list)', () => {
    const p = parsePreset(exampleWith((j) => (j.assets.ETH = { tierUnit: 'quantity', tiers: [] })));
    expect(p.assets.ETH!.tiers).toEqual([]);
  });

  it('accepts a last tier with a cap: nothing is published beyond it', () => {
    const p = parsePreset(exampleWith((j) => (j.assets.BTC.tiers[1].cap = '500000')));
    expect(p.assets.BTC!.tiers[1]!.cap?.toString()).toBe('500000');
  });

  it('matches the default user tier case-insensitively and keeps the threshold key', () => {
    const p = parsePreset(exampleWith((j) => (j.rules.defaultUserTier = 'VIP')));
    expect(p.rules.defaultUserTier).toBe('vip');
  });

  it('accepts the optional fields written by importers and notes', () => {
    const p = parsePreset(
      exampleWith((j) => {
        Object.assign(j.assets.BTC, { interestFree: '2', indexPrice: '60000.5', note: 'from the live table' });
        Object.assign(j.rules, { liabilityMaintenanceRate: '0.05', liabilityInitialRate: '0.1' });
        j.notes = ['first', 'second'];
      }),
    );
    expect(p.assets.BTC!.interestFree?.toString()).toBe('2');
    expect(p.assets.BTC!.indexPrice?.toString()).toBe('60000.5');
    expect(p.assets.BTC!.note).toBe('from the live table');
    expect(p.rules.liabilityMaintenanceRate?.toString()).toBe('0.05');
    expect(p.rules.liabilityInitialRate?.toString()).toBe('0.1');
    expect(p.notes).toEqual(['first', 'second']);
  });

  it('does not keep a reference to its input', () => {
    const json = example();
    const p = parsePreset(json);
    json.assets.BTC.tiers[0].ratio = '0.1';
    json.assets.BTC.tierUnit = 'quantity';
    expect(p.assets.BTC!.tiers[0]!.ratio.toString()).toBe('0.975');
    expect(p.assets.BTC!.tierUnit).toBe('value');
  });

  it('names the field and what was expected in its message', () => {
    expect(refusal(exampleWith((j) => (j.assets.BTC.tiers[1].floor = 90000))).message).toBe(
      "preset assets.BTC.tiers[1].floor: expected 100000 (the previous tier's cap: tiers must be contiguous), got 90000",
    );
    expect(refusal(exampleWith((j) => (j.assets.BTC.tiers[0].ratio = '1.2'))).message).toBe(
      'preset assets.BTC.tiers[0].ratio: expected a ratio from 0 to 1, got 1.2',
    );
    expect(refusal(exampleWith((j) => (j.assets.BTC.tiers[0].ratio = 'abc'))).message).toBe(
      'preset assets.BTC.tiers[0].ratio: expected a number or a decimal string, got "abc"',
    );
  });

  const malformed: [string, string, (j: Doc) => void][] = [
    ['a missing id', 'id', (j) => delete j.id],
    ['an empty id', 'id', (j) => (j.id = '')],
    ['an id with a space', 'id', (j) => (j.id = 'desk example')],
    ['a numeric id', 'id', (j) => (j.id = 7)],
    ['an unknown top-level field', 'colour', (j) => (j.colour = 'red')],
    ['an empty name', 'name', (j) => (j.name = ' ')],
    ['an impossible date', 'asOf', (j) => (j.asOf = '2026-02-30')],
    ['a date in another format', 'asOf', (j) => (j.asOf = '21/11/2026')],
    ['a missing source', 'source', (j) => delete j.source],
    ['an unknown status', 'status', (j) => (j.status = 'draft')],
    ['a quote that is not an asset', 'quote', (j) => (j.quote = 'EUR')],
    ['no assets', 'assets', (j) => (j.assets = {})],
    ['assets as a list', 'assets', (j) => (j.assets = [j.assets.BTC])],
    ['an asset name with a space', 'assets["B T C"]', (j) => (j.assets['B T C'] = j.assets.BTC)],
    ['the same asset twice in different case', 'assets.btc', (j) => (j.assets.btc = j.assets.BTC)],
    ['an asset that is not an object', 'assets.ETH', (j) => (j.assets.ETH = 0.9)],
    ['an unknown tier unit', 'assets.BTC.tierUnit', (j) => (j.assets.BTC.tierUnit = 'usd')],
    ['a missing tier unit', 'assets.BTC.tierUnit', (j) => delete j.assets.BTC.tierUnit],
    ['missing tiers', 'assets.BTC.tiers', (j) => delete j.assets.BTC.tiers],
    ['tiers as an object', 'assets.BTC.tiers', (j) => (j.assets.BTC.tiers = { floor: 0, cap: null, ratio: 1 })],
    ['a tier that is not an object', 'assets.BTC.tiers[1]', (j) => (j.assets.BTC.tiers[1] = 0.95)],
    ['a first tier not starting at 0', 'assets.BTC.tiers[0].floor', (j) => (j.assets.BTC.tiers[0].floor = 1)],
    ['a gap between tiers', 'assets.BTC.tiers[1].floor', (j) => (j.assets.BTC.tiers[1].floor = 90000)],
    ['overlapping tiers', 'assets.BTC.tiers[1].floor', (j) => (j.assets.BTC.tiers[1].floor = 110000)],
    ['an open-ended tier before the last', 'assets.BTC.tiers[0].cap', (j) => (j.assets.BTC.tiers[0].cap = null)],
    ['a cap equal to its floor', 'assets.BTC.tiers[1].cap', (j) => (j.assets.BTC.tiers[1].cap = 100000)],
    ['a cap below its floor', 'assets.BTC.tiers[1].cap', (j) => (j.assets.BTC.tiers[1].cap = '50000')],
    ['a zero cap', 'assets.USDT.tiers[0].cap', (j) => (j.assets.USDT.tiers[0].cap = 0)],
    ['a missing cap', 'assets.BTC.tiers[1].cap', (j) => delete j.assets.BTC.tiers[1].cap],
    ['a missing ratio', 'assets.BTC.tiers[0].ratio', (j) => delete j.assets.BTC.tiers[0].ratio],
    ['a negative floor', 'assets.BTC.tiers[0].floor', (j) => (j.assets.BTC.tiers[0].floor = -1)],
    ['a ratio above 1', 'assets.BTC.tiers[1].ratio', (j) => (j.assets.BTC.tiers[1].ratio = 1.01)],
    ['a negative ratio', 'assets.BTC.tiers[0].ratio', (j) => (j.assets.BTC.tiers[0].ratio = '-0.1')],
    ['a ratio as a percentage string', 'assets.BTC.tiers[0].ratio', (j) => (j.assets.BTC.tiers[0].ratio = '97.5%')],
    ['a ratio with blanks', 'assets.BTC.tiers[0].ratio', (j) => (j.assets.BTC.tiers[0].ratio = ' 0.975')],
    ['an empty ratio string', 'assets.BTC.tiers[0].ratio', (j) => (j.assets.BTC.tiers[0].ratio = '')],
    ['an infinite ratio', 'assets.BTC.tiers[0].ratio', (j) => (j.assets.BTC.tiers[0].ratio = Infinity)],
    ['a NaN floor', 'assets.BTC.tiers[0].floor', (j) => (j.assets.BTC.tiers[0].floor = NaN)],
    ['a boolean ratio', 'assets.BTC.tiers[0].ratio', (j) => (j.assets.BTC.tiers[0].ratio = true)],
    ['an unknown tier field', 'assets.BTC.tiers[0].rate', (j) => (j.assets.BTC.tiers[0].rate = 0.9)],
    ['a liability rate below 1', 'assets.BTC.liabilityRate', (j) => (j.assets.BTC.liabilityRate = '0.99')],
    ['an auto-exchange haircut of 1', 'assets.BTC.autoExchangeHaircut', (j) => (j.assets.BTC.autoExchangeHaircut = 1)],
    ['a negative hourly interest rate', 'assets.BTC.hourlyInterestRate', (j) => (j.assets.BTC.hourlyInterestRate = -0.0001)],
    ['a negative individual limit', 'assets.BTC.individualLimit', (j) => (j.assets.BTC.individualLimit = -1)],
    ['a zero index price', 'assets.BTC.indexPrice', (j) => (j.assets.BTC.indexPrice = 0)],
    ['an empty note', 'assets.BTC.note', (j) => (j.assets.BTC.note = '')],
    ['a misspelt optional asset field', 'assets.BTC.liabiltyRate', (j) => (j.assets.BTC.liabiltyRate = '1.1')],
    ['missing rules', 'rules', (j) => delete j.rules],
    ['missing risk bands', 'rules.riskBands', (j) => delete j.rules.riskBands],
    ['a danger band below the warning band', 'rules.riskBands.danger', (j) => (j.rules.riskBands.danger = 0.4)],
    ['a zero warning band', 'rules.riskBands.warning', (j) => (j.rules.riskBands.warning = 0)],
    ['a danger band above 1', 'rules.riskBands.danger', (j) => (j.rules.riskBands.danger = 1.2)],
    ['a zero LTV trigger', 'rules.ltvTrigger', (j) => (j.rules.ltvTrigger = 0)],
    ['a positive threshold', 'rules.autoExchangeThresholds.vip', (j) => (j.rules.autoExchangeThresholds.vip = 10000)],
    ['no thresholds in the object', 'rules.autoExchangeThresholds', (j) => (j.rules.autoExchangeThresholds = {})],
    ['a user tier twice in different case', 'rules.autoExchangeThresholds.VIP', (j) => (j.rules.autoExchangeThresholds.VIP = -1)],
    ['an unknown default user tier', 'rules.defaultUserTier', (j) => (j.rules.defaultUserTier = 'gold')],
    [
      'a default user tier without thresholds',
      'rules.defaultUserTier',
      (j) => {
        delete j.rules.autoExchangeThresholds;
        j.rules.defaultUserTier = 'regular';
      },
    ],
    ['an unknown mode-switch rule', 'rules.modeSwitch.toMulti[1]', (j) => (j.rules.modeSwitch.toMulti[1] = 'noPositions')],
    ['a mode-switch rule twice', 'rules.modeSwitch.toMulti[4]', (j) => j.rules.modeSwitch.toMulti.push('crossOnly')],
    [
      'a maintenance rate above 1',
      'rules.modeSwitch.toSingle[2].maintenanceRateBelow',
      (j) => (j.rules.modeSwitch.toSingle[2].maintenanceRateBelow = 1.5),
    ],
    [
      'a misspelt maintenance rule',
      'rules.modeSwitch.toSingle[2].maintenanceRateBelw',
      (j) => (j.rules.modeSwitch.toSingle[2] = { maintenanceRateBelw: 0.8 }),
    ],
    ['a mode-switch rule as a number', 'rules.modeSwitch.toSingle[0]', (j) => (j.rules.modeSwitch.toSingle[0] = 4170)],
    ['an unknown switch direction', 'rules.modeSwitch.toBoth', (j) => (j.rules.modeSwitch.toBoth = [])],
    ['mode-switch rules not in a list', 'rules.modeSwitch.toMulti', (j) => (j.rules.modeSwitch.toMulti = 'crossOnly')],
    ['a liability maintenance rate above 1', 'rules.liabilityMaintenanceRate', (j) => (j.rules.liabilityMaintenanceRate = 2)],
    ['an unknown rule', 'rules.ltvTriger', (j) => (j.rules.ltvTriger = 1)],
    ['notes not in a list', 'notes', (j) => (j.notes = 'one note')],
    ['an empty note in the list', 'notes[1]', (j) => (j.notes = ['fine', ''])],
  ];

  it.each(malformed)('refuses %s, naming %s', (_what, where, change) => {
    const prefix = `preset ${where}: `;
    expect(refusal(exampleWith(change)).message.slice(0, prefix.length)).toBe(prefix);
  });

  it.each([
    [
      'a cap of 1e400000000 as text',
      'assets.BTC.tiers[0].cap',
      '1e400000000',
      'a number a spreadsheet can hold (magnitude at most 1.8e308), got "1e400000000"',
    ],
    [
      'a floor of 1e-40000000 as text',
      'assets.BTC.tiers[1].floor',
      '1e-40000000',
      'zero or a number a spreadsheet can hold (magnitude at least 2.2e-308), got "1e-40000000"',
    ],
    [
      'a ratio of 61 significant digits',
      'assets.BTC.tiers[0].ratio',
      `0.${'9'.repeat(61)}`,
      'a number of at most 60 significant digits, got "0.99999999999999999999999999999999999999"…',
    ],
    [
      'an exponent beyond a safe integer',
      'rules.ltvTrigger',
      '1e99999999999999999',
      'a number a spreadsheet can hold (magnitude at most 1.8e308), got "1e99999999999999999"',
    ],
  ])('refuses %s at once, naming %s', (_what, where, value, expected) => {
    const doc = example();
    const [first, ...rest] = where.replace(/\[(\d+)\]/g, '.$1').split('.');
    let node: Doc = doc;
    for (const key of [first!, ...rest.slice(0, -1)]) node = node[key];
    node[rest[rest.length - 1]!] = value;
    expect(refusal(doc).message).toBe(`preset ${where}: expected ${expected}`);
  });

  it('prints at most 15 significant digits of a refused number', () => {
    const doc = exampleWith((j) => (j.assets.BTC.tiers[0].ratio = '58232.9317269076305220883534136546184738955823293172690763'));
    expect(refusal(doc).message).toBe('preset assets.BTC.tiers[0].ratio: expected a ratio from 0 to 1, got 58232.9317269076');
  });

  it('keeps a cap near the largest number a cell holds through a save and a load', () => {
    const doc = exampleWith((j) => {
      j.assets.BTC.tiers[1].cap = '1.5e308';
      j.assets.BTC.tiers.push({ floor: '1.5e308', cap: null, ratio: 0.9 });
    });
    const p = parsePreset(doc);
    const again = parsePreset(JSON.parse(JSON.stringify(presetToJson(p))));
    expect(again.assets.BTC!.tiers[1]!.cap!.toString()).toBe('1.5e+308');
    expect(presetToJson(again).assets.BTC!.tiers[1]!.cap).toBe('1.5e+308');
  });

  it.each(['__proto__', 'constructor', 'toString'])('refuses the user tier name %p, which every object already has', (name) => {
    const doc = exampleWith((j) => (j.rules.autoExchangeThresholds = JSON.parse(`{"regular": -5000, "${name}": -5000}`)));
    expect(refusal(doc).message).toBe(
      `preset rules.autoExchangeThresholds${name === '__proto__' ? '.__proto__' : `.${name}`}: expected a user tier name, got "${name}", which is reserved`,
    );
  });

  it.each([null, [], 'preset', 42])('refuses %p as a whole', (json) => {
    expect(refusal(json).message).toMatch(/^preset: expected an object, got /);
  });
});

describe('presetToJson', () => {
  it('writes every number as a decimal string and cap null as null', () => {
    const json = presetToJson(parsePreset(example()));
    expect(json.assets.BTC!.tiers).toEqual([
      { floor: '0', cap: '100000', ratio: '0.975' },
      { floor: '100000', cap: null, ratio: '0.95' },
    ]);
    expect(json.assets.BTC!.individualLimit).toBe('100');
    expect(json.rules.riskBands).toEqual({ warning: '0.5', danger: '0.8' });
    expect(json.rules.autoExchangeThresholds).toEqual({ regular: '-5000', vip: '-10000' });
    expect(json.rules.modeSwitch?.toSingle?.[2]).toEqual({ maintenanceRateBelow: '0.8' });
  });

  it('writes tiny and huge numbers without exponent notation', () => {
    const json = presetToJson(
      parsePreset(
        exampleWith((j) => {
          j.assets.BTC.hourlyInterestRate = '1e-45';
          j.assets.BTC.platformLimit = '5e70';
        }),
      ),
    );
    expect(json.assets.BTC!.hourlyInterestRate).toBe(`0.${'0'.repeat(44)}1`);
    expect(json.assets.BTC!.platformLimit).toBe(`5${'0'.repeat(70)}`);
  });

  it.each([...BUILTIN_PRESETS.map((p) => [p.id, presetToJson(p)] as const), ['desk-example', example()] as const])(
    'round-trips %s through JSON text and parsePreset',
    (_id, json) => {
      const once = presetToJson(parsePreset(json));
      const twice = presetToJson(parsePreset(JSON.parse(JSON.stringify(once))));
      expect(twice).toEqual(once);
    },
  );

  it('round-trips any valid tier table (property)', () => {
    const decimalText = fc
      .tuple(fc.integer({ min: 0, max: 10 ** 9 }), fc.integer({ min: 0, max: 6 }))
      .map(([n, scale]) => (scale === 0 ? String(n) : (n / 10 ** scale).toFixed(scale)));
    const table = fc
      .tuple(
        fc.uniqueArray(fc.integer({ min: 1, max: 10 ** 7 }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 10000 }), { minLength: 7, maxLength: 7 }),
        fc.boolean(),
      )
      .map(([caps, ratios, open]) => {
        const sorted = [...caps].sort((a, b) => a - b);
        const bounds = [0, ...sorted];
        const tiers = bounds.map((floor, i) => ({
          floor: String(floor),
          cap: i + 1 < bounds.length ? String(bounds[i + 1]) : open ? null : String(floor + 1),
          ratio: (ratios[i]! / 10000).toString(),
        }));
        return tiers;
      });
    fc.assert(
      fc.property(table, decimalText, fc.constantFrom('value', 'quantity'), (tiers, limit, unit) => {
        const json = exampleWith((j) => {
          j.assets.BTC = { tierUnit: unit, tiers, individualLimit: limit };
        });
        const once = presetToJson(parsePreset(json));
        expect(presetToJson(parsePreset(JSON.parse(JSON.stringify(once))))).toEqual(once);
        expect(once.assets.BTC!.tiers.map((t) => t.ratio)).toEqual(tiers.map((t) => String(Number(t.ratio))));
      }),
    );
  });
});
