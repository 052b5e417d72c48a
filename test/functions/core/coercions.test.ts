import Decimal from 'decimal.js';
import type { CellArg, Coercion, FunctionName, ParamSpec } from '../../../src/functions/core';
import { ArgList, FUNCTION_NAMES, FUNCTION_SPECS, invoke } from '../../../src/functions/core';
import { CUSTOM_FUNCTIONS } from '../../../src/functions/customFunctions';
import { isMarginError } from '../../../src/engine/errors';
import { PresetRegistry } from '../../../src/presets';
import { installCustomFunctions } from '../customFunctionsStub';

installCustomFunctions();

const ctx = () => ({ registry: new PresetRegistry() });

/** What a host hands over for a blank cell or an omitted optional argument: Excel gives `null`, `0` or `""`. */
const BLANKS: readonly CellArg[] = [null, '', '   ', 0];

type Outcome = { value: unknown } | { code: string; message: string };

/** One parameter of a call coerced alone (every other argument omitted), as the handler reads it. */
function coerced(name: FunctionName, param: string, value: CellArg): Outcome {
  const args = FUNCTION_SPECS[name].params.map((p) => (p.name === param ? value : null));
  try {
    const got = (ArgList.call(name, args) as ArgList).get(param, ctx());
    return { value: got instanceof Decimal ? `Dec ${got.toString()}` : got };
  } catch (error) {
    if (!isMarginError(error)) throw error;
    return { code: error.code, message: error.message };
  }
}

/**
 * What each kind must make of a blank, written out here independently of coercions.ts: a required argument left
 * blank is named in a MISSING_ARGUMENT (or, for a range, in the range's own refusal), except where `0` is a
 * value (a number); an optional one left blank means what the function's documentation says.
 */
function expectedBlank(param: ParamSpec, blank: CellArg): Outcome | 'named error' {
  const zero = blank === 0;
  const numberKind = param.coerce === 'number' || param.coerce === 'notNegative' || param.coerce === 'positive';
  if (numberKind && zero) {
    return param.coerce === 'positive' ? 'named error' : { value: 'Dec 0' };
  }
  if (!param.optional) {
    if (param.dimensionality === 'matrix') return 'named error';
    return { code: 'MISSING_ARGUMENT', message: expect.stringMatching(new RegExp(`^${param.name}\\b`)) as unknown as string };
  }
  const defaults: Partial<Record<Coercion, unknown>> = {
    boolean: false,
    count: 0,
    preset: ctx().registry.resolve(null),
    presetList: ctx().registry.list(),
    priceKind: 'mark',
    accountPart: 'balances',
    prices: [],
  };
  return { value: param.coerce in defaults ? defaults[param.coerce] : null };
}

const CASES = FUNCTION_NAMES.flatMap((name) =>
  FUNCTION_SPECS[name].params.flatMap((param: ParamSpec) => BLANKS.map((blank) => [name, param.name, param.coerce, blank, param] as const)),
);

describe('each argument is coerced by the kind the function table gives it', () => {
  it.each(CASES)('%s(%s: %s) given %j', (name, paramName, _kind, blank, param) => {
    const expected = expectedBlank(param, blank);
    const got = coerced(name, paramName, blank);
    if (expected === 'named error') {
      expect(got).toEqual({ code: expect.any(String), message: expect.stringMatching(new RegExp(`^${paramName}\\b`)) });
    } else {
      expect(got).toEqual(expected);
    }
  });

  it('coerces an argument once: a second read gives the same value, not a second reading', () => {
    const args = ArgList.call('ACCOUNT_EQUITY', [[['BTC', 1, 60000]], null, null]);
    const first = args.get('balances', ctx());
    expect(first).toEqual([expect.objectContaining({ asset: 'BTC' })]);
    expect(args.get('balances', ctx())).toBe(first);
  });

  it('reads numbers for number kinds and refuses by the kind: a price must be positive, hours not negative', () => {
    expect(coerced('COLLATERAL_VALUE', 'price', '60,000')).toEqual({ value: 'Dec 60000' });
    expect(coerced('COLLATERAL_VALUE', 'price', -1)).toEqual({ code: 'NOT_POSITIVE', message: expect.stringMatching(/^price\b/) });
    expect(coerced('LIABILITY_INTEREST', 'hours', -1)).toEqual({ code: 'NEGATIVE', message: expect.stringMatching(/^hours\b/) });
    expect(coerced('LIABILITY_INTEREST', 'interest_free', -1)).toEqual({
      code: 'NEGATIVE',
      message: expect.stringMatching(/^interest_free\b/),
    });
    expect(coerced('COLLATERAL_VALUE', 'amount', [[1, 2]])).toEqual({ code: 'NOT_A_CELL', message: expect.stringMatching(/^amount\b/) });
  });

  it('reads the words of choice kinds case-insensitively, and only those words', () => {
    expect(coerced('MODE_SWITCH_CHECK', 'target_mode', 'Single-Asset')).toEqual({ value: 'single' });
    expect(coerced('PRICE', 'kind', 'INDEX')).toEqual({ value: 'index' });
    expect(coerced('ACCOUNT', 'exchange', ' OKX ')).toEqual({ value: 'okx' });
    expect(coerced('ACCOUNT', 'part', 'constructor')).toEqual({ code: 'BAD_CHOICE', message: expect.stringMatching(/^part\b/) });
    expect(coerced('AUTO_EXCHANGE', 'has_positions', 'true')).toEqual({ value: true });
    expect(coerced('MODE_SWITCH_CHECK', 'open_orders', 2.5)).toEqual({
      code: 'NOT_WHOLE_NUMBER',
      message: expect.stringMatching(/^open_orders\b/),
    });
  });

  it('gives a function the same result for every blank of an optional argument, as for the argument left out', () => {
    const balances = [['USDT', 20000, 1]];
    const positions = [['BTCUSDT', 'LONG', 1, 60000, 60000, 0.01, 0, 0.05]];
    for (const blank of BLANKS) {
      expect(invoke('AVAILABLE_FOR_ORDER', [balances, positions, blank, blank], ctx())).toBe(17000);
      expect(invoke('ACCOUNT_EQUITY', [balances, blank, blank], ctx())).toBe(20000);
    }
  });
});

describe('the functions Excel calls, built from the table', () => {
  it('pass Excel only the declared arguments: what follows them (the invocation) is no argument', () => {
    const invocation = { address: 'Sheet1!A1' };
    expect(CUSTOM_FUNCTIONS.LIABILITY_INTEREST?.(-1000, 0.0001, 24, null, invocation)).toBe(2.4);
    expect(CUSTOM_FUNCTIONS.RISK_LEVEL?.(0.1, null, invocation)).toBe('SAFE');
  });

  it('exist for every function of the table, in its order', () => {
    expect(Object.keys(CUSTOM_FUNCTIONS)).toEqual([...FUNCTION_NAMES]);
  });
});

describe('a streaming function Excel calls', () => {
  it('takes the last value as the invocation, also when a caller leaves the optional arguments out', () => {
    const results: unknown[] = [];
    const invocation = { setResult: (value: unknown) => results.push(value), onCanceled: undefined as undefined | (() => void) };
    CUSTOM_FUNCTIONS.PRICE?.('BTC', 'bitmart', invocation);
    CUSTOM_FUNCTIONS.PRICE?.('BTC', 'bitmart', null, invocation);
    invocation.onCanceled?.();
    expect(results).toHaveLength(2);
    expect(results[0]).toEqual(results[1]);
    expect(results[0]).toMatchObject({ code: '#N/A', message: expect.stringMatching(/bitmart/i) });
  });
});
