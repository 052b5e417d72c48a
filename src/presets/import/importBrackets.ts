import type { Bracket, Preset } from '../../engine/model';
import { invalid } from '../jsonRead';
import { parsePreset } from '../parsePreset';
import { presetToJson } from '../presetToJson';
import { BRACKET_READERS } from './brackets';
import type { BracketContext } from './brackets';
import type { ImportExchange } from './endpoints';

/**
 * A preset with an exchange's leverage brackets imported: the response's symbols replace the base's brackets
 * for them, other symbols and everything else are kept; status `imported`, sourced from the bracket endpoint.
 */
export function importBracketTable(
  exchange: ImportExchange,
  response: unknown,
  base: Preset,
  names: { readonly id: string; readonly name: (asOf: string) => string; readonly asOf: (timeMs: number | undefined) => string },
  companions: readonly unknown[] = [],
  context: BracketContext = {},
): Preset {
  const table = BRACKET_READERS[exchange](response, companions, context);
  const brackets: Record<string, readonly Bracket[]> = { ...base.brackets };
  const seen = new Set<string>();
  for (const s of table.symbols) {
    if (seen.has(s.symbol)) invalid(s.where, `symbol ${s.symbol} appears twice in the response`);
    seen.add(s.symbol);
    brackets[s.symbol] = s.brackets;
  }
  const asOf = names.asOf(table.timeMs);
  const symbols = table.symbols.map((s) => s.symbol);
  const preset: Preset = {
    ...base,
    id: names.id,
    name: names.name(asOf),
    asOf,
    source: table.source,
    status: 'imported',
    brackets,
    notes: [
      ...(base.notes ?? []).filter((n) => !n.startsWith('Leverage brackets imported from ')),
      `Leverage brackets imported from ${table.source} (as of ${asOf}): ${symbols.length} symbol${symbols.length === 1 ? '' : 's'} (${symbols.join(', ')}). ${table.howRead}`,
    ],
  };
  return parsePreset(presetToJson(preset));
}
