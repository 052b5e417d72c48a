import { Dec, type Dec as Decimal } from '../../engine/decimal';

/**
 * Display rounding only: the pane shows the engine's exact results rounded here, once, half-even, and never
 * feeds a displayed string back into a calculation.
 */
const ROUNDING = Dec.ROUND_HALF_EVEN;

/** Decimal places for figures in the quote currency (equity, margin, value sold). */
export const MONEY_PLACES = 2;
/** Decimal places for percentages (margin ratio, LTV, shocks). */
export const PERCENT_PLACES = 2;
/** Decimal places for coin amounts (balances, equities, sizes to deposit or withdraw), as exchanges report them. */
export const AMOUNT_PLACES = 8;
/** Significant digits kept for prices below 1 (e.g. PEPE). */
export const SMALL_PRICE_DIGITS = 6;

function groupThousands(integerPart: string): string {
  return integerPart.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Adds thousands separators to a plain decimal string and removes a minus sign left on a zero. */
function present(fixed: string): string {
  const negative = fixed.startsWith('-');
  const body = negative ? fixed.slice(1) : fixed;
  const [intPart = '0', fraction] = body.split('.');
  const grouped = fraction === undefined ? groupThousands(intPart) : `${groupThousands(intPart)}.${fraction}`;
  const isZero = /^[0.,]*$/.test(grouped);
  return negative && !isZero ? `−${grouped}` : grouped;
}

function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

/**
 * A decimal with exactly `places` decimals and thousands separators (minus shown as U+2212).
 *
 * @example formatFixed(dec('582000'), 2) // '582,000.00'
 */
export function formatFixed(value: Decimal, places: number): string {
  return present(value.toFixed(places, ROUNDING));
}

/** A quote-currency figure, e.g. `582,000.00`. */
export function formatMoney(value: Decimal): string {
  return formatFixed(value, MONEY_PLACES);
}

/**
 * A coin amount with exactly 8 decimals, as exchanges report wallet balances, so amounts line up in a column.
 *
 * @example formatAmount(dec('2.5')) // '2.50000000'
 */
export function formatAmount(value: Decimal): string {
  return formatFixed(value, AMOUNT_PLACES);
}

/** Stablecoins: their amounts show cents, as exchanges show them. Any other coin shows up to 8 decimals. */
export const STABLE_ASSETS: readonly string[] = ['USDT', 'USDC', 'FDUSD', 'BUSD', 'USD', 'DAI', 'TUSD', 'USDE'];
/** Decimal places for a stablecoin amount (its step: a cent). */
export const STABLE_PLACES = 2;

/** A stablecoin, or the preset's quote currency. */
export function isStableAsset(asset: string, quote = ''): boolean {
  const a = asset.trim().toUpperCase();
  return STABLE_ASSETS.includes(a) || (quote !== '' && a === quote.toUpperCase());
}

/** Which way an amount is rounded for display: to nearest, or towards the safe side of what it tells. */
export type CoinRounding = 'nearest' | 'up' | 'down';

const COIN_ROUNDING: Readonly<Record<CoinRounding, Parameters<Decimal['toFixed']>[1]>> = {
  nearest: ROUNDING,
  up: Dec.ROUND_UP,
  down: Dec.ROUND_DOWN,
};

/**
 * A coin amount in the asset's own places: stablecoins (and the quote) to the cent, `20,000.00`; any other coin
 * to at most 8 decimals with trailing zeros dropped, `1.5`, `0.12345679`. `rounding` keeps a solver's answer on
 * the safe side: a top-up rounds up, what may leave rounds down.
 *
 * @example formatCoin(dec('20000'), 'USDT') // '20,000.00'; formatCoin(dec('1.50000000'), 'BTC') // '1.5'
 */
export function formatCoin(value: Decimal, asset: string, quote = '', rounding: CoinRounding = 'nearest'): string {
  const mode = COIN_ROUNDING[rounding];
  if (isStableAsset(asset, quote)) return present(value.toFixed(STABLE_PLACES, mode));
  return present(trimZeros(value.toFixed(AMOUNT_PLACES, mode)));
}

/** A coin amount with its asset, `20,000.00 USDT`, `1.5 BTC` (see {@link formatCoin}). */
export function formatCoinWithAsset(value: Decimal, asset: string, quote = '', rounding: CoinRounding = 'nearest'): string {
  return `${formatCoin(value, asset, quote, rounding)} ${asset}`;
}

/** A signed relative move as a percentage: `+145.10%`, `−38.12%`, `0.00%`. */
export function formatSignedPercent(ratio: Decimal, places: number = PERCENT_PLACES): string {
  const text = formatPercent(ratio, places);
  return ratio.gt(0) && !/^[0.,]*%$/.test(text) ? `+${text}` : text;
}

/** A price: 2 decimals from 1 upwards, 6 significant digits below 1 (so small-cap coins stay readable). */
export function formatPrice(value: Decimal): string {
  if (value.abs().gte(1)) return formatFixed(value, MONEY_PLACES);
  if (value.isZero()) return '0';
  return present(trimZeros(value.toSignificantDigits(SMALL_PRICE_DIGITS, ROUNDING).toFixed()));
}

/**
 * A ratio shown as a percentage, e.g. `0.6789` → `67.89%`.
 *
 * @example formatPercent(dec('0.00676')) // '0.68%'
 */
export function formatPercent(ratio: Decimal, places: number = PERCENT_PLACES): string {
  return `${formatFixed(ratio.times(100), places)}%`;
}

/**
 * A published figure (tier floor, cap or ratio) exactly as published, with thousands separators: rounding a
 * haircut for display would misstate the table.
 *
 * @example formatExact(dec('100000')) // '100,000'
 */
export function formatExact(value: Decimal): string {
  return present(value.toFixed());
}

/**
 * A figure with at least `places` decimals and more where it has them, so money reads as money (`50.00`) yet a
 * published figure is never rounded. Only a figure with more than 8 decimals, which no exchange publishes (a
 * derived 1/75), is rounded to `places` and marked `≈`, as {@link formatNumbersInText} does.
 *
 * @example formatAtLeast(dec('16.5'), 2) // '16.50'; formatAtLeast(dec('12.3456'), 2) // '12.3456'
 */
export function formatAtLeast(value: Decimal, places: number): string {
  const decimals = value.decimalPlaces();
  if (decimals > AMOUNT_PLACES) return `≈${formatFixed(value, places)}`;
  return formatFixed(value, Math.max(places, decimals));
}

/**
 * A rate as a percentage, exactly where it can be (see {@link formatAtLeast}): `0.004` → `0.40%`, `0.00325` →
 * `0.325%`, 1/75 → `≈1.33%`.
 *
 * @example formatExactPercent(dec('0.005')) // '0.50%'
 */
export function formatExactPercent(ratio: Decimal): string {
  return `${formatAtLeast(ratio.times(100), PERCENT_PLACES)}%`;
}

/** A signed shock as typed on the slider, e.g. `-0.2` → `−20%`, `0.05` → `+5%`. */
export function formatShock(change: Decimal): string {
  const text = formatPercent(change, 0);
  return change.gt(0) ? `+${text}` : text;
}

/**
 * A plain decimal standing alone in a sentence: not part of a word, a date, a grouped number or an exponent,
 * and not an exchange's error code (`Binance -4172:` names an error, it is not a figure).
 */
const BARE_DECIMAL = /(?<![\w.\-−]|\d,|Binance |code )-?\d+(?:\.\d+)?(?![\w\-]|[.,]\d)/g;

/**
 * The engine's sentences state figures as plain decimals (`threshold -5000`, `equity 369000`); shown in the pane
 * they take the pane's one format (grouping, typographic minus). Figures are kept exactly, except those with
 * more than 8 decimals (a ratio such as 0.0178440366972477…), shown to 8 places and marked `≈`.
 *
 * @example formatNumbersInText('threshold -5000 (lowest: USDT 10000)') // 'threshold −5,000 (lowest: USDT 10,000)'
 */
export function formatNumbersInText(text: string): string {
  return text.replace(BARE_DECIMAL, (token) => {
    const [whole = '', fraction = ''] = token.split('.');
    // A figure longer than the decimal precision is left as written rather than rounded.
    if (whole.length > 30) return token;
    const value = new Dec(token);
    return fraction.length > AMOUNT_PLACES ? `≈${formatFixed(value, AMOUNT_PLACES)}` : formatExact(value);
  });
}
