// A seeded pseudo-random source for the synthetic data: the same seed gives the same companies on
// every machine and Node version, so benchmark figures and the smoke test compare like with like.
// Math.random cannot be seeded, hence mulberry32 (a small, fast 32-bit generator, good enough for
// test data; not for anything secret).

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** One element of a non-empty list. */
  pick<T>(items: readonly T[]): T;
  /** True with probability p. */
  chance(p: number): boolean;
}

export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      const item = items[int(items.length)];
      if (item === undefined) throw new Error('pick from an empty list');
      return item;
    },
    chance: (p: number) => next() < p,
  };
}

/**
 * Draws indexes in proportion to weights in O(log n): the cumulative sums are searched, so drawing
 * 300,000 municipalities does not walk the 98 weights each time.
 */
export function weightedIndex(weights: readonly number[]): (random: Random) => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const weight of weights) cumulative.push((total += weight));
  return (random) => {
    const target = random.next() * total;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((cumulative[middle] ?? 0) > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

/** A version-4-shaped UUID from the seeded source, so company ids (and company_regions) are reproducible. */
export function seededUuid(random: Random): string {
  const hex = (count: number) => {
    let text = '';
    for (let i = 0; i < count; i++) text += random.int(16).toString(16);
    return text;
  };
  const variant = (8 + random.int(4)).toString(16);
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${variant}${hex(3)}-${hex(12)}`;
}
