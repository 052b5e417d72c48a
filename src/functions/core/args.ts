import { fail } from '../../engine/errors';
import type { Preset } from '../../engine/model';
import { optionalText } from './coerce';
import type { FunctionSpec } from './specs';
import type { CellArg, CellScalar, FunctionContext, FunctionName } from './types';

/**
 * The arguments of one call, looked up by parameter name (so a handler reads `args.cell('price')`, and the
 * position of each parameter lives only in {@link FUNCTION_SPECS}).
 */
export class ArgList {
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

  /** The value of a range parameter, as given. */
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

  /** The preset named by the `exchange` argument; blank (`null`, `""`, `0`) = the registry's default. */
  preset(ctx: FunctionContext): Preset {
    return ctx.registry.resolve(optionalText(this.cell('exchange'), 'exchange'));
  }

  private index(name: string): number {
    const i = this.spec.params.findIndex((p) => p.name === name);
    // A handler asking for a parameter its spec lacks is a bug here, not bad input.
    if (i < 0) fail('INTERNAL_ERROR', { detail: `no parameter "${name}"` });
    return i;
  }
}
