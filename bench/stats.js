'use strict';
/** Timing helpers: every figure is the median of several timed runs after untimed warm-up runs. */

const { performance } = require('node:perf_hooks');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Collects garbage left by earlier measurements (`npm run bench` runs node with --expose-gc), so that one
 * figure does not pay for another's heap.
 */
function settle() {
  if (typeof global.gc === 'function') global.gc();
}

/** Median milliseconds of `fn()` over `runs` timed runs, after `warmup` untimed ones. */
function timeMedian(fn, { runs = 7, warmup = 2 } = {}) {
  settle();
  for (let i = 0; i < warmup; i += 1) fn();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

/**
 * Times two competitors alternately (A, B, A, B, …) so that load from other processes on the machine falls
 * on both sides alike; returns each side's median.
 */
function timePair(a, b, { runs = 7, warmup = 2 } = {}) {
  settle();
  for (let i = 0; i < warmup; i += 1) {
    a();
    b();
  }
  const ta = [];
  const tb = [];
  for (let i = 0; i < runs; i += 1) {
    let start = performance.now();
    a();
    ta.push(performance.now() - start);
    start = performance.now();
    b();
    tb.push(performance.now() - start);
  }
  return { a: median(ta), b: median(tb) };
}

/**
 * Times two competitors over `n` items in chunks of `chunk`, alternately chunk by chunk (A, B, A, B, …), for
 * `runs` passes after `warmup` untimed ones; each chunk's time is its median over the passes, and each side's
 * total is the sum of its chunks' medians. A pause of the machine (this one stalls for up to a second now and
 * then) lands in one chunk of one pass and drops out with the median, where it would swamp a single timed run
 * of the whole sample.
 */
function timeChunkedPair(a, b, n, { chunk = 50_000, runs = 7, warmup = 1 } = {}) {
  const starts = [];
  for (let lo = 0; lo < n; lo += chunk) starts.push(lo);
  const ta = starts.map(() => []);
  const tb = starts.map(() => []);
  settle();
  for (let pass = 0; pass < warmup + runs; pass += 1) {
    starts.forEach((lo, c) => {
      const hi = Math.min(n, lo + chunk);
      let start = performance.now();
      a(lo, hi);
      const da = performance.now() - start;
      start = performance.now();
      b(lo, hi);
      const db = performance.now() - start;
      if (pass >= warmup) {
        ta[c].push(da);
        tb[c].push(db);
      }
    });
  }
  const sum = (times) => times.reduce((total, t) => total + median(t), 0);
  return { a: sum(ta), b: sum(tb) };
}

/** A small deterministic generator (mulberry32), so every run draws the same sample. */
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

module.exports = { median, settle, timeMedian, timePair, timeChunkedPair, rng, performance };
