import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRational } from '../money/rational.ts';
import type { Rational } from '../money/rational.ts';
import { rateFromPercent, splitSurplusPayback, upliftContributions } from './pl-uplift.ts';

const q = (text: string): Rational => {
  const value = parseRational(text);
  if (value === null) throw new Error(`bad literal ${text}`);
  return value;
};
const s = (r: Rational): string => r.toDecimalString();
const PL_2024 = rateFromPercent(q('4.8')); // "× 1,048 (PL 4,8 %)", spec 05

describe('PL uplift of contributions', () => {
  it('turns PL 4,8 % into the factor 1,048', () => {
    const result = upliftContributions([{ id: '851', name: 'Aalborg', amount: q('100000') }], { rate: PL_2024, resolution: q('1') });
    assert.ok(result.ok);
    assert.equal(s(result.value.factor), '1.048');
    assert.equal(s(result.value.rows[0]!.uplifted), '104800');
  });

  for (const [resolution, expected] of [
    ['1', '129383'],
    ['0.01', '129382.71'],
  ] as const) {
    it(`rounds 123.456,78 × 1,048 = 129.382,70544 half up to ${expected} at resolution ${resolution}`, () => {
      const result = upliftContributions([{ id: 'x', name: 'X', amount: q('123456.78') }], { rate: PL_2024, resolution: q(resolution) });
      assert.ok(result.ok);
      assert.equal(s(result.value.rows[0]!.exact), '129382.70544');
      assert.equal(s(result.value.rows[0]!.uplifted), expected);
    });
  }

  const three = ['A', 'B', 'C'].map((id) => ({ id, name: `Kommune ${id}`, amount: q('100.50') }));

  it('rounds each row on its own by default, so the rows may miss the uplifted total', () => {
    const result = upliftContributions(three, { rate: PL_2024, resolution: q('1') });
    assert.ok(result.ok);
    const v = result.value;
    assert.equal(v.mode, 'perRow');
    assert.deepEqual(v.rows.map((r) => s(r.uplifted)), ['105', '105', '105']);
    assert.equal(s(v.exactTotal), '315.972');
    assert.equal(s(v.perRowTotal), '315');
    assert.equal(s(v.exactSumTotal), '316');
  });

  it('makes the rows sum to the rounded uplifted total in exactSum mode and shows the difference per row', () => {
    const result = upliftContributions(three, { rate: PL_2024, resolution: q('1'), mode: 'exactSum' });
    assert.ok(result.ok);
    assert.deepEqual(result.value.rows.map((r) => [s(r.uplifted), s(r.difference)]), [['106', '1'], ['105', '0'], ['105', '0']]);
    assert.equal(s(result.value.upliftedTotal), '316');
  });

  it('refuses negative contributions, duplicate ids and a resolution of 0', () => {
    const result = upliftContributions(
      [{ id: 'A', name: 'A', amount: q('-1') }, { id: 'A', name: 'A2', amount: q('1') }],
      { rate: PL_2024, resolution: q('0') },
    );
    assert.deepEqual(result.ok ? [] : result.errors.map((e) => `${e.code}@${e.field}`), [
      'non_positive_resolution@resolution',
      'negative_value@contributions[0].amount',
      'duplicate_id@contributions[1].id',
    ]);
  });
});

describe('surplus payback', () => {
  const key = ['A', 'B', 'C'].map((id) => ({ id, name: `Kommune ${id}`, weight: q('1') }));

  it('pays back the surplus less the carry-forward by the key, summing exactly', () => {
    const result = splitSurplusPayback({ surplus: q('100000'), carriedForward: q('20000'), key, resolution: q('1') });
    assert.ok(result.ok);
    assert.deepEqual(result.value.allocation.recipients.map((r) => s(r.allocated)), ['26667', '26667', '26666']);
    assert.equal(s(result.value.allocation.allocatedTotal), '80000');
  });

  it('keeps a remainder below one krone with the carry-forward when paying back whole kroner', () => {
    const result = splitSurplusPayback({ surplus: q('100000.50'), carriedForward: q('20000'), key, resolution: q('1') });
    assert.ok(result.ok);
    assert.equal(s(result.value.payback), '80000.5');
    assert.equal(s(result.value.paidBack), '80000');
    assert.equal(s(result.value.residue), '0.5');
  });

  it('splits by an uneven key in øre', () => {
    const uneven = [
      { id: '773', name: 'Morsø', weight: q('598') },
      { id: '851', name: 'Aalborg', weight: q('6592') },
    ];
    const result = splitSurplusPayback({ surplus: q('1000'), carriedForward: q('0'), key: uneven, resolution: q('0.01') });
    assert.ok(result.ok);
    assert.deepEqual(result.value.allocation.recipients.map((r) => s(r.allocated)), ['83.17', '916.83']);
  });

  it('refuses a carry-forward larger than the surplus, a negative key value and a key of zeros', () => {
    const zeros = key.map((k) => ({ ...k, weight: q('0') }));
    const over = splitSurplusPayback({ surplus: q('10'), carriedForward: q('11'), key, resolution: q('1') });
    assert.deepEqual(over.ok ? [] : over.errors.map((e) => e.code), ['carried_forward_exceeds_surplus']);
    const negative = splitSurplusPayback({ surplus: q('10'), carriedForward: q('0'), key: [{ id: 'A', name: 'A', weight: q('-1') }], resolution: q('1') });
    assert.deepEqual(negative.ok ? [] : negative.errors.map((e) => `${e.code}@${e.field}`), ['negative_value@key[0].weight']);
    const zero = splitSurplusPayback({ surplus: q('10'), carriedForward: q('0'), key: zeros, resolution: q('1') });
    assert.deepEqual(zero.ok ? [] : zero.errors.map((e) => `${e.code}@${e.field}`), ['zero_key_sum@key']);
  });
});
