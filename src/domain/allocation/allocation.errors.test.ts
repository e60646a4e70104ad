import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAllocationJson } from './allocation.ts';

type Json = Record<string, unknown>;

function valid(): Json {
  return {
    name: 'Test',
    total: 100,
    unit: 'places',
    resolution: 1,
    criteria: [
      { key: 'population', weight: 0.5 },
      { key: 'staff', weight: 0.5 },
    ],
    recipients: [
      { id: 'A', name: 'Kommune A', values: { population: 60000, staff: 500 } },
      { id: 'B', name: 'Kommune B', values: { population: 30000, staff: 400 } },
      { id: 'C', name: 'Kommune C', values: { population: 10000, staff: 100 } },
    ],
  };
}

/** valid() with recipient i changed. */
function withRecipient(i: number, change: Json, base: Json = valid()): Json {
  const recipients = structuredClone(base.recipients) as Json[];
  recipients[i] = { ...recipients[i], ...change };
  return { ...base, recipients };
}

const cases: { name: string; input: unknown; field: string; code: string; message?: string }[] = [
  {
    name: 'weights that do not sum to 1',
    input: { ...valid(), criteria: [{ key: 'population', weight: 0.5 }, { key: 'staff', weight: 0.4 }] },
    field: 'criteria',
    code: 'weights_not_one',
    message: 'Vægtene i "criteria" summerer til 0,9 – de skal summere til 1.',
  },
  { name: 'a negative weight', input: { ...valid(), criteria: [{ key: 'population', weight: 1.5 }, { key: 'staff', weight: -0.5 }] }, field: 'criteria[1].weight', code: 'negative_weight' },
  { name: 'no criteria', input: { ...valid(), criteria: [] }, field: 'criteria', code: 'no_criteria' },
  {
    name: 'a duplicate criterion key',
    input: { ...valid(), criteria: [{ key: 'population', weight: 0.5 }, { key: 'population', weight: 0.5 }] },
    field: 'criteria[1].key',
    code: 'duplicate_criterion',
  },
  {
    name: 'a missing value',
    input: withRecipient(1, { values: { population: 30000 } }),
    field: 'recipients[1].values.staff',
    code: 'missing_value',
    message: 'Værdien "recipients[1].values.staff" mangler – modtageren "B" skal have en værdi for kriteriet "staff".',
  },
  {
    name: 'a negative value',
    input: withRecipient(0, { values: { population: -60000, staff: 500 } }),
    field: 'recipients[0].values.population',
    code: 'negative_value',
    message: 'Værdien i "recipients[0].values.population" er -60.000 – den må ikke være negativ.',
  },
  {
    name: 'a non-numeric value',
    input: withRecipient(2, { values: { population: 'mange', staff: 100 } }),
    field: 'recipients[2].values.population',
    code: 'not_a_number',
  },
  { name: 'a boolean where a number belongs', input: { ...valid(), total: true }, field: 'total', code: 'not_a_number' },
  { name: 'a value with a decimal comma', input: withRecipient(0, { values: { population: '1,5', staff: 1 } }), field: 'recipients[0].values.population', code: 'not_a_number' },
  { name: 'an unknown transferTo', input: withRecipient(0, { transferTo: 'X' }), field: 'recipients[0].transferTo', code: 'unknown_transfer_target' },
  { name: 'a transfer to itself', input: withRecipient(1, { transferTo: 'B' }), field: 'recipients[1].transferTo', code: 'transfer_to_self' },
  {
    name: 'a cycle of transfers',
    input: withRecipient(2, { transferTo: 'A' }, withRecipient(1, { transferTo: 'C' }, withRecipient(0, { transferTo: 'B' }))),
    field: 'recipients[0].transferTo',
    code: 'transfer_cycle',
    message: '"recipients[0].transferTo" indgår i en ring af overdragelser (A → B → C → A) – andelen ville aldrig lande hos nogen.',
  },
  {
    name: 'a transfer to an exempt recipient',
    input: withRecipient(0, { transferTo: 'C' }, withRecipient(2, { exempt: true })),
    field: 'recipients[0].transferTo',
    code: 'transfer_to_exempt',
  },
  {
    name: 'fixed shares over 100 %',
    input: withRecipient(0, { fixedShare: 0.6 }, withRecipient(1, { fixedShare: '0.45' })),
    field: 'recipients',
    code: 'fixed_shares_over_100',
    message: 'De faste andele ("fixedShare") i "recipients" summerer til 105 % – de må højst summere til 100 %.',
  },
  { name: 'a negative fixed share', input: withRecipient(0, { fixedShare: -0.1 }), field: 'recipients[0].fixedShare', code: 'fixed_share_out_of_range' },
  {
    name: 'fixed shares under 100 % with nobody to share the rest',
    input: withRecipient(2, { exempt: true }, withRecipient(0, { fixedShare: 0.5 }, withRecipient(1, { fixedShare: 0.3 }))),
    field: 'recipients',
    code: 'no_recipient_for_rest',
  },
  { name: 'an exempt recipient with a fixed share', input: withRecipient(0, { exempt: true, fixedShare: 0.1 }), field: 'recipients[0].fixedShare', code: 'exempt_with_fixed_share' },
  { name: 'an exempt recipient that transfers', input: withRecipient(0, { exempt: true, transferTo: 'B' }), field: 'recipients[0].transferTo', code: 'exempt_with_transfer' },
  {
    name: 'a total that is not a multiple of the resolution',
    input: { ...valid(), total: 17291, resolution: 1000 },
    field: 'total',
    code: 'total_not_multiple',
    message: '"total" er 17.291, som ikke er et helt antal gange opløsningen 1.000 ("resolution").',
  },
  { name: 'a resolution of 0', input: { ...valid(), resolution: 0 }, field: 'resolution', code: 'non_positive_resolution' },
  { name: 'a negative resolution', input: { ...valid(), resolution: '-0.01' }, field: 'resolution', code: 'non_positive_resolution' },
  { name: 'a negative total', input: { ...valid(), total: -100 }, field: 'total', code: 'negative_total' },
  { name: 'a duplicate recipient id', input: withRecipient(2, { id: 'A' }), field: 'recipients[2].id', code: 'duplicate_recipient' },
  {
    name: 'an unknown method',
    input: { ...valid(), method: 'hamilton' },
    field: 'method',
    code: 'unknown_method',
    message: '"method" er "hamilton" – kendte afrundingsmetoder er largestRemainder, roundEach og floor.',
  },
  { name: 'an unknown method in a derived column', input: { ...valid(), derived: [{ name: 'x', factor: 0.9, method: 'up' }] }, field: 'derived[0].method', code: 'unknown_method' },
  { name: 'a negative derived factor', input: { ...valid(), derived: [{ name: 'x', factor: -1 }] }, field: 'derived[0].factor', code: 'negative_factor' },
  { name: 'a duplicate derived name', input: { ...valid(), derived: [{ name: 'x', factor: 1 }, { name: 'x', factor: 2 }] }, field: 'derived[1].name', code: 'duplicate_derived' },
  { name: 'an unknown unit', input: { ...valid(), unit: 'kr.' }, field: 'unit', code: 'unknown_unit' },
  { name: 'no recipients', input: { ...valid(), recipients: [] }, field: 'recipients', code: 'no_recipients' },
  {
    name: 'a criterion whose values are all 0 among those sharing by the key',
    input: withRecipient(0, { fixedShare: 0.5 }, {
      ...valid(),
      recipients: (valid().recipients as Json[]).map((r, i) => ({ ...r, values: { population: 1, staff: i === 0 ? 7 : 0 } })),
    }),
    field: 'criteria[1].key',
    code: 'zero_criterion_sum',
  },
  { name: 'a missing total', input: { ...valid(), total: undefined }, field: 'total', code: 'required', message: 'Feltet "total" mangler.' },
  { name: 'a missing recipient id', input: withRecipient(0, { id: undefined }), field: 'recipients[0].id', code: 'required' },
  { name: 'an empty name', input: { ...valid(), name: ' ' }, field: 'name', code: 'empty_text' },
  { name: 'criteria that are not a list', input: { ...valid(), criteria: { population: 1 } }, field: 'criteria', code: 'invalid_type' },
  { name: 'an exempt flag that is not true or false', input: withRecipient(0, { exempt: 'ja' }), field: 'recipients[0].exempt', code: 'invalid_type' },
  { name: 'a misspelt optional key', input: withRecipient(0, { fixedshare: 0.1 }), field: 'recipients[0].fixedshare', code: 'unknown_field' },
  { name: 'a file that is not an object', input: [1, 2], field: '', code: 'invalid_type' },
];

