import { ONE } from '../../engine/decimal';
import { fail } from '../../engine/errors';
import type { AssetSpec, Preset } from '../../engine/model';
import { BUILTIN_PRESETS } from '../builtin';
import { invalid } from '../jsonRead';
import { parsePreset } from '../parsePreset';
import { presetToJson } from '../presetToJson';
import { readBinanceAssetIndex } from './binance';
import { readBitgetDiscountRate } from './bitget';
import { readBybitCollateral } from './bybit';
import { IMPORT_ENDPOINTS, IMPORT_EXCHANGES, type ImportExchange } from './endpoints';
import { isBracketResponse } from './brackets';
import { importBracketTable } from './importBrackets';
import type { ImportedAsset, ImportedTable } from './importedTable';
import { readOkxDiscountRate } from './okx';

const READERS: Readonly<Record<ImportExchange, (response: unknown) => ImportedTable>> = {
  binance: readBinanceAssetIndex,
  bitget: readBitgetDiscountRate,
  okx: readOkxDiscountRate,
  bybit: readBybitCollateral,
};

export interface ImportOptions {
  /** The date of the table when the response carries no time (OKX), as YYYY-MM-DD. Default: today (UTC). */
  readonly asOf?: string;
  /** Id of the imported preset. Default: the base id with `-imported` (a custom preset cannot take a built-in id). */
  readonly id?: string;
  readonly name?: string;
  /**
   * Further responses given with this one: OKX's instruments response after its position tiers, for the contract
   * values. Any other import takes one response.
   */
  readonly companions?: readonly unknown[];
  /** The symbol of the request, for a response whose rows do not name it (Bitget's v3 position tiers). */
  readonly symbol?: string;
}

/**
 * Turns an exchange's public haircut table (the parsed JSON of the response, wrapped or bare) into a preset
 * with status `imported` (a leverage-bracket response instead replaces the brackets of its symbols): the response's assets replace the base preset's (the fields the table publishes),
 * assets the response lacks are kept with a note, and the rules (bands, thresholds, mode switch) stay the base's.
 *
 * @param base the preset whose rules and other assets are kept; default the built-in preset of that exchange.
 * @throws MarginError `INVALID_PRESET` naming the response path of anything unexpected
 *   (e.g. `response.data[0].discountRateList[1].minAmount`).
 * @example
 * const p = importExchangeTable('binance', [{ symbol: 'ADAUSD', time: 1763700000000, index: '1.92957370',
 *   bidBuffer: '0.10', askBuffer: '0.10', autoExchangeBidBuffer: '0.05', autoExchangeAskBuffer: '0.05' }]);
 * p.assets.ADA.tiers[0].ratio.toString(); // '0.9'
 */
export function importExchangeTable(exchange: ImportExchange, response: unknown, base?: Preset, options: ImportOptions = {}): Preset {
  if (!(IMPORT_EXCHANGES as readonly string[]).includes(exchange)) {
    fail('BAD_CHOICE', { arg: 'exchange', expected: IMPORT_EXCHANGES.join(', '), got: String(exchange) });
  }
  const from = base ?? builtinFor(exchange);
  const companions = options.companions ?? [];
  const bracketResponse = isBracketResponse(exchange, response);
  if (companions.length > 0 && !(bracketResponse && exchange === 'okx')) {
    invalid(
      'response',
      `expected one response, got ${companions.length + 1} JSON documents one after another (only OKX position tiers take a second: its instruments response)`,
    );
  }
  if (bracketResponse) {
    return importBracketTable(
      exchange,
      response,
      from,
      {
        id: options.id ?? importedId(from.id),
        name: (asOf) => options.name ?? importedName(from, asOf),
        asOf: (timeMs) => (timeMs === undefined ? (options.asOf ?? today()) : isoDate(timeMs)),
      },
      companions,
      options.symbol === undefined ? {} : { symbol: options.symbol },
    );
  }
  const table = READERS[exchange](response);
  const asOf = table.timeMs === undefined ? (options.asOf ?? today()) : isoDate(table.timeMs);
  const { assets, kept } = mergeAssets(from, table);
  const preset: Preset = {
    id: options.id ?? importedId(from.id),
    name: options.name ?? importedName(from, asOf),
    asOf,
    source: table.source ?? IMPORT_ENDPOINTS[exchange],
    status: 'imported',
    quote: from.quote,
    assets,
    rules: from.rules,
    notes: importNotes(exchange, table, from, asOf, kept),
    // Leverage brackets are a separate table: a haircut import keeps the base's.
    ...(from.brackets === undefined ? {} : { brackets: from.brackets }),
  };
  return parsePreset(presetToJson(preset));
}

