import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseMunicipalityValueCsv } from './generic-csv.ts';
import type { Municipality, MunicipalityValueImport } from './population.types.ts';

const MUNICIPALITIES: Municipality[] = [
  { code: '101', name: 'København' },
  { code: '169', name: 'Høje-Taastrup' },
  { code: '773', name: 'Morsø' },
  { code: '851', name: 'Aalborg' },
];
const values = (r: MunicipalityValueImport): string[] => r.rows.map((x) => `${x.municipalityCode}:${x.period}:${x.value.toDecimalString()}`);

describe('generic CSV of a value per municipality', () => {
  it('reads a comma file with code and value and a decimal point', () => {
    const result = parseMunicipalityValueCsv('municipality_code,value\n851,1234.5\n773,0.125\n', MUNICIPALITIES);
    assert.deepEqual(result.errors, []);
    assert.deepEqual(values(result), ['851::1234.5', '773::0.125']);
    assert.deepEqual(result.periods, []);
  });

  it('reads a semicolon file the way Danish spreadsheets write it, with a BOM and CRLF', () => {
    const result = parseMunicipalityValueCsv('\uFEFFKommunekode;Værdi\r\n851;1.234,5\r\n773;598\r\n', MUNICIPALITIES);
    assert.deepEqual(values(result), ['851::1234.5', '773::598']);
  });

  it('reads a quoted decimal comma in a comma file', () => {
    const result = parseMunicipalityValueCsv('code,value\n851,"1,5"\n', MUNICIPALITIES);
    assert.deepEqual(values(result), ['851::1.5']);
  });

  it('uses a period column when there is one, otherwise the period given by the caller', () => {
    const withColumn = parseMunicipalityValueCsv('kode;periode;værdi\n851;2022K1;1\n851;2022K2;2\n', MUNICIPALITIES);
    assert.deepEqual(withColumn.periods, ['2022K1', '2022K2']);
    const given = parseMunicipalityValueCsv('code,value\n851,1\n', MUNICIPALITIES, { period: '2023' });
    assert.deepEqual(values(given), ['851:2023:1']);
    assert.deepEqual(given.periods, ['2023']);
  });

  it('checks a name column against the code', () => {
    const result = parseMunicipalityValueCsv('kommunekode;kommune;værdi\n169;Høje Taastrup;5\n851;Morsø;6\n', MUNICIPALITIES);
    assert.deepEqual(values(result), ['169::5']);
    assert.deepEqual(result.errors, [{ line: 3, field: 'kommune', message: 'Linje 3, kolonne kommune: koden 851 er Aalborg, men navnet er "Morsø".' }]);
  });

  it('skips the whole country, regions, unknown codes and missing values with their lines', () => {
    const result = parseMunicipalityValueCsv('code,value\n000,1\n1081,2\n999,3\n851,\n', MUNICIPALITIES);
    assert.deepEqual(result.skipped, [
      { line: 2, area: '000', reason: 'hele landet – ikke en kommune' },
      { line: 3, area: '1081', reason: 'Region Nordjylland – en region, ikke en kommune' },
      { line: 4, area: '999', reason: 'koden 999 er ikke en af de 98 kommuner' },
      { line: 5, area: '851', reason: 'værdien mangler ("")' },
    ]);
  });

  it('reports malformed rows with line, column and value', () => {
    const result = parseMunicipalityValueCsv('code,value\nAalborg,1\n851,1.234,5\n851,1e3\n773,7\n773,8\n', MUNICIPALITIES);
    assert.deepEqual(result.errors.map((e) => [e.line, e.field, e.message]), [
      [2, 'code', 'Linje 2, kolonne code: "Aalborg" er ikke en kommunekode (fx 851).'],
      [3, '', 'Linje 3 har 3 felter, men overskriften har 2: "851,1.234,5".'],
      [4, 'value', 'Linje 4, kolonne value: "1e3" er ikke et tal.'],
      [6, 'code', 'Linje 6: Morsø (773) står allerede i linje 5.'],
    ]);
  });

  it('names the accepted column names when the header has no code or value column', () => {
    const result = parseMunicipalityValueCsv('kommune;antal\nAalborg;5\n', MUNICIPALITIES);
    assert.deepEqual(result.errors.map((e) => e.field), ['kommunekode', 'værdi']);
    assert.match(result.errors[0]?.message ?? '', /brug et af navnene kommunekode, kommunenr/);
  });
});
