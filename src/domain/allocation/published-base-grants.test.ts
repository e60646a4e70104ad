// The published base-grant tables (spec 05, "Published base-grant tables"): the historical invoices
// round each row on its own, so two of them do not add up to the stated total. An exact split of the
// stated total, with the published rows as the key, always does.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Rational, sumRationals } from '../money/rational.ts';
import { allocate } from './allocation.ts';

interface PublishedRow {
  year: string;
  hub: string;
  statedTotal: bigint;
  municipalityCode: string;
  municipality: string;
  amount: bigint;
}

function readCsv(name: string): string[][] {
  const text = readFileSync(new URL(`../../db/seed/reference/${name}`, import.meta.url), 'utf8');
  // These reference files hold no quoted fields (checked below), so a plain split is exact.
  return text
    .split(/\r?\n/)
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

const [header, ...body] = readCsv('published-base-grants.csv');
const published: PublishedRow[] = body.map((cells) => {
  const cell = (name: string): string => cells[header!.indexOf(name)]!;
  return {
    year: cell('year'),
    hub: cell('business_hub'),
    statedTotal: BigInt(cell('stated_total_1000kr')),
    municipalityCode: cell('municipality_code'),
    municipality: cell('municipality'),
    amount: BigInt(cell('amount_1000kr')),
  };
});
const municipalityCodes = new Set(readCsv('municipalities.csv').slice(1).map((cells) => cells[0]));

// Spec 05's table: year → [stated total, what the rows sum to] in 1.000 kr.
const SPEC_TABLE: Record<string, [bigint, bigint]> = {
  '2019': [16488n, 16488n],
  '2020': [37688n, 37687n],
  '2022': [17291n, 17292n],
  '2023': [17645n, 17645n],
};
// Where an exact split (largest remainder) differs from the published invoice.
const EXACT_SPLIT_DEVIATIONS: Record<string, string[]> = {
  '2019': [],
  '2020': ['751 Aarhus: 9856 (udgivet 9855)'],
  '2022': ['851 Aalborg: 6427 (udgivet 6428)'],
  '2023': [],
};

describe('published base-grant tables', () => {
  it('are well-formed reference data for the 98 municipalities', () => {
    assert.equal(municipalityCodes.size, 98);
    assert.ok(body.every((cells) => cells.length === header!.length && !cells.join('').includes('"')));
    assert.ok(published.every((row) => municipalityCodes.has(row.municipalityCode)));
    assert.deepEqual([...new Set(published.map((r) => r.year))].sort(), Object.keys(SPEC_TABLE).sort());
  });

  for (const [year, [stated, rowsSum]] of Object.entries(SPEC_TABLE)) {
    const rows = published.filter((r) => r.year === year);
    const verdict = stated === rowsSum ? `add up to the stated total of ${stated}` : `sum to ${rowsSum}, not the stated total of ${stated}`;

    it(`${year}: the published rows ${verdict}`, () => {
      assert.ok(rows.every((r) => r.statedTotal === stated));
      assert.equal(rows.reduce((sum, r) => sum + r.amount, 0n), rowsSum);
    });

    it(`${year}: an exact split of ${stated} by the published rows sums to exactly ${stated}`, () => {
      const result = allocate({
        name: `Basisbevilling ${year} (${rows[0]?.hub})`,
        total: Rational.of(stated),
        unit: '1000 DKK',
        resolution: Rational.ONE,
        method: 'largestRemainder',
        criteria: [{ key: 'published', weight: Rational.ONE }],
        recipients: rows.map((r) => ({
          id: r.municipalityCode,
          name: r.municipality,
          values: { published: Rational.of(r.amount) },
        })),
      });
      assert.ok(result.ok);
      const split = result.value;
      assert.ok(split.allocatedTotal.equals(Rational.of(stated)));
      assert.ok(sumRationals(split.recipients.map((r) => r.allocated)).equals(Rational.of(stated)));
      for (const r of split.recipients) assert.ok(r.allocated.sub(r.exact).abs().lt(Rational.ONE));
      const deviations = split.recipients.flatMap((r, i) =>
        r.allocated.equals(Rational.of(rows[i]!.amount))
          ? []
          : [`${r.id} ${r.name}: ${r.allocated} (udgivet ${rows[i]!.amount})`],
      );
      assert.deepEqual(deviations, EXACT_SPLIT_DEVIATIONS[year]);
    });
  }
});
