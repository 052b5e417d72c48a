import type { Preset } from '../../engine/model';
import type { PresetChange } from '../presetChange';
import { diffPresets } from '../diffPresets';
import { parseJsonDocuments } from '../jsonText';
import type { PresetRegistry } from '../registry';
import { isBracketResponse } from './brackets';
import type { ImportExchange } from './endpoints';
import { importExchangeTable } from './importExchangeTable';

/** One line of the "what changes" list. */
export interface ChangeLine {
  /** What changes, e.g. `BTC tiers[0]`, `rules.ltvTrigger` or `brackets.BTCUSDT[1]`. */
  readonly what: string;
  readonly before: string;
  readonly after: string;
}

export interface ImportPreview {
  readonly exchange: ImportExchange;
  /** The preset the import would add or replace, and the diff is taken against. */
  readonly before: Preset;
  readonly imported: Preset;
  readonly changes: readonly PresetChange[];
  readonly lines: readonly ChangeLine[];
  /** True when the imported preset replaces an earlier import rather than adding a new custom preset. */
  readonly replaces: boolean;
}

const ABSENT = '—';

export function changeLine(change: PresetChange): ChangeLine {
  return {
    what: change.asset === null ? change.field : `${change.asset} ${change.field}`,
    before: change.before ?? ABSENT,
    after: change.after ?? ABSENT,
  };
}

/**
 * Reads a response (pasted, saved or fetched) and works out what importing it would change, without changing
 * anything: the task pane's preview and `multiasset import`. The text holds one JSON document, or for OKX position
 * tiers two one after the other (the tiers, then OKX's instruments response for their contract values); `request.symbol`
 * names the symbol of a response whose rows do not (Bitget's v3 position tiers). Into `intoId` when given (the base and the preset
 * compared against); otherwise on the exchange's preset, compared with an earlier import where there is one.
 *
 * @throws MarginError: malformed JSON (with line and column), or the response path of anything unexpected.
 * @example
 * previewImportText(registry, 'bitget', text, '2026-11-30').lines[0]; // { what: 'BTC tiers[0]', before: …, after: … }
 */
export function previewImportText(
  registry: PresetRegistry,
  exchange: ImportExchange,
  text: string,
  today: string,
  intoId?: string,
  request: { readonly symbol?: string } = {},
): ImportPreview {
  const [response, ...companions] = parseJsonDocuments(text);
  const base = registry.resolve(intoId ?? exchange);
  const earlier = intoId === undefined ? earlierImport(registry, base) : undefined;
  // A bracket table and a haircut table are separate imports into one preset: neither may drop the other's part.
  const from =
    earlier === undefined
      ? base
      : isBracketResponse(exchange, response)
        ? earlier
        : { ...base, ...(earlier.brackets ? { brackets: earlier.brackets } : {}) };
  const imported = importExchangeTable(exchange, response, from, { asOf: today, companions, ...request });
  const replaces = registry.has(imported.id) && !registry.isBuiltin(imported.id);
  const before = intoId !== undefined ? base : replaces ? registry.resolve(imported.id) : base;
  const changes = diffPresets(before, imported);
  return { exchange, before, imported, changes, lines: changes.map(changeLine), replaces };
}

function earlierImport(registry: PresetRegistry, base: Preset): Preset | undefined {
  const id = /-imported$/i.test(base.id) ? base.id : `${base.id}-imported`;
  return registry.has(id) && !registry.isBuiltin(id) ? registry.resolve(id) : undefined;
}
