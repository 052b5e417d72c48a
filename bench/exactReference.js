'use strict';
/**
 * An independent exact reference for tiered collateral value, written from scratch with BigInt scaled
 * integers (it calls nothing from the engine): each double is taken as its shortest decimal (what
 * `String(x)` prints), the tier slices are summed exactly, and the exact result is rounded once to the
 * nearest double by JavaScript's own decimal-string parser.
 */

/** A decimal string as [integer mantissa, scale]: value = m / 10^scale. */
function parseDecimal(text) {
  const match = /^(-?)(\d*)\.?(\d*)(?:e([+-]?\d+))?$/i.exec(text);
  if (!match) throw new Error(`not a decimal: ${text}`);
  const [, sign, int, frac, exp] = match;
  let scale = frac.length - Number(exp ?? 0);
  let m = BigInt(`${sign}${int}${frac}` || '0');
  if (scale < 0) {
    m *= 10n ** BigInt(-scale);
    scale = 0;
  }
  return { m, scale };
}

function toScale(d, scale) {
  return d.m * 10n ** BigInt(scale - d.scale);
}

/** Exact decimal string of m / 10^scale. */
function formatDecimal(m, scale) {
  const negative = m < 0n;
  let digits = (negative ? -m : m).toString().padStart(scale + 1, '0');
  const int = digits.slice(0, digits.length - scale);
  const frac = digits.slice(digits.length - scale).replace(/0+$/, '');
  digits = frac ? `${int}.${frac}` : int;
  return negative ? `-${digits}` : digits;
}

/** Tiers as strings `{ floor, cap, ratio }` (cap null = open); returns a function (amount, price) → number. */
function referenceValuer(tiers, unit) {
  const parsed = tiers.map((t) => ({
    floor: parseDecimal(t.floor),
    cap: t.cap === null ? null : parseDecimal(t.cap),
    ratio: parseDecimal(t.ratio),
  }));
  return (amount, price) => {
    const a = parseDecimal(String(amount));
    const p = parseDecimal(String(price));
    const x = unit === 'value' ? { m: a.m * p.m, scale: a.scale + p.scale } : a;
    const scale = Math.max(x.scale, ...parsed.flatMap((t) => [t.floor.scale, t.cap ? t.cap.scale : 0]));
    const X = toScale(x, scale);
    let sum = 0n; // at scale + ratio scale
    const rScale = Math.max(...parsed.map((t) => t.ratio.scale));
    for (const t of parsed) {
      const floor = toScale(t.floor, scale);
      if (X <= floor) break;
      const top = t.cap === null ? X : (X < toScale(t.cap, scale) ? X : toScale(t.cap, scale));
      sum += (top - floor) * toScale(t.ratio, rScale);
    }
    let m = sum;
    let s = scale + rScale;
    if (unit === 'quantity') {
      m *= p.m;
      s += p.scale;
    }
    const n = Number(formatDecimal(m, s));
    return n === 0 ? 0 : n;
  };
}

module.exports = { referenceValuer, parseDecimal, formatDecimal };
