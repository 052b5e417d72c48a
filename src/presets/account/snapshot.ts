import type { Dec } from '../../engine/decimal';
import { dec } from '../../engine/decimal';
import { fail, isMarginError } from '../../engine/errors';
import type { MarginMode, Side } from '../../engine/model';
import { boundedDecimal, NUMBER_LIMITS, readNumber, readNumberText } from '../../engine/numberText';
import { invalid } from '../jsonRead';

/** The exchanges whose account and position responses can be imported. */
export const ACCOUNT_EXCHANGES = ['binance', 'okx', 'bybit', 'bitget'] as const;
export type AccountExchange = (typeof ACCOUNT_EXCHANGES)[number];

/** One balances row read from a response; `price` is null when the responses do not give one. */
export interface SnapshotBalance {
  readonly asset: string;
  readonly amount: Dec;
  readonly price: Dec | null;
  /** Where the price came from, for the user (e.g. "eqUsd / eq"). */
  readonly priceSource: string;
  /** Unrealized PnL of the asset, only when no positions response says it position by position. */
  readonly upnl: Dec | null;
}

/** One positions row read from a response; `mmr`/`imr` null when the responses do not give the margin. */
export interface SnapshotPosition {
  readonly symbol: string;
  readonly side: Side;
  readonly size: Dec;
  readonly entry: Dec;
  readonly mark: Dec;
  readonly mmr: Dec | null;
  readonly cum: Dec;
  readonly imr: Dec | null;
  readonly marginMode: MarginMode;
}

/** The four account figures reconciled. */
export type FigureName = 'equity' | 'maint_margin' | 'margin_ratio' | 'available';

/** A figure as the exchange reported it: the field, its text, and its value in our convention (or null). */
export interface ReportedFigure {
  readonly figure: FigureName;
  readonly field: string;
  readonly raw: string;
  readonly value: Dec | null;
  /** How the field was turned into our convention, or why it has no value. */
  readonly note?: string;
}

/** An asset's margin value as the exchange reported it (OKX `disEq`), to find which asset explains a gap. */
export interface ReportedAssetValue {
  readonly asset: string;
  readonly field: string;
  readonly value: Dec;
  /** The asset's equity in coin units as the exchange reported it (OKX `eq`), when it did. */
  readonly equity?: Dec;
}

/** Unrealized PnL a response reports that no row of the tables carries: positions not given, or skipped. */
export interface PnlNotCarried {
  readonly value: Dec;
  /** The field(s) it comes from and why no row carries it, for the user. */
  readonly what: string;
}

/** An account as two responses describe it: the tables, what the exchange reported, and what was left out. */
export interface AccountSnapshot {
  readonly exchange: AccountExchange;
  readonly balances: readonly SnapshotBalance[];
  readonly positions: readonly SnapshotPosition[];
  readonly reported: readonly ReportedFigure[];
  readonly reportedAssets: readonly ReportedAssetValue[];
  /** Unit of the reported money figures (the exchanges report USD). */
  readonly reportedUnit: string;
  /** What was skipped or assumed, in sentences for the user. */
  readonly notes: readonly string[];
  /** PnL in the exchange's equity that no table row carries (so our equity leaves it out). */
  readonly pnlNotCarried: readonly PnlNotCarried[];
}

/**
 * Runs a reader of one response document; a refusal from the JSON readers (which speak of presets) is
 * reported as a refusal of that response, with the JSON path kept.
 */
export function readingDocument<T>(exchange: AccountExchange, document: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (isMarginError(error) && error.code === 'INVALID_PRESET') {
      return fail('BAD_SNAPSHOT', { exchange, document, detail: error.message.replace(/^preset /, '') });
    }
    throw error;
  }
}

/** A decimal string or number as a Decimal, or null when empty or not a number (never -0), through the bounded reader. */
export function optionalDecimal(value: unknown): Dec | null {
  const reading =
    typeof value === 'number' ? readNumber(value) : typeof value === 'string' && value.trim() !== '' ? readNumberText(value) : undefined;
  return reading?.ok ? reading.value : null;
}

/** a / b when b is not zero and the quotient fits a cell (no Infinity from a zero or tiny divisor); else null. */
export function quotient(a: Dec, b: Dec): Dec | null {
  if (b.isZero()) return null;
  const reading = boundedDecimal(a.div(b).toSignificantDigits(NUMBER_LIMITS.maxDigits));
  return reading.ok ? reading.value : null;
}

const LARGEST = dec(NUMBER_LIMITS.maxMagnitude);

/** Whether a number fits a cell (at most Excel's largest number in size); smaller than the smallest rounds to 0 there. */
export function fitsCell(d: Dec): boolean {
  return d.abs().lte(LARGEST);
}

/**
 * Refuses a row whose figures, as read or as computed from it (a size in coin, a mark from a notional), do not fit a
 * cell, naming the row: no table, reconciliation or workbook ever gets Infinity.
 */
export function checkRowFits<T extends SnapshotPosition | SnapshotBalance>(row: T, where: string): T {
  for (const [key, value] of Object.entries(row)) {
    if (value !== null && typeof value === 'object' && 'abs' in value && !fitsCell(value as Dec)) {
      invalid(where, `its ${key} comes to ${(value as Dec).toExponential(3)}, beyond what a cell can hold`);
    }
  }
  return row;
}

/**
 * A reported figure from a field of a response object; an empty or malformed field, or a maintenance margin or margin
 * ratio below 0, has no value and says why.
 */
export function reportedField(
  figure: FigureName,
  obj: Readonly<Record<string, unknown>>,
  field: string,
  convert: (d: Dec) => Dec | null = (d) => d,
  note?: string,
): ReportedFigure {
  const raw = obj[field];
  const text = raw === undefined || raw === null ? '' : String(raw);
  const d = optionalDecimal(raw);
  if (d === null) {
    const why = text.trim() === '' ? `${field} is empty in the response` : `${field} is not a number as written: ${JSON.stringify(text)}`;
    return { figure, field, raw: text, value: null, note: why };
  }
  if ((figure === 'maint_margin' || figure === 'margin_ratio') && d.isNeg()) {
    return {
      figure,
      field,
      raw: text,
      value: null,
      note: `${field} is ${d.toString()} in the response: a ${figure === 'maint_margin' ? 'maintenance margin' : 'margin ratio'} is never below 0`,
    };
  }
  const value = convert(d);
  return value === null
    ? { figure, field, raw: text, value: null, note: note ?? `${field} cannot be converted` }
    : { figure, field, raw: text, value, ...(note === undefined ? {} : { note }) };
}
