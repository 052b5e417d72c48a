import type { Dec } from '../../../engine/decimal';
import { ZERO } from '../../../engine/decimal';
import { numberField, optionalNumberField, readObject } from '../../jsonRead';
import { AT_LEAST_ONE, NON_NEGATIVE, POSITIVE, RATE_ABOVE_ZERO_TO_ONE, RATIO } from '../../bounds';
import { resultListRows } from '../envelope';
import type { BracketRow, ImportedBrackets } from './importedBrackets';
import { completeBrackets, groupBySymbol, symbolField } from './importedBrackets';

export const BYBIT_BRACKETS_ENDPOINT = 'https://api.bybit.com/v5/market/risk-limit';

/**
 * Bybit `GET /v5/market/risk-limit`: one row per symbol and risk tier; riskLimitValue is the tier's cap and the
 * previous tier's is its floor. mmr = maintenanceMargin, imr = initialMargin, cum = mmDeduction where given.
 */
export function readBybitBrackets(response: unknown): ImportedBrackets {
  const { rows, timeMs } = resultListRows(response);
  const read = rows.map(({ value, where }) => {
    const obj = readObject(value, where);
    return { symbol: symbolField(obj, where), where, obj };
  });
  return {
    symbols: [...groupBySymbol(read)].map(([symbol, list]) => {
      let floor: Dec = ZERO;
      const rowsOfSymbol = list.map(({ obj, where }): BracketRow => {
        const cap = numberField(obj, 'riskLimitValue', where, POSITIVE);
        const cum = optionalNumberField(obj, 'mmDeduction', where, NON_NEGATIVE);
        const row: BracketRow = {
          floor,
          cap,
          mmr: numberField(obj, 'maintenanceMargin', where, RATIO),
          imr: numberField(obj, 'initialMargin', where, RATE_ABOVE_ZERO_TO_ONE),
          maxLeverage: numberField(obj, 'maxLeverage', where, AT_LEAST_ONE),
          ...(cum === null ? {} : { cum }),
          at: where,
          names: { floor: 'riskLimitValue', cap: 'riskLimitValue', mmr: 'maintenanceMargin', cum: 'mmDeduction', imr: 'initialMargin' },
        };
        floor = cap;
        return row;
      });
      const first = list[0] as (typeof list)[number];
      return { symbol, where: first.where, brackets: completeBrackets(rowsOfSymbol, first.where) };
    }),
    ...(timeMs === undefined ? {} : { timeMs }),
    source: BYBIT_BRACKETS_ENDPOINT,
    howRead:
      'Bybit risk-limit: per symbol, each risk tier runs from the previous riskLimitValue to its own; mmr = maintenanceMargin, imr = initialMargin, max leverage = maxLeverage, cum = mmDeduction where given, else derived.',
  };
}
