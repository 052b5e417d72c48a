import { bySize } from '../../engine/brackets';
import type { Bracket, Preset } from '../../engine/model';
import { trySymbol } from '../../engine/symbols';
import { formatAtLeast, formatExact, formatExactPercent, MONEY_PLACES } from '../ui/formatting';
import type { TableHeading } from '../ui/foldedTable';
import { formatCap } from './tierTable';

/** One displayed leverage bracket: bounds exactly as published, rates as percentages, the maintenance amount as money. */
export interface BracketRowView {
  readonly from: string;
  readonly to: string;
  readonly maintenanceRate: string;
  readonly maintenanceAmount: string;
  readonly initialRate: string;
  /** `—` where the exchange publishes an initial rate only. */
  readonly maxLeverage: string;
}

export interface BracketTableView {
  readonly symbol: string;
  /** What the bounds count, in words: `USDT notional` or `contracts of 0.01 BTC`. */
  readonly unitLabel: string;
  /** The folded line under the symbol: `2 brackets` or `3 brackets by contracts of 0.01 BTC`. */
  readonly summary: string;
  readonly caption: string;
  /** `Notional` (or `Contracts`) from and to, `Maintenance` rate and amount, then Initial rate and Max leverage. */
  readonly headers: readonly TableHeading[];
  readonly rows: readonly BracketRowView[];
  /** A warning when the last bracket stops at a cap: a larger position has no bracket; `null` when open-ended. */
  readonly caveat: string | null;
}

export const NOT_PUBLISHED = '—';

const RATE_HEADERS: readonly TableHeading[] = [{ group: 'Maintenance', columns: ['rate', 'amount'] }, 'Initial rate', 'Max leverage'];

function unitLabelOf(preset: Preset, symbol: string, brackets: readonly Bracket[]): string {
  const contractValue = brackets[0]?.contractValue;
  if (contractValue === undefined) return `${preset.quote} notional`;
  const coin = trySymbol(preset, symbol)?.base ?? null;
  return `contracts of ${formatExact(contractValue)}${coin === null ? '' : ` ${coin}`}`;
}

function rowOf(bracket: Bracket): BracketRowView {
  return {
    from: formatExact(bracket.floor),
    to: formatCap(bracket.cap),
    maintenanceRate: formatExactPercent(bracket.mmr),
    maintenanceAmount: formatAtLeast(bracket.cum, MONEY_PLACES),
    initialRate: formatExactPercent(bracket.imr),
    maxLeverage: bracket.maxLeverage === undefined ? NOT_PUBLISHED : `${formatExact(bracket.maxLeverage)}×`,
  };
}

/**
 * The leverage brackets of one symbol as the Presets section shows them. A table bounded by notional counts
 * the quote currency; one bounded by contracts (OKX's position tiers) counts contracts, whose value is stated
 * once in the summary and caption rather than in every row.
 *
 * @example bracketTableView(bitgetBrackets, 'BTCUSDT').rows[1] // { from: '50,000', to: '200,000', maintenanceRate: '0.50%', … }
 */
export function bracketTableView(preset: Preset, symbol: string): BracketTableView {
  const brackets = preset.brackets?.[symbol] ?? [];
  const contracts = bySize(brackets);
  const unitLabel = unitLabelOf(preset, symbol, brackets);
  const count = `${brackets.length} bracket${brackets.length === 1 ? '' : 's'}`;
  const last = brackets[brackets.length - 1];
  return {
    symbol,
    unitLabel,
    summary: contracts ? `${count} by ${unitLabel}` : count,
    caption: `${symbol} leverage brackets (${contracts ? `bounds in ${unitLabel}` : `notional in ${preset.quote}`})`,
    headers: [{ group: contracts ? 'Contracts' : 'Notional', columns: ['from', 'to'] }, ...RATE_HEADERS],
    rows: brackets.map(rowOf),
    caveat:
      last === undefined || last.cap === null
        ? null
        : `${symbol} brackets beyond ${formatExact(last.cap)} (${unitLabel}) are unpublished: a larger position has no maintenance rate.`,
  };
}

/** The symbols with leverage brackets in a preset, in the preset's order; empty when it has none. */
export function bracketSymbols(preset: Preset): readonly string[] {
  return Object.keys(preset.brackets ?? {});
}

/**
 * What the Presets section says instead of an empty box when a preset carries no leverage brackets, with the two
 * ways to add them.
 */
export function noBracketsText(preset: Pick<Preset, 'id'>): { readonly text: string; readonly command: string } {
  return {
    text: `This preset has no leverage brackets, so positions need their mmr typed. Add brackets from an exchange's bracket response in the Import section, or with`,
    command: `multiasset import EXCHANGE RESPONSE.json --into ${preset.id}`,
  };
}
