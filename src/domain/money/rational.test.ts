import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Rational, fromNumber, parseDecimal, parseRational, sumRationals } from './rational.ts';

const r = (text: string): Rational => {
  const value = parseRational(text);
  if (value === null) throw new Error(`bad test literal ${text}`);
  return value;
};

describe('Rational', () => {
  it('normalises sign and common factors so equal values are structurally equal', () => {
    assert.deepEqual(Rational.of(6n, -4n), Rational.of(-3n, 2n));
    assert.equal(Rational.of(0n, 7n).den, 1n);
    assert.throws(() => Rational.of(1n, 0n), RangeError);
  });

  for (const [text, expected] of [
    ['16488', '16488'],
    ['0.072', '9/125'],
    ['-1.5', '-3/2'],
    ['.5', '1/2'],
    ['5.', '5'],
    [' 12 ', '12'],
    ['0.000', '0'],
  ] as const) {
    it(`parses the decimal string "${text}" exactly as ${expected}`, () => {
      assert.equal(parseDecimal(text)?.toString(), expected);
    });
  }

  for (const text of ['', '.', 'abc', '1e3', '1,5', '1.000.000', '--1', '0x10', 'Infinity']) {
    it(`refuses "${text}" as a plain decimal`, () => {
      assert.equal(parseDecimal(text), null);
    });
  }

  it('reads fraction strings but refuses a zero denominator', () => {
    assert.equal(parseRational('1/3')?.toString(), '1/3');
    assert.equal(parseRational('-2 / 4')?.toString(), '-1/2');
    assert.equal(parseRational('1/0'), null);
  });

  it('reads JS numbers through their shortest decimal so 0.1 is exactly one tenth', () => {
    assert.equal(fromNumber(0.1).toString(), '1/10');
    assert.equal(fromNumber(0.1).add(fromNumber(0.2)).toString(), '3/10');
    assert.equal(fromNumber(1e21).toString(), '1000000000000000000000');
    assert.equal(fromNumber(1.5e-7).toString(), '3/20000000');
    assert.equal(fromNumber(-0).toString(), '0');
    assert.throws(() => fromNumber(Number.NaN), RangeError);
  });

  it('adds, subtracts, multiplies and divides exactly', () => {
    assert.equal(r('1/3').add(r('1/6')).toString(), '1/2');
    assert.equal(r('1/3').sub(r('1/2')).toString(), '-1/6');
    assert.equal(r('0.9').mul(r('49.5')).toString(), '891/20');
    assert.equal(r('1').div(r('3')).toString(), '1/3');
    assert.throws(() => r('1').div(Rational.ZERO), RangeError);
    assert.equal(sumRationals([r('0.1'), r('0.2'), r('0.7')]).toString(), '1');
  });

  it('compares values of different denominators', () => {
    assert.equal(r('1/3').compare(r('0.3333333333')), 1);
    assert.equal(r('-1/2').compare(r('-0.5')), 0);
    assert.equal(r('2').compare(r('5/2')), -1);
  });

  for (const [value, step, floor, half] of [
    ['7.5', '1', '7', '8'],
    ['7.49', '1', '7', '7'],
    ['-7.5', '1', '-8', '-7'],
    ['16488.5', '1000', '16000', '16000'],
    ['16500', '1000', '16000', '17000'],
    ['1.005', '0.01', '1', '1.01'],
    ['1.0049', '0.01', '1', '1'],
    ['10', '0.25', '10', '10'],
  ] as const) {
    it(`floors ${value} to ${floor} and rounds it half up to ${half} at resolution ${step}`, () => {
      assert.equal(r(value).floorTo(r(step)).toDecimalString(), floor);
      assert.equal(r(value).roundHalfUpTo(r(step)).toDecimalString(), half);
    });
  }

  it('refuses to round to a step that is not positive', () => {
    assert.throws(() => r('1').floorTo(Rational.ZERO), RangeError);
    assert.throws(() => r('1').roundHalfUpTo(r('-1')), RangeError);
  });

  it('tells whether a total is a multiple of the resolution', () => {
    assert.equal(r('17291').isMultipleOf(r('1')), true);
    assert.equal(r('17291').isMultipleOf(r('1000')), false);
    assert.equal(r('12.34').isMultipleOf(r('0.01')), true);
    assert.equal(r('12.345').isMultipleOf(r('0.01')), false);
  });

  for (const [value, expected] of [
    ['55', '55'],
    ['0.55', '0.55'],
    ['-0.125', '-0.125'],
    ['1/1024', '0.0009765625'],
    ['1/3', '0.3333333333'],
    ['2/3', '0.6666666667'],
    ['-2/3', '-0.6666666667'],
    ['1/7', '0.1428571429'],
  ] as const) {
    it(`writes ${value} as the decimal string ${expected}`, () => {
      assert.equal(r(value).toDecimalString(), expected);
    });
  }

  it('rounds non-terminating decimals to the requested number of digits', () => {
    assert.equal(r('1/3').toDecimalString(2), '0.33');
    assert.equal(r('1/6').toFixed(0), '0');
    assert.equal(r('1/2').toFixed(0), '1');
    assert.equal(r('-1/2').toFixed(0), '-1');
    assert.equal(r('-1/1000').toFixed(2), '0.00');
  });
});