describe('refused allocations', () => {
  for (const c of cases) {
    it(`refuses ${c.name} with ${c.code} on "${c.field}"`, () => {
      const result = parseAllocationJson(c.input);
      assert.equal(result.ok, false, 'expected the allocation to be refused');
      if (result.ok) return;
      const found = result.errors.find((e) => e.field === c.field && e.code === c.code);
      assert.ok(found, `no ${c.code} on ${c.field}; got ${JSON.stringify(result.errors)}`);
      if (c.message !== undefined) assert.equal(found.message, c.message);
      if (c.field !== '') assert.ok(found.message.includes(`"${c.field}"`), `message does not name the field: ${found.message}`);
    });
  }

  it('reports every error at once rather than the first', () => {
    const input = { ...withRecipient(1, { values: { population: -1 }, transferTo: 'Z' }), method: 'x', resolution: 0 };
    const result = parseAllocationJson(input);
    assert.deepEqual(
      result.ok ? [] : result.errors.map((e) => `${e.code}@${e.field}`).sort(),
      [
        'missing_value@recipients[1].values.staff',
        'negative_value@recipients[1].values.population',
        'non_positive_resolution@resolution',
        'unknown_method@method',
        'unknown_transfer_target@recipients[1].transferTo',
      ],
    );
  });

  it('does not need values for exempt and fixed-share recipients', () => {
    const input = withRecipient(0, { values: undefined, exempt: true }, withRecipient(1, { values: undefined, fixedShare: 0.1 }));
    assert.equal(parseAllocationJson(input).ok, true);
  });
});
