import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { isValidCvr, normaliseCvr, normalisePNumber, passesModulus11, readCvr, readPNumber } from './cvr.ts';

// Weighted sums (weights 2,7,6,5,4,3,2,1), worked by hand:
//   10150817: 2·1+7·0+6·1+5·5+4·0+3·8+2·1+1·7 = 2+0+6+25+0+24+2+7 =  66 = 6·11
//   25313763: 2·2+7·5+6·3+5·1+4·3+3·7+2·6+1·3 = 4+35+18+5+12+21+12+3 = 110 = 10·11
//   13748136: Erhvervsstyrelsen's own example, sum 132 = 12·11
//   12345674: 2+14+18+20+20+18+14+4 = 110
//   12345678: 2+14+18+20+20+18+14+8 = 114 = 10·11 + 4 → invalid
//   12345679: 115 = 10·11 + 5 → invalid
describe('CVR numbers (modulus 11)', () => {
  const valid: [unknown, string][] = [
    ['10150817', '10150817'],
    ['25313763', '25313763'],
    ['13748136', '13748136'],
    [12345674, '12345674'],
    ['DK 12 34 56 74', '12345674'],
    ['dk-25313763', '25313763'],
    [' 1015 0817 ', '10150817'],
    ['29189404', '29189404'],
    [1234567 * 10 + 4, '12345674'],
  ];
  for (const [value, cvr] of valid) {
    it(`accepts ${JSON.stringify(value)} as ${cvr}`, () => {
      assert.deepEqual(readCvr(value), { ok: true, cvr });
      assert.equal(normaliseCvr(value), cvr);
      assert.equal(isValidCvr(value), true);
    });
  }

  it('zero-pads a number to 8 digits before checking it', () => {
    // 01234567: 0+7+12+15+16+15+12+7 = 84 = 7·11 + 7 → invalid.
    // 00000019: 2·1+1·9 = 11 → valid, and the register would send it as the number 19.
    assert.deepEqual(readCvr(19), { ok: true, cvr: '00000019' });
    assert.deepEqual(readCvr(1234567), { ok: false, message: '1234567 er ikke et gyldigt CVR-nummer (modulus 11).' });
  });

  const invalid: [unknown, string][] = [
    ['12345679', '"12345679" er ikke et gyldigt CVR-nummer (modulus 11).'],
    ['12345678', '"12345678" er ikke et gyldigt CVR-nummer (modulus 11).'],
    ['10150818', '"10150818" er ikke et gyldigt CVR-nummer (modulus 11).'],
    ['1015081', '"1015081" er ikke et CVR-nummer (8 cifre).'],
    ['101508170', '"101508170" er ikke et CVR-nummer (8 cifre).'],
    ['1015O817', '"1015O817" er ikke et CVR-nummer (8 cifre).'],
    ['SE 10150817', '"SE 10150817" er ikke et CVR-nummer (8 cifre).'],
    ['', '"" er ikke et CVR-nummer (8 cifre).'],
    [10150817.5, '10150817.5 er ikke et CVR-nummer (8 cifre).'],
    [123456789, '123456789 er ikke et CVR-nummer (8 cifre).'],
    [0, '0 er ikke et CVR-nummer (8 cifre).'],
    [null, 'En tom værdi er ikke et CVR-nummer (8 cifre).'],
  ];
  for (const [value, message] of invalid) {
    it(`rejects ${JSON.stringify(value)} with a Danish message naming the value`, () => {
      assert.deepEqual(readCvr(value), { ok: false, message });
      assert.equal(normaliseCvr(value), null);
    });
  }

  it('catches every single-digit typo in a valid number', () => {
    // Modulus 11 with weights below 11 detects any change of one digit.
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: 9 }), (position, delta) => {
        const digits = [...'25313763'].map(Number);
        digits[position] = (digits[position]! + delta) % 10;
        return !passesModulus11(digits.join(''));
      }),
    );
  });
});

describe('P-numbers', () => {
  it('accepts 10 digits as a number or as text with spaces', () => {
    assert.deepEqual(readPNumber(1017562937), { ok: true, pNumber: '1017562937' });
    assert.deepEqual(readPNumber('10 1756 2937'), { ok: true, pNumber: '1017562937' });
  });

  const invalid: [unknown, string][] = [
    ['101756293', '"101756293" er ikke et P-nummer (10 cifre).'],
    [101756293, '101756293 er ikke et P-nummer (10 cifre).'],
    ['P1017562937', '"P1017562937" er ikke et P-nummer (10 cifre).'],
    [undefined, 'En tom værdi er ikke et P-nummer (10 cifre).'],
  ];
  for (const [value, message] of invalid) {
    it(`rejects ${JSON.stringify(value) ?? 'undefined'} as a P-number`, () => {
      assert.deepEqual(readPNumber(value), { ok: false, message });
      assert.equal(normalisePNumber(value), null);
    });
  }
});