function importedName(from: Preset, asOf: string): string {
  return `${from.name.replace(/ \((illustrative|imported [^)]*)\)$/, '')} (imported ${asOf})`;
}

function builtinFor(exchange: ImportExchange): Preset {
  const found = BUILTIN_PRESETS.find((p) => p.id === exchange);
  if (found === undefined) return invalid('base', `no built-in preset "${exchange}" to import into; pass a base preset`);
  return found;
}

function importedId(baseId: string): string {
  return /-imported$/i.test(baseId) ? baseId : `${baseId}-imported`;
}

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function today(): string {
  return isoDate(Date.now());
}

/** Base assets in their order (replaced where the table has them), then the table's new assets. */
function mergeAssets(base: Preset, table: ImportedTable): { assets: Record<string, AssetSpec>; kept: string[] } {
  const imported = new Map<string, ImportedAsset>();
  for (const a of table.assets) {
    if (imported.has(a.asset)) invalid(a.where, `asset ${a.asset} appears twice in the response`);
    imported.set(a.asset, a);
  }
  const assets: Record<string, AssetSpec> = {};
  const kept: string[] = [];
  for (const [name, spec] of Object.entries(base.assets)) {
    const row = imported.get(name);
    if (row === undefined) kept.push(name);
    assets[name] = row === undefined ? keptSpec(spec, base) : importedSpec(spec, row, table);
  }
  for (const [name, row] of imported) {
    if (assets[name] === undefined) assets[name] = importedSpec(undefined, row, table);
  }
  return { assets, kept };
}

function importedSpec(spec: AssetSpec | undefined, row: ImportedAsset, table: ImportedTable): AssetSpec {
  const kept: Record<string, unknown> = { ...spec };
  delete kept.note;
  for (const key of table.owns) delete kept[key];
  const { where: _where, ...fields } = row;
  const merged = { ...kept, ...fields } as Partial<AssetSpec>;
  // An asset new to the preset counts liabilities at par unless the table publishes a markup.
  return { ...merged, liabilityRate: merged.liabilityRate ?? ONE } as AssetSpec;
}

function keptSpec(spec: AssetSpec, base: Preset): AssetSpec {
  const why = `not in the imported table; kept from preset ${base.id} (${base.asOf})`;
  return { ...spec, note: spec.note === undefined ? why : `${spec.note}; ${why}` };
}

function importNotes(exchange: ImportExchange, table: ImportedTable, base: Preset, asOf: string, kept: readonly string[]): string[] {
  const names = table.assets.map((a) => a.asset);
  const notes = [
    `Imported from ${table.source ?? IMPORT_ENDPOINTS[exchange]} (table as of ${asOf}): ${names.length} asset${names.length === 1 ? '' : 's'} (${names.join(', ')}).`,
    table.howRead,
    `Rules (risk bands, auto-exchange thresholds, LTV trigger, liability rates, mode-switch checks) are kept from preset ${base.id} as of ${base.asOf}.`,
  ];
  if (kept.length > 0) notes.push(`Not in the imported table, kept from preset ${base.id}: ${kept.join(', ')}.`);
  return notes;
}
