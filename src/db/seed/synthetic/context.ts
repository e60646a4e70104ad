// What the entity modules of the synthetic data set share: the scale's counts, the reference data
// (hubs, municipalities, KKRs), and what earlier modules generated (organisations, advisers, companies),
// filled in while their rows stream into the database. Every module draws from its own seeded source
// (seed XOR a constant of its own), so adding a module never changes the rows of another.
import { readMunicipalities, slugOf, type MunicipalityReference } from '../reference.ts';
import { scales, type Scale } from './companies.ts';
import type { CopyTable } from './load.ts';
import type { Random } from './random.ts';

/** Rows per entity at each scale. National as issue 8 says; region ≈ one region's share (1/6); small ≈ 1/150. */
export const syntheticCounts = {
  small: { companies: scales.small, courses: 1_350, activities: 6_700, referrals: 670, evaluationResponses: 1_000 },
  region: { companies: scales.region, courses: 33_000, activities: 166_000, referrals: 16_500, evaluationResponses: 25_000 },
  national: { companies: scales.national, courses: 200_000, activities: 1_000_000, referrals: 100_000, evaluationResponses: 150_000 },
} as const satisfies Record<Scale, Record<string, number>>;
export type SyntheticCounts = (typeof syntheticCounts)[Scale];

/**
 * The data set's "today": course statuses are consistent with this date (planned courses start after
 * it, completed ones ended before it), and nothing happens after it. Fixed, so a seed names one data set.
 */
export const SYNTHETIC_TODAY = '2026-11-22';
/** The first day of the five years (2022–2026). */
export const SYNTHETIC_FIRST_DAY = '2022-01-01';

const FIRST_MS = Date.parse(`${SYNTHETIC_FIRST_DAY}T00:00:00Z`);
/** Day number (0 = 2022-01-01) → 'YYYY-MM-DD'. */
export const isoDay = (day: number): string => new Date(FIRST_MS + day * 86_400_000).toISOString().slice(0, 10);
/** 'YYYY-MM-DD' → day number. */
export const dayNumber = (iso: string): number => Math.round((Date.parse(`${iso}T00:00:00Z`) - FIRST_MS) / 86_400_000);
export const TODAY = dayNumber(SYNTHETIC_TODAY);

export interface HubInfo {
  id: string;
  name: string;
  regionCode: number;
  municipalityCodes: string[];
}

export interface OrganisationInfo {
  id: string;
  name: string;
  kind: 'hub' | 'localOffice' | 'kkrSecretariat' | 'external';
  regionCode: number | null;
  hubId: string | null;
  municipalityCode: string | null;
}

/** The generated companies, column-wise (300,000 objects would be heavier than these arrays). */
export interface CompanyIndex {
  ids: string[];
  cvrs: (string | null)[];
  names: string[];
  municipalityCodes: string[];
  regionCodes: number[];
  /** Indexes into the arrays above, per hub id / municipality code / region code; built on first use. */
  byHub: Map<string, number[]>;
  byMunicipality: Map<string, number[]>;
  byRegion: Map<number, number[]>;
}

export interface SyntheticContext {
  scale: Scale;
  seed: number;
  counts: SyntheticCounts;
  municipalities: MunicipalityReference[];
  hubs: HubInfo[];
  kkrs: { id: string; name: string; regionCode: number }[];
  organisations: OrganisationInfo[];
  /** User ids with the adviser role, per organisation id. */
  advisers: Map<string, string[]>;
  /** Every user's name, by id (referral history names who did what). */
  userNames: Map<string, string>;
  companies: CompanyIndex;
  /** The generated courses, as later entities need them (evaluation responses answer for a course). */
  courses: CourseInfo[];
  /**
   * company_regions rows beyond the municipality's region: a company guided or visited by an
   * organisation of another region is shared there too (02-crm.md, sharing rule). "companyIndex:region".
   */
  extraRegions: Set<string>;
}

export interface CourseInfo {
  companyIndex: number;
  hubId: string;
  segment: 'growth' | 'operations';
  themes: readonly string[];
  /** Day number of the last meeting; null for a course without meetings (planned). */
  lastMeetingDay: number | null;
}

/** One entity of the data set: its tables, in load order, with rows generated lazily from the context. */
export interface SyntheticEntity {
  name: string;
  tables(context: SyntheticContext): CopyTable[];
}

export function createContext(scale: Scale, seed: number): SyntheticContext {
  const municipalities = readMunicipalities();
  const hubs = new Map<string, HubInfo>();
  const kkrs = new Map<number, { id: string; name: string; regionCode: number }>();
  for (const m of municipalities) {
    const id = slugOf(m.businessHub);
    const hub = hubs.get(id) ?? { id, name: m.businessHub, regionCode: m.regionCode, municipalityCodes: [] };
    hub.municipalityCodes.push(m.code);
    hubs.set(id, hub);
    // The same ids and names as loadReferenceData().
    if (!kkrs.has(m.regionCode)) kkrs.set(m.regionCode, { id: `kkr-${slugOf(m.regionName)}`, name: `KKR ${m.regionName.replace(/^Region\s+/, '')}`, regionCode: m.regionCode });
  }
  return {
    scale,
    seed,
    counts: syntheticCounts[scale],
    municipalities,
    hubs: [...hubs.values()],
    kkrs: [...kkrs.values()],
    organisations: [],
    advisers: new Map(),
    userNames: new Map(),
    companies: { ids: [], cvrs: [], names: [], municipalityCodes: [], regionCodes: [], byHub: new Map(), byMunicipality: new Map(), byRegion: new Map() },
    courses: [],
    extraRegions: new Set(),
  };
}

/** Fills the per-hub, per-municipality and per-region lists once the companies are generated. */
export function indexCompanies(context: SyntheticContext): CompanyIndex {
  const index = context.companies;
  if (index.byRegion.size > 0) return index;
  const hubOf = new Map(context.municipalities.map((m) => [m.code, slugOf(m.businessHub)]));
  const push = <K>(map: Map<K, number[]>, key: K, i: number) => {
    const list = map.get(key);
    if (list) list.push(i);
    else map.set(key, [i]);
  };
  for (let i = 0; i < index.ids.length; i++) {
    const code = index.municipalityCodes[i] ?? '';
    push(index.byMunicipality, code, i);
    push(index.byRegion, index.regionCodes[i] ?? 0, i);
    push(index.byHub, hubOf.get(code) ?? '', i);
  }
  return index;
}

/** Marks a company as shared with `regionCode` when that is not already its municipality's region. */
export function shareWithRegion(context: SyntheticContext, companyIndex: number, regionCode: number | null): void {
  if (regionCode !== null && context.companies.regionCodes[companyIndex] !== regionCode) context.extraRegions.add(`${companyIndex}:${regionCode}`);
}

/**
 * A company near an organisation: a local office's own municipality (seven in ten), a hub's area, the
 * organisation's region, or (rarely) anywhere in the country.
 */
export function nearbyCompany(context: SyntheticContext, organisation: OrganisationInfo, random: Random): number {
  const companies = context.companies;
  const local = organisation.municipalityCode ? (companies.byMunicipality.get(organisation.municipalityCode) ?? []) : [];
  if (local.length > 0 && random.chance(0.7)) return random.pick(local);
  const hubArea = organisation.hubId ? (companies.byHub.get(organisation.hubId) ?? []) : [];
  if (hubArea.length > 0 && random.chance(0.9)) return random.pick(hubArea);
  const region = companies.byRegion.get(organisation.regionCode ?? 0) ?? [];
  if (region.length > 0 && random.chance(0.9)) return random.pick(region);
  return random.int(companies.ids.length);
}
