// The activities CSV reader: what a row must hold and the Danish message for each way it can be wrong.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createActivitiesCsvParser, type ActivityCsvRow } from './activities-csv.ts';

const municipalities = new Set(['825', '851', '751']);
const header = 'activity_id,date,kind,title,organisation,cvr,company_name,municipality_code';

function read(text: string): ActivityCsvRow[] {
  const parser = createActivitiesCsvParser(municipalities);
  return [...text.split('\n').flatMap((line) => parser.push(line)), ...parser.end()];
}
const messages = (rows: ActivityCsvRow[]) => rows.flatMap((row) => ('errors' in row ? row.errors.map((e) => e.message) : []));

describe('activities CSV', () => {
  it('reads a row with Danish labels and dates, several CVR numbers, and the optional columns in any order', () => {
    const rows = read('\uFEFFnote;activity_id;date;kind;title;organisation;cvr;company_name;municipality_code;participants\r\n"Godt; fremmøde";A1;02-04-2024;Arrangement;Netværk;Erhvervshus Nordjylland;"40381279; 25313763";;;42\r\n');
    assert.deepEqual(rows, [
      {
        line: 2,
        activity: {
          activityId: 'A1',
          date: '2024-04-02',
          kind: 'event',
          title: 'Netværk',
          organisation: 'Erhvervshus Nordjylland',
          cvrs: ['40381279', '25313763'],
          companyName: null,
          municipalityCode: null,
          participants: 42,
          note: { body: 'Godt; fremmøde', visibility: 'internal' },
          adviserEmail: null,
        },
      },
    ]);
  });

  const cases: [string, string, string][] = [
    ['an empty activity_id', ',2024-01-01,visit,T,Org,40381279,,', 'Linje 2, kolonne "activity_id": feltet er tomt – angiv kildesystemets id for aktiviteten.'],
    ['a date that does not exist', 'A,2024-02-30,visit,T,Org,40381279,,', 'Linje 2, kolonne "date": "2024-02-30" er ikke en gyldig dato – skriv 31-12-2023 eller 2023-12-31.'],
    ['an unknown kind', 'A,2024-01-01,kaffe,T,Org,40381279,,', 'Linje 2, kolonne "kind": "kaffe" er ikke en aktivitetstype – brug visit, meeting, call, email, event (eller besøg, møde, telefonsamtale, e-mail, arrangement).'],
    ['an empty title', 'A,2024-01-01,visit,,Org,40381279,,', 'Linje 2, kolonne "title": feltet er tomt – angiv en kort titel.'],
    ['a CVR number failing modulus 11', 'A,2024-01-01,visit,T,Org,40381278,,', 'Linje 2, kolonne "cvr": "40381278" er ikke et gyldigt CVR-nummer (modulus 11).'],
    ['a pre-starter without a name', 'A,2024-01-01,visit,T,Org,,,825', 'Linje 2, kolonne "company_name": feltet er tomt – navnet skal udfyldes, når cvr er tom (førstarter).'],
    ['a pre-starter without a municipality', 'A,2024-01-01,visit,T,Org,,Bageriet,', 'Linje 2, kolonne "municipality_code": feltet er tomt – kommunekoden skal udfyldes, når cvr er tom (førstarter).'],
    ['a region code as municipality', 'A,2024-01-01,visit,T,Org,,Bageriet,1081', 'Linje 2, kolonne "municipality_code": "1081" er en regionskode (Region Nordjylland), ikke en kommunekode.'],
  ];
  for (const [what, line, message] of cases) {
    it(`names ${what}`, () => assert.deepEqual(messages(read(`${header}\n${line}`)), [message]));
  }

  it('allows participants only for events and names a bad visibility', () => {
    const text = `${header},participants,note,note_visibility\nA,2024-01-01,visit,T,Org,40381279,,,12,,\nB,2024-01-01,event,T,Org,40381279,,,nul,x,hemmelig`;
    assert.deepEqual(messages(read(text)), [
      'Linje 2, kolonne "participants": antal deltagere registreres kun for arrangementer (kind = event).',
      'Linje 3, kolonne "participants": "nul" er ikke et antal deltagere – skriv et helt tal fra 1 til 100000.',
      'Linje 3, kolonne "note_visibility": "hemmelig" er ikke en synlighed – brug internal eller shared (eller intern, delt).',
    ]);
  });

  it('stops at a header with a missing or unknown column', () => {
    assert.deepEqual(messages(read('activity_id;date;kind;titel\nA;2024-01-01;visit;T')), [
      'Linje 1: overskriften er ikke et aktivitetsark – ukendt kolonne "titel"; kolonnerne "title", "organisation", "cvr", "company_name", "municipality_code" mangler. Forventet: activity_id,date,kind,title,organisation,cvr,company_name,municipality_code (og evt. participants,note,note_visibility,adviser_email).',
    ]);
  });

  it('hints at unquoted CVR lists in a semicolon file, and reports an empty file', () => {
    const semicolon = header.replaceAll(',', ';');
    assert.match(messages(read(`${semicolon}\nA;2024-01-01;event;T;Org;40381279;25313763;;`))[0]!, /Står der flere CVR-numre i cvr uden anførselstegn\?/);
    assert.deepEqual(messages(read('')), ['Filen er tom – der er hverken overskrift eller rækker.']);
  });
});
