// 95 % confidence intervals shown next to the metrics (03-evaluation.md, "Metric definitions"): the
// Wilson score interval for shares, and for NPS value ± 1.96·SE with the standard error of the
// promoter/detractor difference, SE = 100·sqrt((p + d − (p − d)²) / n).
// Floats are fine here: an interval is shown, never used to judge a goal (that is the exact value).

export interface ConfidenceInterval {
  /** Percent (shares) or NPS points. */
  low: number;
  high: number;
}

/** z for a two-sided 95 % interval. */
export const Z_95 = 1.96;

/** Wilson score interval of `count` out of `n`, in percent; null when n = 0. */
export function wilsonInterval(count: number, n: number, z: number = Z_95): ConfidenceInterval | null {
  if (n <= 0) return null;
  const p = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // At 0 % and 100 % the bound equals the share itself; clamping removes the rounding noise (−1e-17).
  return { low: clamp(100 * (centre - half), 0, 100), high: clamp(100 * (centre + half), 0, 100) };
}

/** NPS ± 1.96·SE in NPS points, kept within [−100, 100]; null when n = 0. */
export function npsInterval(promoters: number, detractors: number, n: number, z: number = Z_95): ConfidenceInterval | null {
  if (n <= 0) return null;
  const p = promoters / n;
  const d = detractors / n;
  const nps = 100 * (p - d);
  const se = 100 * Math.sqrt(Math.max(0, p + d - (p - d) ** 2) / n);
  return { low: clamp(nps - z * se, -100, 100), high: clamp(nps + z * se, -100, 100) };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
