import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { npsInterval, wilsonInterval } from './intervals.ts';

const close = (actual: number, expected: number, message?: string) => assert.ok(Math.abs(actual - expected) < 1e-6, `${message ?? ''} ${actual} ≠ ${expected}`);

describe('95 % intervals of the evaluation metrics', () => {
  it('has no interval when n = 0', () => {
    assert.equal(wilsonInterval(0, 0), null);
    assert.equal(npsInterval(0, 0, 0), null);
  });

  it('gives the Wilson interval at 0 % from exactly 0 to z²/(n+z²)', () => {
    const interval = wilsonInterval(0, 10)!;
    assert.equal(interval.low, 0);
    close(interval.high, (100 * 1.96 ** 2) / (10 + 1.96 ** 2));
  });

  it('gives the Wilson interval at 100 % from n/(n+z²) to exactly 100', () => {
    const interval = wilsonInterval(10, 10)!;
    close(interval.low, (100 * 10) / (10 + 1.96 ** 2));
    assert.equal(interval.high, 100);
  });

  const wilsonCases: [count: number, n: number, low: number, high: number][] = [
    // Published Wilson intervals (z = 1.96): 5/10 → 0.2366–0.7634, 1/4 → 0.0456–0.6994, 81/100 → 0.7222–0.8749.
    [5, 10, 23.66, 76.34],
    [1, 4, 4.56, 69.94],
    [81, 100, 72.22, 87.49],
  ];
  for (const [count, n, low, high] of wilsonCases) {
    it(`gives the Wilson interval of ${count}/${n} as ${low}–${high}`, () => {
      const interval = wilsonInterval(count, n)!;
      assert.ok(Math.abs(interval.low - low) < 0.005 && Math.abs(interval.high - high) < 0.005, JSON.stringify(interval));
    });
  }

  it('gives NPS ± 1.96·SE with SE = 100·sqrt((p+d−(p−d)²)/n)', () => {
    // 5 promoters, 3 passives, 2 detractors: p = .5, d = .2, NPS = 30, SE = 100·sqrt((.7 − .09)/10) = 24.698…
    const interval = npsInterval(5, 2, 10)!;
    const se = 100 * Math.sqrt(0.61 / 10);
    close(interval.low, 30 - 1.96 * se);
    close(interval.high, 30 + 1.96 * se);
  });

  it('gives an NPS of 100 (all promoters) a zero-width interval and keeps bounds within ±100', () => {
    assert.deepEqual(npsInterval(4, 0, 4), { low: 100, high: 100 });
    const wide = npsInterval(1, 1, 2)!; // p = d = .5, NPS 0, SE = 100·sqrt(1/2)
    assert.deepEqual(wide, { low: -100, high: 100 });
  });
});
