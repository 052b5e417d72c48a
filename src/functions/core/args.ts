import { fail } from '../../engine/errors';
import type { Preset } from '../../engine/model';
import type { ArgValue } from './coercions';
import { coerceArg } from './coercions';
import type { FunctionSpec, ParamName, ParamsOf } from './specs';
import { FUNCTION_SPECS } from './specs';
import type { CellArg, CellScalar, FunctionContext, FunctionName } from './types';

/**
 * The arguments of one call, looked up by parameter name (so the position of each parameter lives only in
 * {@link FUNCTION_SPECS}). A handler reads `args.get('price', ctx)`: the argument coerced by the kind the table
 * gives it, once (coercions.ts). Number paths read the cells as given (`cell`, `range`), so that no Decimal is
 * built for a call they can answer.
 */
export class ArgList {
  private readonly coerced = new Map<number, unknown>();

  constructor(
    private readonly spec: FunctionSpec,
    private readonly values: readonly CellArg[],
  ) {}

  /** Checks the count: hosts pass omitted optionals as `null`, but never more values than parameters. */
  static of(name: FunctionName, spec: FunctionSpec, values: readonly CellArg[]): ArgList {
    if (values.length > spec.params.length) {
      fail('TOO_MANY_ARGUMENTS', { function: name, max: spec.params.length, got: values.length });
    }
    return new ArgList(spec, values);
  }

  /** The arguments of a call of `name`, typed by its entry in the function table. */
  static call<F extends FunctionName>(name: F, values: readonly CellArg[]): Args<F> {
    return ArgList.of(name, FUNCTION_SPECS[name], values) as Args<F>;
  }

  /** The value of a parameter, as given. */
  range(name: string): CellArg {
    return this.values[this.index(name)] ?? null;
  }

  /** The value of a scalar parameter; a one-cell range counts as its cell, a larger range is NOT_A_CELL. */
  cell(name: string): CellScalar {
    const value = this.range(name);
    if (!Array.isArray(value)) return value;
    const rows = value.length;
    const cols = Math.max(0, ...value.map((r) => r.length));
    if (rows === 1 && cols === 1) return value[0]?.[0] ?? null;
    return fail('NOT_A_CELL', { arg: name, rows, cols });
  }

  /**
   * A parameter coerced by its kind (the function table's `coerce`), the first time it is read; later reads
   * give the same value. `ctx` is needed by the kinds that read the presets.
   */
  get(name: string, ctx?: FunctionContext): unknown {
    const i = this.index(name);
    if (this.coerced.has(i)) return this.coerced.get(i);
    const param = this.spec.params[i] as FunctionSpec['params'][number];
    const presetParam = this.spec.params.find((p) => p.coerce === 'preset');
    const value = coerceArg({
      param,
      value: this.values[i] ?? null,
      cell: () => this.cell(name),
      ...(presetParam === undefined ? {} : { preset: () => this.get(presetParam.name, ctx) as Preset }),
      ...(ctx === undefined ? {} : { ctx }),
    });
    this.coerced.set(i, value);
    return value;
  }

  /** The call's preset: its `exchange` argument; blank (`null`, `""`, `0`) = the registry's default. */
  preset(ctx: FunctionContext): Preset {
    return this.get('exchange', ctx) as Preset;
  }

  private index(name: string): number {
    const i = this.spec.params.findIndex((p) => p.name === name);
    // A handler asking for a parameter its spec lacks is a bug here, not bad input.
    if (i < 0) fail('INTERNAL_ERROR', { detail: `no parameter "${name}"` });
    return i;
  }
}

/** The arguments of a call of `F`, typed by the function table: `get` gives each parameter's coerced value. */
export interface Args<F extends FunctionName> extends ArgList {
  get<N extends ParamName<F>>(name: N, ctx?: FunctionContext): ArgValue<Extract<ParamsOf<F>, { readonly name: N }>>;
}
