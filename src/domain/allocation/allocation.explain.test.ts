import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRational } from '../money/rational.ts';
import type { Rational } from '../money/rational.ts';
import { describeAmount, describeDistributionKey } from './allocation.ts';

const q = (text: string): Rational => {
  const value = parseRational(text);
  if (value === null) throw new Error(`bad literal ${text}`);
  return value;
};

describe('the explanation sentence', () => {
  const population = { key: 'population', label: 'bopælskommunefolketal', period: '1. kvt. 2022' };
  const cases: [string, Parameters<typeof describeDistributionKey>[0], string][] = [
    ['one criterion', [population], 'fordelt efter bopælskommunefolketal pr. 1. kvt. 2022'],
    ['one criterion without label or period', [{ key: 'staff' }], 'fordelt efter staff'],
    [
      'two weighted criteria',
      [{ ...population, weight: q('0.5') }, { key: 'staff', label: 'antal ansatte', weight: q('0.5') }],
      'fordelt med 50 % efter bopælskommunefolketal pr. 1. kvt. 2022 og 50 % efter antal ansatte',
    ],
    [
      'three criteria with a percent that is not whole',
      [{ key: 'a', weight: q('0.072') }, { key: 'b', weight: q('0.428') }, { key: 'c', weight: q('0.5') }],
      'fordelt med 7,2 % efter a, 42,8 % efter b og 50 % efter c',
    ],
    ['a criterion of weight 0 is left out', [{ ...population, weight: q('1') }, { key: 'x', weight: q('0') }], 'fordelt efter bopælskommunefolketal pr. 1. kvt. 2022'],
    ['several criteria without weights', [{ key: 'a' }, { key: 'b' }], 'fordelt efter a og b'],
  ];
  for (const [name, criteria, expected] of cases) {
    it(`reads "${expected}" for ${name}`, () => assert.equal(describeDistributionKey(criteria), expected));
  }

  it('describes amounts with Danish units and separators', () => {
    assert.equal(describeAmount(q('100'), 'places'), '100 pladser');
    assert.equal(describeAmount(q('1'), 'persons'), '1 person');
    assert.equal(describeAmount(q('17291'), '1000 DKK'), '17.291 (1.000 kr.)');
    assert.equal(describeAmount(q('1234.5'), 'DKK'), '1.234,5 kr.');
  });
});
