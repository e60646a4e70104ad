import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describePeriod, isTotalValue, parseFolk1aCsv } from './folk1a.ts';
import type { Municipality, MunicipalityValueImport } from './population.types.ts';

const MUNICIPALITIES: Municipality[] = readFileSync(new URL('../../db/seed/reference/municipalities.csv', import.meta.url), 'utf8')
  .trim()
  .split(/\r?\n/)
  .slice(1)
  .map((line) => {
    const [code = '', name = ''] = line.split(',');
    return { code, name };
  });

const HEADER = 'OMRÅDE;KØN;ALDER;CIVILSTAND;TID;INDHOLD';
const dst = (lines: string[], { bom = true, eol = '\r\n' } = {}): string => `${bom ? '\uFEFF' : ''}${lines.join(eol)}${eol}`;
const values = (r: MunicipalityValueImport): string[] => r.rows.map((x) => `${x.municipalityCode}:${x.period}:${x.value.toDecimalString()}`);

describe('FOLK1A CSV from Danmarks Statistik', () => {
  it('reads labels with a BOM and CRLF and skips the whole country and regions with their line', () => {
    const result = parseFolk1aCsv(
      dst([
        HEADER,
        'Hele landet;I alt;Alder i alt;I alt;2022K1;5873420',
        'Region Nordjylland;I alt;Alder i alt;I alt;2022K1;590439',
        'Aalborg;I alt;Alder i alt;I alt;2022K1;220564',
        'Høje-Taastrup;I alt;Alder i alt;I alt;2022K1;56120',
      ]),
      MUNICIPALITIES,
    );
    assert.deepEqual(result.errors, []);
    assert.deepEqual(values(result), ['851:2022K1:220564', '169:2022K1:56120']);
    assert.deepEqual(result.rows.map((r) => [r.municipalityName, r.line]), [['Aalborg', 4], ['Høje-Taastrup', 5]]);
    assert.deepEqual(result.skipped, [
      { line: 2, area: 'Hele landet', reason: 'hele landet – ikke en kommune' },
      { line: 3, area: 'Region Nordjylland', reason: 'en region, ikke en kommune' },
    ]);
    assert.deepEqual(result.periods, ['2022K1']);
    assert.deepEqual(result.warnings, []);
  });

  it('reads codes (valuePresentation=Code) with LF and no BOM', () => {
    const result = parseFolk1aCsv(
      dst([HEADER, '000;TOT;IALT;TOT;2022K1;5873420', '081;TOT;IALT;TOT;2022K1;590439', '851;TOT;IALT;TOT;2022K1;220564'], { bom: false, eol: '\n' }),
      MUNICIPALITIES,
    );
    assert.deepEqual(values(result), ['851:2022K1:220564']);
    assert.deepEqual(result.skipped.map((s) => [s.line, s.reason]), [[2, 'hele landet – ikke en kommune'], [3, 'Region Nordjylland – en region, ikke en kommune']]);
  });

  it('reads code and label in one cell and refuses a label that does not fit the code', () => {
    const result = parseFolk1aCsv(dst([HEADER, '851 Aalborg;I alt;Alder i alt;I alt;2022K1;220564', '751 Aalborg;I alt;Alder i alt;I alt;2022K1;1']), MUNICIPALITIES);
    assert.deepEqual(values(result), ['851:2022K1:220564']);
    assert.deepEqual(result.errors, [
      { line: 3, field: 'OMRÅDE', message: 'Linje 3, kolonne OMRÅDE: "751 Aalborg" – koden 751 er Aarhus, men navnet er "Aalborg".' },
    ]);
  });

  it('accepts a minimal header, thousands dots, a decimal comma and spelling variants of names', () => {
    const result = parseFolk1aCsv(
      dst(['OMRÅDE;TID;INDHOLD', 'Aalborg;2022K1;220.564', 'Høje Taastrup;2022K1;56.120', 'københavns kommune;2022K1;1.234,5', 'LYNGBY-TAARBÆK;2022K1;56 000'], { bom: false }),
      MUNICIPALITIES,
    );
    assert.deepEqual(result.errors, []);
    assert.deepEqual(values(result), ['851:2022K1:220564', '169:2022K1:56120', '101:2022K1:1234.5', '173:2022K1:56000']);
  });

  it('skips a suppressed value ("..") with its line', () => {
    const result = parseFolk1aCsv(dst(['OMRÅDE;TID;INDHOLD', 'Læsø;2022K1;..']), MUNICIPALITIES);
    assert.deepEqual(result.rows, []);
    assert.deepEqual(result.skipped, [{ line: 2, area: 'Læsø', reason: 'værdien mangler eller er diskretioneret ("..")' }]);
  });

  it('keeps only the total rows when a dimension has several values', () => {
    const result = parseFolk1aCsv(
      dst([HEADER, 'Aalborg;Mænd;Alder i alt;I alt;2022K1;110000', 'Aalborg;Kvinder;Alder i alt;I alt;2022K1;110564', 'Aalborg;I alt;Alder i alt;I alt;2022K1;220564']),
      MUNICIPALITIES,
    );
    assert.deepEqual(values(result), ['851:2022K1:220564']);
    assert.deepEqual(result.skipped.map((s) => [s.line, s.reason]), [[2, 'ikke en i alt-række (KØN = Mænd)'], [3, 'ikke en i alt-række (KØN = Kvinder)']]);
  });

  it('keeps a dimension with a single non-total value but warns that the figures are for that group', () => {
    const result = parseFolk1aCsv(dst([HEADER, 'Aalborg;Mænd;Alder i alt;I alt;2022K1;110000']), MUNICIPALITIES);
    assert.deepEqual(values(result), ['851:2022K1:110000']);
    assert.deepEqual(result.warnings, ['Alle rækker har KØN = "Mænd", så tallene gælder kun for den gruppe.']);
  });

  it('refuses a dimension with several values and no total instead of summing', () => {
    const result = parseFolk1aCsv(dst([HEADER, 'Aalborg;I alt;0 år;I alt;2022K1;2000', 'Aalborg;I alt;1 år;I alt;2022K1;2100']), MUNICIPALITIES);
    assert.equal(result.errors[0]?.field, 'ALDER');
    assert.match(result.errors[0]?.message ?? '', /Kolonnen ALDER har flere værdier \(0 år, 1 år …\), men ingen i alt-række/);
    assert.deepEqual(result.rows, []);
  });

  it('lists every period found, sorted', () => {
    const result = parseFolk1aCsv(dst(['OMRÅDE;TID;INDHOLD', 'Aalborg;2022K2;2', 'Aalborg;2022K1;1', 'Morsø;2022K1;3']), MUNICIPALITIES);
    assert.deepEqual(result.periods, ['2022K1', '2022K2']);
    assert.equal(result.rows.length, 3);
  });

  it('skips areas that are not among the 98 municipalities', () => {
    const result = parseFolk1aCsv(dst(['OMRÅDE;TID;INDHOLD', 'Christiansø;2022K1;90', 'Atlantis;2022K1;1', '999;2022K1;1', 'Landsdel Nordjylland;2022K1;1']), MUNICIPALITIES);
    assert.deepEqual(result.skipped.map((s) => s.reason), [
      'Christiansø – hører ikke til de 98 kommuner',
      '"Atlantis" er ikke en af de 98 kommuner',
      'koden 999 er ikke en af de 98 kommuner',
      'en landsdel, ikke en kommune',
    ]);
  });

  const malformed: [string, string, { line: number; field: string; message: string }][] = [
    ['a row with too few fields', 'Aalborg;2022K1', { line: 2, field: '', message: 'Linje 2 har 2 felter, men overskriften har 3: "Aalborg;2022K1".' }],
    ['a value that is not a number', 'Aalborg;2022K1;mange', { line: 2, field: 'INDHOLD', message: 'Linje 2, kolonne INDHOLD: "mange" er ikke et tal.' }],
    ['a badly grouped number', 'Aalborg;2022K1;1.23,4', { line: 2, field: 'INDHOLD', message: 'Linje 2, kolonne INDHOLD: "1.23,4" er ikke et tal.' }],
    ['a period that is not a period', 'Aalborg;2022-1;5', { line: 2, field: 'TID', message: 'Linje 2, kolonne TID: "2022-1" er ikke en periode som 2022K1, 2022M01 eller 2022.' }],
    ['an empty area', ';2022K1;5', { line: 2, field: 'OMRÅDE', message: 'Linje 2, kolonne OMRÅDE: "" – området er tomt.' }],
  ];
  for (const [name, line, error] of malformed) {
    it(`reports ${name} as an error naming line, column and value`, () => {
      const result = parseFolk1aCsv(dst(['OMRÅDE;TID;INDHOLD', line]), MUNICIPALITIES);
      assert.deepEqual(result.errors, [error]);
      assert.deepEqual(result.rows, []);
    });
  }

  it('reports a municipality given twice for the same period', () => {
    const result = parseFolk1aCsv(dst(['OMRÅDE;TID;INDHOLD', 'Aalborg;2022K1;1', '851;2022K1;2']), MUNICIPALITIES);
    assert.deepEqual(result.errors.map((e) => e.message), ['Linje 3: Aalborg (851) for 2022K1 står allerede i linje 2.']);
  });

  it('reports a header without the value column and an empty file', () => {
    const noValue = parseFolk1aCsv('OMRÅDE;TID\r\nAalborg;2022K1\r\n', MUNICIPALITIES);
    assert.deepEqual(noValue.errors.map((e) => e.field), ['INDHOLD']);
    assert.match(noValue.errors[0]?.message ?? '', /^Linje 1: kolonnen INDHOLD mangler i overskriften "OMRÅDE;TID"/);
    assert.deepEqual(parseFolk1aCsv('\uFEFF\r\n', MUNICIPALITIES).errors.map((e) => e.line), [1]);
  });

  it('reads a full extract of all 98 municipalities, the country and the 5 regions', () => {
    const lines = [HEADER, '000;TOT;IALT;TOT;2022K1;5873420', ...['081', '082', '083', '084', '085'].map((c) => `${c};TOT;IALT;TOT;2022K1;1`)];
    MUNICIPALITIES.forEach((m, i) => lines.push(`${m.code} ${m.name};TOT;IALT;TOT;2022K1;${1000 + i}`));
    const result = parseFolk1aCsv(dst(lines), MUNICIPALITIES);
    assert.deepEqual(result.errors, []);
    assert.equal(result.rows.length, 98);
    assert.equal(result.skipped.length, 6);
  });
});

describe('FOLK1A helpers', () => {
  for (const [value, total] of [['I alt', true], ['Alder i alt', true], ['TOT', true], ['IALT', true], ['Total', true], ['Age, total', true], ['Mænd', false], ['0 år', false], ['Ugift', false]] as const) {
    it(`treats "${value}" as ${total ? 'a total' : 'not a total'}`, () => assert.equal(isTotalValue(value), total));
  }
  for (const [period, text] of [['2022K1', '1. kvt. 2022'], ['2021K4', '4. kvt. 2021'], ['2022M01', 'januar 2022'], ['2022H2', '2. halvår 2022'], ['2022', '2022']] as const) {
    it(`describes the period ${period} as "${text}"`, () => assert.equal(describePeriod(period), text));
  }
});
