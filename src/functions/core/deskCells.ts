import type { Dec } from '../../engine/decimal';
import type { ComparedFigure, ComparisonRow } from '../../engine/compare';
import { normalizeAsset } from '../../engine/assetSpec';
import { findBrackets } from '../../engine/brackets';
import { fail, isMarginError } from '../../engine/errors';
import type { ImrStep } from '../../engine/maxOrderSize';
import { bracketSteps, flatImr } from '../../engine/maxOrderSize';
import type { Position, Preset } from '../../engine/model';
import { isCross } from '../../engine/positions';
import { isBlankCell, optionalText } from './coerce';
import { messageNumber } from '../../engine/numberText';
import type { PresetRegistry } from '../../presets/registry';
import { numberCell } from './results';
import type { CellArg, CellGrid, CellScalar } from './types';

/** Whether an optional range argument was left out (hosts hand over `null`, `""` or `0`). */
export function isOmitted(value: CellArg): boolean {
  return !Array.isArray(value) ? isBlankCell(value) : value.every((row) => row.every((cell) => isBlankCell(cell)));
}

/**
 * The initial margin rate schedule of an order on `symbol`: the `imr` argument when given (a rate above 0, at most
 * 1); when blank, the preset's leverage brackets for the symbol (one step per bracket, by notional or, for a table
 * bounded by contracts, by contracts), or else the imr of the open positions on the symbol, when they agree.
 */
export function imrSchedule(preset: Preset, positions: readonly Position[], symbol: string, given: Dec | null): readonly ImrStep[] {
  if (given !== null && !given.isZero()) return flatImr(given);
  const brackets = findBrackets(preset, symbol);
  if (brackets !== undefined) return bracketSteps(brackets);
  return flatImr(positionImr(preset, positions, symbol));
}

/** A preset COMPARE names, or the id it could not find and why. */
export type ComparedPreset = Preset | { readonly id: string; readonly message: string };

/**
 * The presets a COMPARE call names: a range of ids or a comma-separated text; blank = every preset known.
 * An unknown id stays in the list with its message, so it gets a row of its own.
 */
export function comparedPresets(registry: PresetRegistry, value: CellArg): readonly ComparedPreset[] {
  if (isOmitted(value)) return registry.list();
  const cells = Array.isArray(value) ? value.flat() : [value];
  const ids = cells.flatMap((cell) => {
    const text = optionalText(cell, 'exchanges');
    return text === null
      ? []
      : text
          .split(',')
          .map((id) => id.trim())
          .filter((id) => id !== '');
  });
  return ids.map((id) => {
    try {
      return registry.resolve(id);
    } catch (error) {
      if (!isMarginError(error)) throw error;
      return { id, message: error.message };
    }
  });
}

/**
 * The initial margin rate of an order on `symbol` when the `imr` cell is blank: the imr of the cross positions
 * already open on the symbol (the bracket the desk entered for it). Exchanges set one leverage per symbol, so
 * positions that disagree leave the order's rate unknown, and the message says so.
 */
function positionImr(preset: Preset, positions: readonly Position[], symbol: string): Dec {
  const key = normalizeAsset(symbol);
  const rates = positions.filter((p) => isCross(p) && normalizeAsset(p.symbol) === key && p.imr !== undefined).map((p) => p.imr as Dec);
  const first = rates[0];
  if (first === undefined) return fail('IMR_NEEDED', { preset: preset.id, symbol });
  const other = rates.find((r) => !r.eq(first));
  if (other !== undefined) {
    return fail('IMR_DISAGREES', { symbol, rates: `${messageNumber(first)} and ${messageNumber(other)}` });
  }
  return first;
}

export const COMPARE_HEADER = ['exchange', 'equity', 'maint_margin', 'margin_ratio', 'risk', 'ltv', 'available'] as const;

function figureCell<T>(figure: ComparedFigure<T>, toCell: (value: T) => CellScalar): CellScalar {
  return figure.ok ? toCell(figure.value) : figure.message;
}

const money = (value: Dec): CellScalar => numberCell(value);

/**
 * The COMPARE table: its header, then one row per preset. A preset that cannot value the account puts its
 * message under `equity` and leaves the rest blank; a single figure that does not exist (a margin ratio at
 * zero equity) shows its message in its own cell.
 */
export function compareTable(rows: readonly ComparisonRow[]): CellGrid {
  const out: CellScalar[][] = [[...COMPARE_HEADER]];
  for (const row of rows) {
    if (row.error !== undefined) {
      out.push([row.exchange, row.error, '', '', '', '', '']);
      continue;
    }
    out.push([
      row.exchange,
      figureCell(row.equity, money),
      figureCell(row.maintenance, money),
      figureCell(row.ratio, money),
      figureCell(row.risk, (risk) => risk),
      figureCell(row.ltv, money),
      figureCell(row.available, money),
    ]);
  }
  return out;
}
