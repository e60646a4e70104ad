// Deterministic synthetic companies for `knudepunkt demo generate` and the benchmark (issue 8: `demo generate --scale
// small|region|national [--seed N]`). Everything comes from one seeded source, so a seed names a data
// set: the same companies, ids and CVR numbers on every machine, and the same queries can be built
// from it. The shape follows the CVR register roughly: see vocabulary.ts.
import { readMunicipalities, type MunicipalityReference } from '../reference.ts';
import { mulberry32, seededUuid, weightedIndex, type Random } from './random.ts';
import {
  brandWords,
  employeeBandWeights,
  farmNames,
  firstNames,
  legalForms,
  nationalAdjectives,
  populationThousands,
  regionAdjectives,
  regionPostcodeBase,
  streetNames,
  surnames,
  trades,
  type LegalForm,
  type Trade,
} from './vocabulary.ts';

export const scales = { small: 2_000, region: 50_000, national: 300_000 } as const;
export type Scale = keyof typeof scales;
export const defaultSeed = 20261122;

export function isScale(value: string): value is Scale {
  return Object.hasOwn(scales, value);
}

/** One row of `companies` (the columns the generator fills) plus the region it is shared in. */
export interface GeneratedCompany {
  id: string;
  cvr: string | null;
  name: string;
  municipality_code: string;
  street: string | null;
  postcode: string | null;
  city: string;
  industry_code: string | null;
  industry_text: string | null;
  legal_form: string | null;
  employees_band: string | null;
  employees_year: number | null;
  start_date: string | null;
  status: 'active' | 'ceased';
  status_text: string | null;
  advertising_protected: boolean;
  source: 'cvr' | 'manual';
  cvr_synced_at: Date | null;
  is_demo: true;
  /** company_regions: the region of the municipality (02-crm.md, sharing rule). */
  region_code: number;
}

// Shares from the issue: ~5 % ceased, ~3 % reklamebeskyttet, ~2 % pre-starters without CVR.
const CEASED = 0.05;
const ADVERTISING_PROTECTED = 0.03;
const PRE_STARTER = 0.02;
const SYNCED_AT = new Date('2026-11-01T03:00:00Z'); // fixed, so rows are the same on every run

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/**
 * A fresh CVR number that passes the modulus-11 check: seven drawn digits, and the last (weight 1)
 * chosen to make the weighted sum a multiple of 11; a draw that would need a check digit of 10 is
 * redrawn. First digits 1–4 as in the register's issued range.
 */
export function drawCvr(random: Random, used: Set<string>): string {
  for (;;) {
    const digits = [1 + random.int(4)];
    for (let i = 1; i < 7; i++) digits.push(random.int(10));
    const sum = digits.reduce((total, digit, i) => total + digit * (CVR_WEIGHTS[i] ?? 0), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check === 10) continue;
    const cvr = digits.join('') + String(check);
    if (used.has(cvr)) continue;
    used.add(cvr);
    return cvr;
  }
}

interface NameParts {
  municipality: MunicipalityReference;
  trade: Trade;
  legalForm: LegalForm;
}

const FARM_CODES = new Set(['011100', '014100', '016100']);

function companyName(random: Random, { municipality, trade, legalForm }: NameParts): string {
  const word = random.pick(trade.words);
  const surname = () => random.pick(surnames);
  let name: string;
  const roll = random.next();
  if (FARM_CODES.has(trade.code) && roll < 0.6) name = roll < 0.3 ? random.pick(farmNames) : `${random.pick(farmNames)} ${word}`;
  else if (legalForm.suffix === '' && roll < 0.5) {
    // A sole proprietorship is mostly its owner: "Tømrer Lars Pedersen", "Mette Holms Frisør".
    const owner = `${random.pick(firstNames)} ${surname()}`;
    name = roll < 0.3 ? `${word} ${owner}` : `${owner}s ${word}`;
  } else if (roll < 0.35) name = `${municipality.name} ${word}`;
  else if (roll < 0.5) name = random.chance(0.5) ? `${surname()} ${word}` : `${surname()}s ${word}`;
  else if (roll < 0.58) name = `${surname()} & ${surname()}`;
  else if (roll < 0.63) name = `Brdr. ${surname()}`;
  else if (roll < 0.78) name = `${random.pick(brandWords)} ${word}`;
  else if (roll < 0.9) name = `${random.pick(regionAdjectives[municipality.regionCode] ?? nationalAdjectives)} ${word}`;
  else name = `${random.pick(nationalAdjectives)} ${word}`;
  return legalForm.suffix === '' ? name : `${name} ${legalForm.suffix}`;
}

function startDate(random: Random): string {
  // Skewed towards recent years: most registered companies are young.
  const year = 2025 - Math.floor(75 * random.next() ** 2.5);
  const month = 1 + random.int(12);
  const day = 1 + random.int(28);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export interface GenerateOptions {
  count: number;
  seed?: number;
}

/** Yields `count` companies, one at a time, so a national load never holds all rows as SQL at once. */
export function* generateCompanies({ count, seed = defaultSeed }: GenerateOptions): Generator<GeneratedCompany> {
  const random = mulberry32(seed);
  const municipalities = readMunicipalities();
  const drawMunicipality = weightedIndex(municipalities.map((m) => populationThousands[m.code] ?? 10));
  const drawTrade = weightedIndex(trades.map((t) => t.weight));
  const drawLegalForm = weightedIndex(legalForms.map((f) => f.weight));
  const drawBand = weightedIndex(employeeBandWeights.map(([, weight]) => weight));
  const usedCvrs = new Set<string>();

  for (let i = 0; i < count; i++) {
    const municipality = municipalities[drawMunicipality(random)];
    const trade = trades[drawTrade(random)];
    const legalForm = legalForms[drawLegalForm(random)];
    if (!municipality || !trade || !legalForm) throw new Error('generator tables are empty');
    const id = seededUuid(random);
    const name = companyName(random, { municipality, trade, legalForm });
    const preStarter = random.chance(PRE_STARTER);
    const ceased = !preStarter && random.chance(CEASED);
    const postcode = (regionPostcodeBase[municipality.regionCode] ?? 1000) + (Number(municipality.code) % 100) * 10;
    yield {
      id,
      cvr: preStarter ? null : drawCvr(random, usedCvrs),
      name,
      municipality_code: municipality.code,
      street: `${random.pick(streetNames)} ${1 + random.int(120)}`,
      postcode: String(postcode),
      city: municipality.name,
      industry_code: preStarter ? null : trade.code,
      industry_text: preStarter ? null : trade.text,
      legal_form: preStarter ? null : legalForm.text,
      employees_band: preStarter ? null : (employeeBandWeights[drawBand(random)]?.[0] ?? '0'),
      employees_year: preStarter ? null : 2025,
      start_date: preStarter ? null : startDate(random),
      status: ceased ? 'ceased' : 'active',
      status_text: preStarter ? null : ceased ? 'Ophørt' : 'Normal',
      advertising_protected: random.chance(ADVERTISING_PROTECTED),
      source: preStarter ? 'manual' : 'cvr',
      cvr_synced_at: preStarter ? null : SYNCED_AT,
      is_demo: true,
      region_code: municipality.regionCode,
    };
  }
}

/** Groups an iterable into arrays of `size` (the last may be shorter). */
export function* inBatches<T>(items: Iterable<T>, size: number): Generator<T[]> {
  let batch: T[] = [];
  for (const item of items) {
    batch.push(item);
    if (batch.length === size) {
      yield batch;
      batch = [];
    }
  }
  if (batch.length > 0) yield batch;
}
