// The referrals CSV parser (pure): rows read into referrals with Danish times, and every error named
// with line, column and value.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseCsvSheetText } from '../guidance/csv-sheet.ts';
import { createReferralsCsvParser, readInstant, type ReferralCsvReferral } from './referrals-csv.ts';

const municipalities = new Set(['825', '851', '101']);
const parse = (text: string) => parseCsvSheetText(createReferralsCsvParser(municipalities), text);
const header = 'referral_id,created,from_organisation,to_organisation,cvr,company_name,municipality_code,theme,state,outcome,rejection_reason,received,contacted,closed';

describe('referrals CSV', () => {
  it('reads Danish dates and times as instants', () => {
    assert.deepEqual(readInstant('2024-03-01 09:15'), { ok: true, value: new Date('2024-03-01T08:15:00Z') });
    assert.deepEqual(readInstant('01-07-2024'), { ok: true, value: new Date('2024-06-30T22:00:00Z') });
    assert.equal(readInstant('2024-03-01 25:00').ok, false);
  });

  it('reads the fixture into referrals', () => {
    const rows = parse(readFileSync(join(import.meta.dirname, '../../../test/fixtures/referrals/referrals-import.csv'), 'utf8'));
    assert.equal(rows.length, 4);
    const referrals = rows.map((row) => ('referral' in row ? row.referral : assert.fail(JSON.stringify(row)))) as ReferralCsvReferral[];
    const [first, second, third, fourth] = referrals;
    assert.equal(first!.state, 'closed');
    assert.equal(first!.outcome, 'used');
    assert.equal(first!.createdAt.toISOString(), '2024-03-01T08:15:00.000Z');
    assert.equal(first!.closedAt?.toISOString(), '2024-04-14T22:00:00.000Z');
    assert.equal(second!.cvr, null);
    assert.equal(second!.companyName, 'Læsø Kajak');
    assert.equal(third!.state, 'rejected', 'Danish state labels');
    assert.equal(third!.kind, 'lead');
    assert.equal(third!.rejectionReason, 'Ingen kapacitet i foråret');
    assert.equal(fourth!.theme, 'Patenter; innovation');
    assert.equal(fourth!.kind, 'referral');
  });

  it('names every invalid field with line, column and value', () => {
    const rows = parse(
      [
        header,
        'A-1,2024-01-10,Erhvervshus Nordjylland,Eksportrådet,40381279,,,Eksport,måske,,,,,',
        'A-2,2024-01-10,Erhvervshus Nordjylland,Eksportrådet,40381279,,,Eksport,closed,,,,,2024-01-20',
        'A-1,2024-13-10,Erhvervshus Nordjylland,Erhvervshus Nordjylland,,,,,sent,used,,,,',
        'A-4,2024-01-10,Erhvervshus Nordjylland,Eksportrådet,12345678,,,Eksport,contacted,,,,2024-01-09,',
        'A-5,2024-01-10,Erhvervshus Nordjylland,Eksportrådet,,Ny førstarter,1085,Eksport,rejected,,,,,',
      ].join('\n'),
    );
    const messages = rows.flatMap((row) => ('errors' in row ? row.errors.map((e) => `${e.line}|${e.column}|${e.value}|${e.message}`) : []));
    const expect = (pattern: RegExp) => assert.ok(messages.some((m) => pattern.test(m)), `${pattern} in\n${messages.join('\n')}`);
    expect(/^2\|state\|måske\|Linje 2, kolonne "state": "måske" er ikke en status/);
    expect(/^3\|outcome\|\|Linje 3, kolonne "outcome": feltet er tomt – en afsluttet henvisning skal have et udfald/);
    expect(/^4\|referral_id\|A-1\|Linje 4, kolonne "referral_id": "A-1" står allerede i linje 2\./);
    expect(/^4\|created\|2024-13-10\|/);
    expect(/^4\|to_organisation\|Erhvervshus Nordjylland\|.*kan ikke henvise til sig selv/);
    expect(/^4\|company_name\|\|/);
    expect(/^4\|theme\|\|/);
    expect(/^4\|outcome\|used\|.*kun en afsluttet henvisning/);
    expect(/^5\|cvr\|12345678\|/);
    expect(/^5\|contacted\|2024-01-09\|Linje 5, kolonne "contacted": tidspunktet ligger før created \(2024-01-10\)\./);
    expect(/^6\|municipality_code\|1085\|.*regionskode/);
    expect(/^6\|rejection_reason\|\|.*begrundelse/);
    expect(/^6\|closed\|\|.*afslutningen/);
  });

  it('stops at a header that is not a referrals sheet', () => {
    const rows = parse('referral_id,created,foo\nA-1,2024-01-01,x');
    assert.equal(rows.length, 1);
    assert.match('errors' in rows[0]! ? rows[0].errors[0]!.message : '', /overskriften er ikke et henvisningsark – ukendt kolonne "foo"/);
  });
});
