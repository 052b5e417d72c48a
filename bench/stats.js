'use strict';
/** Timing helpers: every figure is the median of several timed runs after untimed warm-up runs. */

const { performance } = require('node:perf_hooks');

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median milliseconds of `fn()` over `runs` timed runs, after `warmup` untimed ones. */
function timeMedian(fn, { runs = 7, warmup = 2 } = {}) {
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

module.exports = { median, timeMedian, timePair, rng, performance };
