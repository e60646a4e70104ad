// Municipality codes as Danish sources write them (02-crm.md, "Companies"): the CVR register as a
// number (101), Danmarks Statistik as text ("101"), the address register zero-padded to four digits
// ("0101"). Regions appear as "081" (Danmarks Statistik) and "1081" (address register, and the
// platform's own reference data). Everything joins on the normalised 3-digit municipality code, never
// on names ("Vesthimmerland" / "Vesthimmerlands").

export type MunicipalityCodeReading =
  | { kind: 'municipality'; code: string }
  /** A region, normalised to the 4-digit code of the reference data ('1081' … '1085'). */
  | { kind: 'region'; code: string; name: string }
  /** A Danish message that starts with the value as written, e.g. `"abc" er ikke en kommunekode …`. */
  | { kind: 'invalid'; message: string };

export const regionNames: Readonly<Record<string, string>> = {
  '1081': 'Region Nordjylland',
  '1082': 'Region Midtjylland',
  '1083': 'Region Syddanmark',
  '1084': 'Region Hovedstaden',
  '1085': 'Region Sjælland',
};

/**
 * Reads a municipality code from any source. With `known` (the 98 codes of the reference data, as
 * 3-digit strings), a well-formed code outside the list is invalid too; without it, any code from 100
 * to 999 passes. The domain stays pure: the caller loads the list.
 */
export function readMunicipalityCode(value: unknown, known?: ReadonlySet<string> | readonly string[]): MunicipalityCodeReading {
  const shown = showValue(value);
  const digits = digitsOf(value);
  if (digits === null) {
    return { kind: 'invalid', message: `${shown} er ikke en kommunekode (3 cifre, fx 851).` };
  }
  const number = Number(digits);
  const region = regionCodeOf(digits, number);
  if (region !== null) {
    return { kind: 'region', code: region, name: regionNames[region]! };
  }
  if (number === 0) return { kind: 'invalid', message: `${shown} er hele landet, ikke en kommunekode.` };
  // A 4-digit code is only a municipality in the address register's zero-padded form ("0851").
  if (number < 100 || number > 999 || (digits.length === 4 && !digits.startsWith('0'))) {
    return { kind: 'invalid', message: `${shown} er ikke en kommunekode (3 cifre, fx 851).` };
  }
  const code = String(number);
  if (known !== undefined && !has(known, code)) {
    const note = code === '411' ? ' (Christiansø hører ikke til en kommune)' : '';
    return { kind: 'invalid', message: `${shown} er ikke en af de 98 kommuner${note}.` };
  }
  return { kind: 'municipality', code };
}

/** The 3-digit municipality code, or null when the value is not one (regions included). */
export function normaliseMunicipalityCode(value: unknown, known?: ReadonlySet<string> | readonly string[]): string | null {
  const reading = readMunicipalityCode(value, known);
  return reading.kind === 'municipality' ? reading.code : null;
}

/** '081', '81', 81, '1081' and 1081 → '1081'; anything else → null. */
export function normaliseRegionCode(value: unknown): string | null {
  const digits = digitsOf(value);
  return digits === null ? null : regionCodeOf(digits, Number(digits));
}

function regionCodeOf(digits: string, number: number): string | null {
  if (number >= 81 && number <= 85 && digits.length <= 3) return String(1000 + number);
  if (number >= 1081 && number <= 1085) return String(number);
  return null;
}

/** Digits of a code as written: a non-negative integer, or 1-4 digits with surrounding spaces. */
function digitsOf(value: unknown): string | null {
  if (typeof value === 'number') return Number.isInteger(value) && value >= 0 && value < 10_000 ? String(value) : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  return /^\d{1,4}$/.test(text) ? text : null;
}

function has(known: ReadonlySet<string> | readonly string[], code: string): boolean {
  return 'has' in known ? known.has(code) : known.includes(code);
}

function showValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number') return String(value);
  return value === null || value === undefined ? 'En tom værdi' : JSON.stringify(value) ?? String(value);
}
