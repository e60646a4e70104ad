// Timing and the figures made from it. Latencies are measured one query at a time on one connection
// (what one user waits), so queries per second here is 1 / mean latency, not server throughput.
import { performance } from 'node:perf_hooks';

export interface LatencyFigures {
  p50: number;
  p95: number;
  p99: number;
  /** Sequential queries per second: runs / total time. */
  qps: number;
  runs: number;
}

/** Nearest-rank percentile of sorted values (no interpolation: every figure is a measured query). */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

/**
 * Runs `query(i)` `warmup` times untimed (caches, plans, JIT), then `runs` times timed. `i` cycles the
 * caller's list of concrete queries, so a kind is measured over many different search terms.
 */
export async function timeQueries(query: (i: number) => Promise<unknown>, runs: number, warmup: number): Promise<LatencyFigures> {
  for (let i = 0; i < warmup; i++) await query(i);
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await query(i);
    samples.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99), qps: (runs / total) * 1000, runs };
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** min/median/max over the repeated rounds. */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
  return { min: sorted[0] ?? Number.NaN, median, max: sorted.at(-1) ?? Number.NaN };
}

export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const t0 = performance.now();
  const result = await work();
  return { result, ms: performance.now() - t0 };
}
