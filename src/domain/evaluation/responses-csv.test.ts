import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseResponsesCsv, parseResponsesCsvText, responseCsvColumns } from './responses-csv.ts';
import type { ResponseCsvColumn, ResponsesCsvReference } from './responses-csv.ts';

const REFERENCE: ResponsesCsvReference = {
  hubs: ['Erhvervshus Nordjylland', 'Erhvervshus Midtjylland', 'Erhvervshus Sjælland'],
  municipalityCodes: ['101', '751', '813', '849', '851', '860'],
};
const HEADER = responseCsvColumns.join(',');

type Row = Record<ResponseCsvColumn, string>;
const valid: Omit<Row, 'themes'> = {
  response_id: 'R-1',
  source: 'erst',
  cvr: '30521439',
  hub: 'Erhvervshus Nordjylland',
  municipality_code: '851',
  segment: 'drift',
  guidance_year: '2023',
  answered_at: '2024-01-15',
  recommend: '9',
  staff_competence: 'Meget tilfreds',
  expected_effect: 'I høj grad',
  effect_unrecognised_challenges: '',
  effect_strategy: '',
  effect_growth_ambitions: '',
  effect_business_concept: '',
  effect_sales_marketing: '',
  effect_organisation: '',
  effect_operations: '',
  referred: 'Ja',
  used_referral: 'Nej',
  digital_guidance: 'Ja',
};
const csvLine = (row: Partial<Row>, separator = ',', columns: readonly ResponseCsvColumn[] = responseCsvColumns): string =>
  columns
    .map((c) => {
      const value = ({ ...valid, ...row } as Partial<Row>)[c] ?? '';
      return value.includes(separator) || value.includes('"') ? `"${value.replace(/"/g, '""')}"` : value;
    })
    .join(separator);
const file = (...rows: Partial<Row>[]) => [HEADER, ...rows.map((r) => csvLine(r))].join('\n');
const parse = (text: string) => parseResponsesCsvText(text, REFERENCE);
const noEffect = {
  unrecognisedChallenges: null,
  strategy: null,
  growthAmbitions: null,
  businessConcept: null,
  salesMarketing: null,
  organisation: null,
  operations: null,
};

