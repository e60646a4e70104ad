import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRational } from '../money/rational.ts';
import type { Rational } from '../money/rational.ts';
import {
  allocate,
  compareWithPerRowRounding,
  computeAllocation,
  parseAllocationJson,
} from './allocation.ts';
import type { AllocationResult } from './allocation.ts';

type Json = Record<string, unknown>;

const q = (text: string): Rational => {
  const value = parseRational(text);
  if (value === null) throw new Error(`bad literal ${text}`);
  return value;
};

/** The example of spec 05, "The command". */
function specExample(): Json {
  return {
    name: 'Pædagogpraktik (eksempel)',
    total: 100,
    unit: 'places',
    resolution: 1,
    method: 'largestRemainder',
    criteria: [
      { key: 'population', weight: 0.5 },
      { key: 'staff', weight: 0.5 },
    ],
    recipients: [
      { id: 'A', name: 'Kommune A', values: { population: 60000, staff: 500 } },
      { id: 'B', name: 'Kommune B', values: { population: 30000, staff: 400 } },
      { id: 'C', name: 'Kommune C', values: { population: 10000, staff: 100 } },
    ],
    derived: [{ name: '10 pct. frafald', factor: 0.9, method: 'roundEach' }],
  };
}

/** One criterion `v`; recipients given as [id, value, extra fields]. */
function simple(total: unknown, recipients: [string, number, Json?][], extra: Json = {}): Json {
  return {
    name: 'Test',
    total,
    unit: 'places',
    criteria: [{ key: 'v', weight: 1 }],
    recipients: recipients.map(([id, v, more]) => ({ id, name: `Kommune ${id}`, values: { v }, ...more })),
    ...extra,
  };
}

function run(json: unknown): AllocationResult {
  const parsed = parseAllocationJson(json);
  if (!parsed.ok) assert.fail(JSON.stringify(parsed.errors, null, 2));
  return computeAllocation(parsed.value);
}

const allocatedOf = (r: AllocationResult): Record<string, string> =>
  Object.fromEntries(r.recipients.map((x) => [x.id, x.allocated.toDecimalString()]));

describe('the spec example', () => {
  it('splits 100 places into 55, 35 and 10 with shares 0.55, 0.35 and 0.1', () => {
    const result = run(specExample());
    assert.deepEqual(
      result.recipients.map((r) => [r.id, r.share.toDecimalString(), r.exact.toDecimalString(), r.allocated.toDecimalString()]),
      [
        ['A', '0.55', '55', '55'],
        ['B', '0.35', '35', '35'],
        ['C', '0.1', '10', '10'],
      ],
    );
    assert.equal(result.allocatedTotal.toString(), '100');
    assert.equal(result.difference.toString(), '0');
  });

  it('rounds the "10 pct. frafald" column half up from 49.5, 31.5 and 9 to 50, 32 and 9', () => {
    const result = run(specExample());
    assert.deepEqual(
      result.recipients.map((r) => r.derived.map((d) => [d.name, d.exact.toDecimalString(), d.value.toDecimalString()])),
      [[['10 pct. frafald', '49.5', '50']], [['10 pct. frafald', '31.5', '32']], [['10 pct. frafald', '9', '9']]],
    );
    assert.equal(result.derivedTotals[0]?.valueTotal.toString(), '91');
    assert.equal(result.derivedTotals[0]?.exactTotal.toString(), '90');
  });
});

