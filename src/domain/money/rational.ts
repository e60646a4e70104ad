// Exact rational arithmetic on bigints for the money path.
//
// Spec 05 ("The model"): the exact amount is total × share, "kept exact: use integer or decimal
// arithmetic, never binary floating point for money". Shares are quotients (value / sum of values),
// so plain decimals are not closed under the operations we need; rationals are. A Rational is always
// normalised: the denominator is positive and gcd(|num|, den) = 1, so structural equality
// (assert.deepStrictEqual) equals numeric equality.

/** Fraction digits used by toDecimalString when the decimal expansion does not terminate. */
export const DEFAULT_MAX_FRACTION_DIGITS = 10;

export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  /** num/den, normalised. Throws RangeError on a zero denominator (a bug, not user input). */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = toBigInt(num);
    let d = toBigInt(den);
    if (d === 0n) throw new RangeError('Rational: denominator is zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n < 0n ? -n : n, d);
    return new Rational(n / g, d / g);
  }

  static readonly ZERO = Rational.of(0n);
  static readonly ONE = Rational.of(1n);

  add(o: Rational): Rational {
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }
  /** Throws RangeError when dividing by zero; callers validate denominators first. */
  div(o: Rational): Rational {
    if (o.num === 0n) throw new RangeError('Rational: division by zero');
    return Rational.of(this.num * o.den, this.den * o.num);
  }
  neg(): Rational {
    return new Rational(-this.num, this.den);
  }
  abs(): Rational {
    return this.num < 0n ? this.neg() : this;
  }

  compare(o: Rational): -1 | 0 | 1 {
    const l = this.num * o.den;
    const r = o.num * this.den;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  equals(o: Rational): boolean {
    return this.num === o.num && this.den === o.den;
  }
  lt(o: Rational): boolean {
    return this.compare(o) < 0;
  }
  gt(o: Rational): boolean {
    return this.compare(o) > 0;
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  isNegative(): boolean {
    return this.num < 0n;
  }
  isPositive(): boolean {
    return this.num > 0n;
  }
  isInteger(): boolean {
    return this.den === 1n;
  }
  /** True when this is a whole number of `step`s (e.g. a total that fits the resolution). */
  isMultipleOf(step: Rational): boolean {
    return this.div(step).isInteger();
  }

  /** Largest multiple of `step` that is ≤ this (rounds towards −∞). */
  floorTo(step: Rational): Rational {
    assertPositiveStep(step);
    const q = this.div(step);
    return step.mul(Rational.of(floorDiv(q.num, q.den)));
  }

  /**
   * Nearest multiple of `step`; an exact half goes up (towards +∞), i.e. floor(x/step + 1/2).
   * This is the spreadsheet ROUND for the non-negative amounts of spec 05 (roundEach, "10 pct.
   * frafald" rounded half up).
   */
  roundHalfUpTo(step: Rational): Rational {
    assertPositiveStep(step);
    const q = this.div(step);
    return step.mul(Rational.of(floorDiv(2n * q.num + q.den, 2n * q.den)));
  }

  /** True when the decimal expansion is finite (the reduced denominator is 2^a·5^b). */
  isTerminatingDecimal(): boolean {
    return terminatingDigits(this.den) !== null;
  }

  /**
   * Decimal string with a '.' point and no exponent. Exact (all digits, trailing zeros trimmed)
   * when the expansion terminates; otherwise rounded half away from zero to `maxFractionDigits`
   * digits and *not* trimmed, so a value like "0.3333333333" visibly carries the full precision.
   */
  toDecimalString(maxFractionDigits: number = DEFAULT_MAX_FRACTION_DIGITS): string {
    const digits = terminatingDigits(this.den);
    if (digits !== null) return trimFraction(this.toFixed(digits));
    return this.toFixed(maxFractionDigits);
  }

  /** Exactly `digits` fraction digits, rounded half away from zero (symmetric for display). */
  toFixed(digits: number): string {
    if (!Number.isInteger(digits) || digits < 0) throw new RangeError('Rational.toFixed: bad digits');
    const scale = 10n ** BigInt(digits);
    const negative = this.num < 0n;
    const absNum = negative ? -this.num : this.num;
    const scaled = (2n * absNum * scale + this.den) / (2n * this.den);
    const text = scaled.toString().padStart(digits + 1, '0');
    const intPart = text.slice(0, text.length - digits);
    const fracPart = text.slice(text.length - digits);
    const body = digits > 0 ? `${intPart}.${fracPart}` : intPart;
    return negative && scaled !== 0n ? `-${body}` : body;
  }

  /** "num/den" (or "num" for integers); useful in tests and logs. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }
}

/** Sum of a list (0 for an empty list). */
export function sumRationals(values: Iterable<Rational>): Rational {
  let acc = Rational.ZERO;
  for (const v of values) acc = acc.add(v);
  return acc;
}

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?$/;
const DECIMAL_WITH_EXPONENT = /^([+-])?(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
const FRACTION = /^([+-]?\d+)\s*\/\s*(\d+)$/;

/**
 * Parses a plain decimal string such as "16488", "0.072", "-1.5", ".5" (surrounding whitespace
 * allowed). No exponent, no thousands separators, no decimal comma: locale handling belongs to
 * the importers. Returns null for anything else.
 */
export function parseDecimal(text: string): Rational | null {
  return parseWith(DECIMAL, text.trim());
}

/** parseDecimal, or a fraction "1/3" (so weights like thirds can be given exactly). */
export function parseRational(text: string): Rational | null {
  const t = text.trim();
  const f = FRACTION.exec(t);
  if (f) {
    const den = BigInt(f[2] ?? '0');
    return den === 0n ? null : Rational.of(BigInt(f[1] ?? '0'), den);
  }
  return parseDecimal(t);
}

/**
 * A JS number as the decimal it is written as: goes through String(n), the shortest decimal that
 * round-trips, so 0.1 becomes exactly 1/10 (not the binary double 0.1000000000000000055…).
 * Throws RangeError for NaN/±Infinity; validators check Number.isFinite first.
 */
export function fromNumber(n: number): Rational {
  if (!Number.isFinite(n)) throw new RangeError(`Rational.fromNumber: ${n} is not finite`);
  const r = parseWith(DECIMAL_WITH_EXPONENT, String(n));
  if (r === null) throw new RangeError(`Rational.fromNumber: cannot read ${String(n)}`);
  return r;
}

function parseWith(pattern: RegExp, text: string): Rational | null {
  const m = pattern.exec(text);
  if (!m) return null;
  const intDigits = m[2] ?? '';
  const fracDigits = m[3] ?? '';
  if (intDigits.length === 0 && fracDigits.length === 0) return null;
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  let num = BigInt(intDigits + fracDigits || '0');
  if (m[1] === '-') num = -num;
  const shift = exponent - fracDigits.length;
  return shift >= 0 ? Rational.of(num * 10n ** BigInt(shift)) : Rational.of(num, 10n ** BigInt(-shift));
}

function toBigInt(x: bigint | number): bigint {
  if (typeof x === 'bigint') return x;
  if (!Number.isSafeInteger(x)) throw new RangeError(`Rational: ${x} is not a safe integer`);
  return BigInt(x);
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/** floor(a / b) for b > 0 (bigint division truncates towards zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

function assertPositiveStep(step: Rational): void {
  if (step.num <= 0n) throw new RangeError(`Rational: rounding step ${step} must be positive`);
}

/** Number of fraction digits of 1/den when it terminates, else null. */
function terminatingDigits(den: bigint): number | null {
  let d = den;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  return d === 1n ? Math.max(twos, fives) : null;
}

function trimFraction(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
