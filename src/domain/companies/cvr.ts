// CVR and P-numbers (01-system.md: a company is identified by its CVR number, 8 digits; a workplace by
// its P-number, 10 digits). 02-crm.md, "Companies": the CVR number is validated with the modulus-11
// check. Erhvervsstyrelsen ("Modulus 11 kontrol"): every CVR number satisfies it — the weights
// 2,7,6,5,4,3,2,1 times the digits sum to a multiple of 11. P-numbers have no reliable check digit (a
// series was generated with wrong weights, same source), so only their form is checked.

export type CvrReading = { ok: true; cvr: string } | { ok: false; message: string };
export type PNumberReading = { ok: true; pNumber: string } | { ok: false; message: string };

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** True when 8 digits pass the modulus-11 check. */
export function passesModulus11(digits: string): boolean {
  if (!/^\d{8}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number(digits[i]) * CVR_WEIGHTS[i]!;
  return sum % 11 === 0;
}

/**
 * Reads a CVR number as sources write it: a number (the register: 10150817; zero-padded to 8 digits),
 * or text with optional spaces and an optional "DK" prefix ("DK 12 34 56 78", "DK-10150817",
 * "10150817"). Text must hold exactly 8 digits: a shorter text is more likely a typing error than a
 * lost leading zero. Messages are Danish and start with the value as written.
 */
export function readCvr(value: unknown): CvrReading {
  let digits: string | null = null;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value > 0 && value < 100_000_000) digits = String(value).padStart(8, '0');
  } else if (typeof value === 'string') {
    const compact = value.replace(/[\s\u00A0]/g, '').replace(/^DK-?/i, '');
    if (/^\d{8}$/.test(compact)) digits = compact;
  }
  const shown = show(value);
  if (digits === null) return { ok: false, message: `${shown} er ikke et CVR-nummer (8 cifre).` };
  if (!passesModulus11(digits)) return { ok: false, message: `${shown} er ikke et gyldigt CVR-nummer (modulus 11).` };
  return { ok: true, cvr: digits };
}

/** The normalised 8-digit CVR number, or null. */
export function normaliseCvr(value: unknown): string | null {
  const reading = readCvr(value);
  return reading.ok ? reading.cvr : null;
}

export function isValidCvr(value: unknown): boolean {
  return readCvr(value).ok;
}

/** Reads a P-number: a number or text of 10 digits (spaces allowed in text). */
export function readPNumber(value: unknown): PNumberReading {
  let digits: string | null = null;
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 1_000_000_000 && value < 10_000_000_000) digits = String(value);
  } else if (typeof value === 'string') {
    const compact = value.replace(/[\s\u00A0]/g, '');
    if (/^\d{10}$/.test(compact)) digits = compact;
  }
  return digits === null ? { ok: false, message: `${show(value)} er ikke et P-nummer (10 cifre).` } : { ok: true, pNumber: digits };
}

export function normalisePNumber(value: unknown): string | null {
  const reading = readPNumber(value);
  return reading.ok ? reading.pNumber : null;
}

function show(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`;
  if (typeof value === 'number') return String(value);
  return value === null || value === undefined ? 'En tom værdi' : (JSON.stringify(value) ?? String(value));
}