describe('rules of the engine', () => {
  const cases: { name: string; input: Json; expected: Record<string, string>; allocatedTotal?: string }[] = [
    {
      name: 'largest remainder gives the leftover unit to the largest remainder',
      input: simple(10, [['A', 5], ['B', 3], ['C', 2]].map(([id, v]) => [id as string, (v as number) * 7 + 1])),
      // exact 10 × 36/73, 22/73, 15/73 = 4.93, 3.01, 2.05 → floors 4, 3, 2, leftover 1 to A.
      expected: { A: '5', B: '3', C: '2' },
    },
    {
      name: 'a tie in remainders goes to the larger exact amount',
      input: simple(4, [['A', 3], ['B', 5]]), // exact 1.5 and 2.5
      expected: { A: '1', B: '3' },
    },
    {
      name: 'a full tie goes to the id that sorts first by code unit, not by locale ("B" < "a" < "b")',
      input: simple(4, [['a', 1], ['b', 1], ['B', 1]]),
      expected: { a: '1', b: '1', B: '2' },
    },
    {
      name: 'roundEach rounds each row half up and may miss the total',
      input: simple(4, [['A', 3], ['B', 5]], { method: 'roundEach' }),
      expected: { A: '2', B: '3' },
      allocatedTotal: '5',
    },
    {
      name: 'floor rounds every row down',
      input: simple(4, [['A', 3], ['B', 5]], { method: 'floor' }),
      expected: { A: '1', B: '2' },
      allocatedTotal: '3',
    },
    {
      name: 'resolution 1000 rounds to whole thousands and still sums to the total',
      input: simple(10000, [['A', 1], ['B', 1], ['C', 1]], { resolution: 1000, unit: 'DKK' }),
      expected: { A: '4000', B: '3000', C: '3000' },
    },
    {
      name: 'resolution 0.01 rounds to øre and still sums to the total',
      input: simple(100, [['A', 1], ['B', 1], ['C', 1]], { resolution: '0.01', unit: 'DKK' }),
      expected: { A: '33.34', B: '33.33', C: '33.33' },
    },
    {
      name: 'a fixed share is taken first and the others split the rest by the criteria',
      input: simple(1000, [['A', 999, { fixedShare: 0.072 }], ['B', 1], ['C', 1]]),
      expected: { A: '72', B: '464', C: '464' },
    },
    {
      name: 'fixed shares of exactly 100 % leave nothing for the others',
      input: simple(10, [['A', 0, { fixedShare: 0.6 }], ['B', 0, { fixedShare: '0.4' }], ['C', 1]]),
      expected: { A: '6', B: '4', C: '0' },
    },
    {
      name: 'an exempt recipient gets 0 and is left out of the criteria sums',
      input: simple(10, [['A', 1], ['B', 1], ['C', 1000, { exempt: true }]]),
      expected: { A: '5', B: '5', C: '0' },
    },
    {
      name: 'a transfer moves the exact amount before rounding (2.5 + 2.5 = 5, not 3 + 3)',
      input: simple(10, [['A', 1], ['B', 1, { transferTo: 'A' }], ['C', 1], ['D', 1]]),
      expected: { A: '5', B: '0', C: '3', D: '2' },
    },
    {
      name: 'a chain of transfers lands at the final receiver',
      input: simple(9, [['A', 1, { transferTo: 'B' }], ['B', 1, { transferTo: 'C' }], ['C', 1]]),
      expected: { A: '0', B: '0', C: '9' },
    },
    {
      name: 'a recipient with a fixed share can transfer it',
      input: simple(100, [['A', 0, { fixedShare: 0.25, transferTo: 'B' }], ['B', 1], ['C', 1]]),
      expected: { A: '0', B: '63', C: '37' }, // B 25 + 37.5, C 37.5: tie → larger exact B
    },
    {
      name: 'a criterion of weight 0 may have only zero values',
      input: {
        ...simple(10, []),
        criteria: [{ key: 'v', weight: 1 }, { key: 'w', weight: 0 }],
        recipients: [
          { id: 'A', name: 'A', values: { v: 1, w: 0 } },
          { id: 'B', name: 'B', values: { v: 4, w: 0 } },
        ],
      },
      expected: { A: '2', B: '8' },
    },
    {
      name: 'a total of 0 gives everyone 0',
      input: simple(0, [['A', 1], ['B', 4]]),
      expected: { A: '0', B: '0' },
    },
    {
      name: 'weights 0.1 + 0.2 + 0.7 given as JSON numbers sum to exactly 1',
      input: {
        ...simple(100, []),
        criteria: [{ key: 'x', weight: 0.1 }, { key: 'y', weight: 0.2 }, { key: 'z', weight: 0.7 }],
        recipients: [
          { id: 'A', name: 'A', values: { x: 1, y: 0, z: 1 } },
          { id: 'B', name: 'B', values: { x: 0, y: 1, z: 1 } },
        ],
      },
      expected: { A: '45', B: '55' },
    },
    {
      name: 'weights may be exact thirds written as fractions',
      input: {
        ...simple(3, []),
        criteria: [{ key: 'x', weight: '1/3' }, { key: 'y', weight: '1/3' }, { key: 'z', weight: '1/3' }],
        recipients: [
          { id: 'A', name: 'A', values: { x: 1, y: 0, z: 0 } },
          { id: 'B', name: 'B', values: { x: 0, y: 1, z: 0 } },
          { id: 'C', name: 'C', values: { x: 0, y: 0, z: 1 } },
        ],
      },
      expected: { A: '1', B: '1', C: '1' },
    },
    {
      name: 'numbers given as decimal strings give the same result as JSON numbers',
      input: { ...specExample(), total: '100', criteria: [{ key: 'population', weight: '0.5' }, { key: 'staff', weight: '0.50' }] },
      expected: { A: '55', B: '35', C: '10' },
    },
    {
      name: 'method and resolution default to largestRemainder and 1',
      input: simple(10, [['A', 1], ['B', 1], ['C', 1]]),
      expected: { A: '4', B: '3', C: '3' },
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const result = run(c.input);
      assert.deepEqual(allocatedOf(result), c.expected);
      assert.equal(result.allocatedTotal.toDecimalString(), c.allocatedTotal ?? result.total.toDecimalString());
      assert.equal(result.difference.toDecimalString(), result.allocatedTotal.sub(result.total).toDecimalString());
    });
  }

  it('keeps the transferring recipient in the criteria and notes who took its amount over', () => {
    const result = run(simple(10, [['A', 1], ['B', 1, { transferTo: 'A' }], ['C', 1], ['D', 1]]));
    const [a, b] = result.recipients;
    assert.equal(b?.ownShare.toString(), '1/4');
    assert.equal(b?.ownExact.toString(), '5/2');
    assert.equal(b?.share.toString(), '0');
    assert.equal(b?.transferredTo, 'A');
    assert.equal(b?.note, 'Overtaget af Kommune A');
    assert.equal(a?.share.toString(), '1/2');
    assert.deepEqual(a?.receivedFrom, ['B']);
    assert.equal(a?.note, 'Har overtaget andelen fra Kommune B');
  });

  it('names the way through a chain of transfers in the note', () => {
    const result = run(simple(9, [['A', 1, { transferTo: 'B' }], ['B', 1, { transferTo: 'C' }], ['C', 1]]));
    assert.deepEqual(
      result.recipients.map((r) => r.note),
      ['Overtaget af Kommune C (via Kommune B)', 'Overtaget af Kommune C', 'Har overtaget andelen fra Kommune A og Kommune B'],
    );
  });

  it('notes exempt and fixed-share recipients', () => {
    const result = run(simple(1000, [['A', 0, { fixedShare: 0.072 }], ['B', 1], ['C', 1, { exempt: true }]]));
    assert.deepEqual(result.recipients.map((r) => r.note), ['Fast andel på 7,2 %', null, 'Fritaget']);
  });

  it('rounds a derived column with largestRemainder to its own exact total', () => {
    const result = run({ ...specExample(), derived: [{ name: 'frafald', factor: '0.9', method: 'largestRemainder' }] });
    assert.deepEqual(result.recipients.map((r) => r.derived[0]?.value.toString()), ['50', '31', '9']);
    assert.equal(result.derivedTotals[0]?.valueTotal.toString(), '90');
  });

  it('accepts a typed allocation through allocate() and refuses an invalid one as a value', () => {
    const input = {
      name: 'Typed',
      total: q('10'),
      unit: 'places',
      criteria: [{ key: 'v', weight: q('1') }],
      recipients: [
        { id: 'A', name: 'A', values: { v: q('1') } },
        { id: 'B', name: 'B', values: { v: q('1') } },
      ],
    };
    const ok = allocate(input);
    assert.equal(ok.ok && ok.value.recipients.map((r) => r.allocated.toString()).join(','), '5,5');
    const bad = allocate({ ...input, total: q('-1') });
    assert.deepEqual(bad.ok ? [] : bad.errors.map((e) => e.code), ['negative_total']);
  });
});

describe('difference to a per-row-rounded spreadsheet', () => {
  it('shows the per-row sum, its error against the total and the rows that differ', () => {
    const result = run(simple(10, [['A', 1], ['B', 1], ['C', 1]]));
    const comparison = compareWithPerRowRounding(result);
    assert.deepEqual(
      comparison.rows.map((r) => [r.id, r.perRowRounded.toString(), r.allocated.toString(), r.difference.toString()]),
      [
        ['A', '3', '4', '1'],
        ['B', '3', '3', '0'],
        ['C', '3', '3', '0'],
      ],
    );
    assert.equal(comparison.perRowTotal.toString(), '9');
    assert.equal(comparison.perRowDifferenceToTotal.toString(), '-1');
    assert.equal(comparison.differingRows, 1);
  });
});
