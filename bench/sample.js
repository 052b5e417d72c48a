'use strict';
const { rng } = require('./stats');

/** Bitget's published BTC collateral tiers (USDT value). */
const BITGET_BTC_TIERS = [
  { floor: '0', cap: '100000', ratio: '0.975' },
  { floor: '100000', cap: '500000', ratio: '0.97' },
  { floor: '500000', cap: '1000000', ratio: '0.965' },
  { floor: '1000000', cap: '5000000', ratio: '0.96' },
  { floor: '5000000', cap: null, ratio: '0.85' },
];

/**
 * `n` BTC holdings spread evenly over the five tiers: price to the cent between 20,000 and 120,000, amount to
 * the satoshi (8 decimals), the value landing uniformly inside the drawn tier (up to 50M in the last).
 */
function holdingsSample(n, seed) {
  const next = rng(seed);
  const amounts = new Float64Array(n);
  const prices = new Float64Array(n);
  for (let i = 0; i < n; i += 1) {
    const tier = BITGET_BTC_TIERS[i % BITGET_BTC_TIERS.length];
    const lo = Number(tier.floor);
    const hi = tier.cap === null ? 50_000_000 : Number(tier.cap);
    const price = Math.round((20_000 + next() * 100_000) * 100) / 100;
    const value = lo + next() * (hi - lo);
    prices[i] = price;
    amounts[i] = Math.max(1e-8, Math.round((value / price) * 1e8) / 1e8);
  }
  return { amounts, prices };
}

/** The plain floating-point version of the same tiers: slice by slice, in doubles. */
function floatValuer(tiers) {
  const floors = tiers.map((t) => Number(t.floor));
  const caps = tiers.map((t) => (t.cap === null ? Infinity : Number(t.cap)));
  const ratios = tiers.map((t) => Number(t.ratio));
  const count = tiers.length;
  return (amount, price) => {
    const x = amount * price;
    let sum = 0;
    for (let i = 0; i < count && x > floors[i]; i += 1) sum += (Math.min(x, caps[i]) - floors[i]) * ratios[i];
    return sum;
  };
}

module.exports = { BITGET_BTC_TIERS, holdingsSample, floatValuer };
