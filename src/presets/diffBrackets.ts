import { ONE } from '../engine/decimal';
import type { Bracket, Preset } from '../engine/model';
import type { PresetChange } from './presetChange';
import { decimalText } from './decimalText';

/**
 * A bracket as one line of the "what changes" list, e.g. `0 to 50000: mmr 0.004, cum 0, 125×` (or
 * `0 to 2000 contracts of 0.01: …`); the initial rate is shown only where it is not 1 / max leverage (1/75 has no
 * short decimal).
 */
export function describeBracket(b: Bracket): string {
  const unit = b.contractValue === undefined ? '' : ` contracts of ${decimalText(b.contractValue)}`;
  const range = b.cap === null ? `${decimalText(b.floor)}${unit} and above` : `${decimalText(b.floor)} to ${decimalText(b.cap)}${unit}`;
  const implied = b.maxLeverage !== undefined && ONE.div(b.maxLeverage).eq(b.imr);
  const leverage = b.maxLeverage === undefined ? '' : `, ${decimalText(b.maxLeverage)}×`;
  return `${range}: mmr ${decimalText(b.mmr)}, cum ${decimalText(b.cum)}${implied ? '' : `, imr ${decimalText(b.imr)}`}${leverage}`;
}

/**
 * Leverage brackets that differ between two presets, symbol by symbol and bracket by bracket
 * (`brackets.BTCUSDT[1]`); a symbol added or removed as a whole is one change.
 */
export function diffBrackets(before: Preset, after: Preset): PresetChange[] {
  const b = before.brackets ?? {};
  const a = after.brackets ?? {};
  const symbols = [...Object.keys(b), ...Object.keys(a).filter((s) => b[s] === undefined)];
  return symbols.flatMap((symbol) => {
    const was = b[symbol];
    const is = a[symbol];
    if (was === undefined || is === undefined) {
      const whole = (list: readonly Bracket[] | undefined) => (list === undefined ? null : list.map(describeBracket).join('; '));
      return [{ asset: null, field: `brackets.${symbol}`, before: whole(was), after: whole(is) }];
    }
    return Array.from({ length: Math.max(was.length, is.length) }, (_, i) => {
      const x = was[i] === undefined ? null : describeBracket(was[i] as Bracket);
      const y = is[i] === undefined ? null : describeBracket(is[i] as Bracket);
      return x === y ? [] : [{ asset: null, field: `brackets.${symbol}[${i}]`, before: x, after: y }];
    }).flat();
  });
}
