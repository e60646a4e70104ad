import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseMunicipalityCode, normaliseRegionCode, readMunicipalityCode } from './municipality-code.ts';

const KNOWN = new Set(['101', '147', '825', '849', '851', '860']);

describe('municipality codes from every source', () => {
  const same: [unknown, string][] = [
    [101, '101'], // the CVR register writes numbers
    ['101', '101'], // Danmarks Statistik
    ['0101', '101'], // the address register (DAR)
    [' 851 ', '851'],
    ['0851', '851'],
    [851, '851'],
    [825, '825'],
  ];
  for (const [value, code] of same) {
    it(`normalises ${JSON.stringify(value)} to '${code}'`, () => {
      assert.deepEqual(readMunicipalityCode(value), { kind: 'municipality', code });
      assert.equal(normaliseMunicipalityCode(value, KNOWN), code);
    });
  }

  const regions: [unknown, string, string][] = [
    ['081', '1081', 'Region Nordjylland'],
    ['1081', '1081', 'Region Nordjylland'],
    [1084, '1084', 'Region Hovedstaden'],
    [85, '1085', 'Region Sjælland'],
  ];
  for (const [value, code, name] of regions) {
    it(`recognises ${JSON.stringify(value)} as ${name}, not a municipality`, () => {
      assert.deepEqual(readMunicipalityCode(value), { kind: 'region', code, name });
      assert.equal(normaliseMunicipalityCode(value), null);
      assert.equal(normaliseRegionCode(value), code);
    });
  }

  const invalid: [unknown, string][] = [
    ['abc', '"abc" er ikke en kommunekode (3 cifre, fx 851).'],
    ['', '"" er ikke en kommunekode (3 cifre, fx 851).'],
    ['85 1', '"85 1" er ikke en kommunekode (3 cifre, fx 851).'],
    [851.5, '851.5 er ikke en kommunekode (3 cifre, fx 851).'],
    [-851, '-851 er ikke en kommunekode (3 cifre, fx 851).'],
    ['12', '"12" er ikke en kommunekode (3 cifre, fx 851).'],
    ['1851', '"1851" er ikke en kommunekode (3 cifre, fx 851).'],
    ['000', '"000" er hele landet, ikke en kommunekode.'],
    [null, 'En tom værdi er ikke en kommunekode (3 cifre, fx 851).'],
  ];
  for (const [value, message] of invalid) {
    it(`rejects ${JSON.stringify(value)} with a Danish message naming the value`, () => {
      assert.deepEqual(readMunicipalityCode(value), { kind: 'invalid', message });
    });
  }

  it('checks a well-formed code against the 98 municipalities when the caller gives the list', () => {
    assert.deepEqual(readMunicipalityCode('999', KNOWN), { kind: 'invalid', message: '"999" er ikke en af de 98 kommuner.' });
    assert.deepEqual(readMunicipalityCode(411, [...KNOWN]), {
      kind: 'invalid',
      message: '411 er ikke en af de 98 kommuner (Christiansø hører ikke til en kommune).',
    });
    assert.deepEqual(readMunicipalityCode('999'), { kind: 'municipality', code: '999' });
  });
});