describe('the responses CSV (03-evaluation.md, Responses CSV)', () => {
  it('reads a valid row into a typed response', () => {
    const { responses, errors } = parse(file({}));
    assert.deepEqual(errors, []);
    assert.deepEqual(responses, [
      {
        responseId: 'R-1',
        source: 'erst',
        cvr: '30521439',
        hub: 'Erhvervshus Nordjylland',
        municipalityCode: '851',
        segment: 'operations',
        guidanceYear: 2023,
        answeredAt: '2024-01-15',
        themes: [],
        answers: {
          recommend: 9,
          staffCompetence: 'veryPleased',
          expectedEffect: 'high',
          effect: noEffect,
          referred: 'yes',
          usedReferral: 'no',
          digitalGuidance: 'yes',
        },
      },
    ]);
  });

  it('reads labels in any letter case and spacing, Danish or ISO dates, vækst/drift/growth/operations', () => {
    const { responses, errors } = parse(
      file(
        { response_id: 'a', segment: 'VÆKST', staff_competence: '  meget   TILFREDS ', expected_effect: 'i NOGEN grad', answered_at: '31-12-2023' },
        { response_id: 'b', segment: 'growth', staff_competence: 'hverken / eller', expected_effect: 'VED IKKE', referred: 'nej', used_referral: '' },
        { response_id: 'c', segment: 'Operations', staff_competence: 'ved ikke', expected_effect: 'slet ikke', hub: 'nordjylland', source: 'Own' },
      ),
    );
    assert.deepEqual(errors, []);
    assert.deepEqual(
      responses.map((r) => [r.responseId, r.segment, r.answers.staffCompetence, r.answers.expectedEffect, r.answeredAt, r.hub, r.source]),
      [
        ['a', 'growth', 'veryPleased', 'some', '2023-12-31', 'Erhvervshus Nordjylland', 'erst'],
        ['b', 'growth', 'neutral', 'dontKnow', '2024-01-15', 'Erhvervshus Nordjylland', 'erst'],
        ['c', 'operations', 'dontKnow', 'notAtAll', '2024-01-15', 'Erhvervshus Nordjylland', 'own'],
      ],
    );
  });

  it('reads an empty cell as not answered and keeps the effect items one by one', () => {
    const { responses, errors } = parse(
      file({ recommend: '', staff_competence: '', expected_effect: '', referred: '', used_referral: '', digital_guidance: '', answered_at: '', cvr: '', effect_strategy: 'I lav grad', effect_operations: 'Ved ikke' }),
    );
    assert.deepEqual(errors, []);
    const [response] = responses;
    assert.equal(response?.cvr, null);
    assert.equal(response?.answeredAt, null);
    assert.deepEqual(response?.answers, {
      recommend: null,
      staffCompetence: null,
      expectedEffect: null,
      effect: { ...noEffect, strategy: 'low', operations: 'dontKnow' },
      referred: null,
      usedReferral: null,
      digitalGuidance: null,
    });
  });

  it('reads semicolon files with a BOM, CRLF line ends, quoted fields and the optional themes column', () => {
    const columns = [...responseCsvColumns, 'themes'] as const;
    const text =
      '\uFEFF' +
      [columns.join(';'), csvLine({ themes: 'innovation;Digitalisering og automatisering', staff_competence: '"Tilfreds"' }, ';', columns), csvLine({ response_id: 'R-2' }, ';', columns)].join('\r\n') +
      '\r\n';
    const { responses, errors } = parse(text);
    assert.equal(errors.length, 1, JSON.stringify(errors));
    assert.equal(errors[0]?.message, 'Linje 2, kolonne "staff_competence": ""Tilfreds"" er ikke et svar på skalaen – brug Meget tilfreds, Tilfreds, Hverken/eller, Utilfreds, Meget utilfreds, Ved ikke (eller en tom celle for ubesvaret).');
    assert.deepEqual(responses.map((r) => [r.responseId, r.themes]), [['R-2', []]]);
    const fixed = parse('\uFEFF' + [columns.join(';'), csvLine({ themes: 'innovation;Digitalisering og automatisering' }, ';', columns)].join('\r\n'));
    assert.deepEqual(fixed.errors, []);
    assert.deepEqual(fixed.responses[0]?.themes, ['innovation', 'digitalisation']);
  });

  it('reports every invalid cell of every line with line, column and value, and keeps the valid rows', () => {
    const { responses, errors } = parse(
      file(
        { response_id: 'R-1' },
        { response_id: 'R-2', recommend: '11', staff_competence: 'Meget tilfredse', segment: 'stor' },
        { response_id: 'R-1', cvr: '12345679', municipality_code: '081', hub: 'Erhvervshus Nord' },
        { response_id: 'R-4', guidance_year: '23', answered_at: '2023-02-30', source: 'dst', referred: 'måske' },
        { response_id: 'R-5', recommend: '7.5', effect_strategy: 'Meget', municipality_code: '', segment: '' },
        { response_id: '', recommend: '-1', guidance_year: '' },
      ),
    );
    assert.deepEqual(responses.map((r) => r.responseId), ['R-1']);
    assert.deepEqual(
      errors.map((e) => e.message),
      [
        'Linje 3, kolonne "segment": "stor" er ikke et segment – brug growth eller operations (eller vækst, drift).',
        'Linje 3, kolonne "recommend": "11" er ikke et tal fra 0 til 10.',
        'Linje 3, kolonne "staff_competence": "Meget tilfredse" er ikke et svar på skalaen – brug Meget tilfreds, Tilfreds, Hverken/eller, Utilfreds, Meget utilfreds, Ved ikke (eller en tom celle for ubesvaret).',
        'Linje 4, kolonne "response_id": "R-1" står allerede i linje 2.',
        'Linje 4, kolonne "cvr": "12345679" er ikke et gyldigt CVR-nummer (modulus 11).',
        'Linje 4, kolonne "hub": "Erhvervshus Nord" er ikke et erhvervshus – brug et af: Erhvervshus Nordjylland, Erhvervshus Midtjylland, Erhvervshus Sjælland.',
        'Linje 4, kolonne "municipality_code": "081" er en regionskode (Region Nordjylland), ikke en kommunekode.',
        'Linje 5, kolonne "source": "dst" er ikke en kilde – brug erst (Erhvervsstyrelsen) eller own (egen evaluering).',
        'Linje 5, kolonne "guidance_year": "23" er ikke et årstal – skriv fx 2023.',
        'Linje 5, kolonne "answered_at": "2023-02-30" er ikke en gyldig dato – skriv 31-12-2023 eller 2023-12-31.',
        'Linje 5, kolonne "referred": "måske" er ikke et svar på skalaen – brug Ja, Nej (eller en tom celle for ubesvaret).',
        'Linje 6, kolonne "municipality_code": feltet er tomt – angiv kommunekoden (fx 851).',
        'Linje 6, kolonne "segment": feltet er tomt – angiv segmentet (vækst eller drift).',
        'Linje 6, kolonne "recommend": "7.5" er ikke et tal fra 0 til 10.',
        'Linje 6, kolonne "effect_strategy": "Meget" er ikke et svar på skalaen – brug I høj grad, I nogen grad, I lav grad, Slet ikke, Ved ikke (eller en tom celle for ubesvaret).',
        'Linje 7, kolonne "response_id": feltet er tomt – angiv kildesystemets id for besvarelsen.',
        'Linje 7, kolonne "guidance_year": feltet er tomt – angiv det vejledningsår, besvarelsen gælder (fx 2023).',
        'Linje 7, kolonne "recommend": "-1" er ikke et tal fra 0 til 10.',
      ],
    );
    assert.deepEqual(errors[1], { line: 3, column: 'recommend', value: '11', message: 'Linje 3, kolonne "recommend": "11" er ikke et tal fra 0 til 10.' });
  });

  it('stops at a header that is not the responses CSV, naming what is wrong', () => {
    const { responses, errors } = parse(['response_id,source,cvr,hub,score', csvLine({})].join('\n'));
    assert.deepEqual(responses, []);
    assert.equal(errors.length, 1);
    assert.match(errors[0]!.message, /^Linje 1: overskriften er ikke et besvarelsesark – ukendt kolonne "score"; kolonnerne "municipality_code", "segment", /);
  });

  it('reports a line with the wrong number of fields, an unclosed quote and an empty file', () => {
    const { errors } = parse([HEADER, `${csvLine({})},extra`, csvLine({ response_id: 'R-2' }).replace('Meget tilfreds', '"Tilfreds')].join('\n'));
    assert.deepEqual(
      errors.map((e) => e.message),
      ['Linje 2 har 22 felter, men overskriften har 21.', 'Linje 3: et anførselstegn (") er ikke lukket.'],
    );
    assert.deepEqual(parse('').errors.map((e) => e.message), ['Filen er tom – der er hverken overskrift eller rækker.']);
  });

  it('streams: rows come out as lines go in', async () => {
    async function* lines() {
      yield HEADER;
      yield csvLine({ response_id: 'S-1' });
      yield '';
      yield csvLine({ response_id: 'S-2', recommend: 'ti' });
    }
    const rows = [];
    for await (const row of parseResponsesCsv(lines(), REFERENCE)) rows.push(row);
    assert.deepEqual(rows.map((row) => [row.line, 'response' in row ? row.response.responseId : row.errors.map((e) => e.column)]), [
      [2, 'S-1'],
      [4, ['recommend']],
    ]);
  });
});
