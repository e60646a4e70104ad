// One `Vrvirksomhed` document from the CVR register → a company record (02-crm.md, "Companies", the
// facts the importer must handle). The register's `virksomhedMetadata.nyeste…` objects are preferred;
// when a document lacks them (older or trimmed exports), the current entry of the history array is
// used: the entry with `periode.gyldigTil: null`, else the one that started last.
import { readMunicipalityCode } from '../municipality-code.ts';
import { readCvr, normalisePNumber } from './cvr.ts';
import type { CompanyAddress, CvrCompanyResult, ProductionUnit } from './company.types.ts';

type Json = Record<string, unknown>;

export function companyFromVrvirksomhed(document: unknown): CvrCompanyResult {
  if (!isObject(document)) return { rejection: { reason: 'Dokumentet indeholder ingen virksomhed (Vrvirksomhed).' } };
  const rawCvr = document.cvrNummer;
  if (rawCvr === undefined || rawCvr === null || rawCvr === '') {
    return { rejection: { reason: 'Virksomheden har intet CVR-nummer (cvrNummer).' } };
  }
  const cvr = readCvr(rawCvr);
  if (!cvr.ok) return { rejection: { reason: `cvrNummer: ${cvr.message}` } };

  const meta = isObject(document.virksomhedMetadata) ? document.virksomhedMetadata : {};
  const name = text(objectOr(meta.nyesteNavn)?.navn) ?? text(current(document.navne)?.navn);
  if (name === null) return { rejection: { cvr: cvr.cvr, reason: `Virksomheden med CVR-nummer ${cvr.cvr} har intet navn.` } };

  const address = objectOr(meta.nyesteBeliggenhedsadresse) ?? current(document.beliggenhedsadresse);
  const industry = objectOr(meta.nyesteHovedbranche) ?? current(document.hovedbranche);
  const form = objectOr(meta.nyesteVirksomhedsform) ?? current(document.virksomhedsform);
  const employment = newestEmployment(meta, document);
  const municipality = readMunicipalityCode(objectOr(address?.kommune)?.kommuneKode);

  return {
    company: {
      cvr: cvr.cvr,
      name: name.replace(/\s+/g, ' '),
      municipalityCode: municipality.kind === 'municipality' ? municipality.code : null,
      address: addressOf(address),
      industryCode: industryCodeOf(industry?.branchekode),
      industryText: text(industry?.branchetekst),
      legalForm: text(form?.langBeskrivelse) ?? text(form?.kortBeskrivelse),
      employeesBand: employment?.band ?? null,
      employeesYear: employment?.year ?? null,
      startDate: startDateOf(document.livsforloeb) ?? isoDate(meta.stiftelsesDato),
      status: statusOf(document.livsforloeb, meta.sammensatStatus),
      statusText: statusLabel(text(meta.sammensatStatus) ?? text(current(document.virksomhedsstatus)?.status)),
      advertisingProtected: document.reklamebeskyttet === true,
      pUnits: productionUnits(document.penheder),
    },
  };
}

/** The entry in force (`gyldigTil: null`), else the one that started last; null for no entries. */
export function current(history: unknown): Json | null {
  if (!Array.isArray(history)) return null;
  const entries = history.filter(isObject);
  const open = entries.filter((e) => periodOf(e).to === null);
  const pool = open.length > 0 ? open : entries;
  let best: Json | null = null;
  for (const entry of pool) if (best === null || (periodOf(entry).from ?? '') >= (periodOf(best).from ?? '')) best = entry;
  return best;
}

function periodOf(entry: Json): { from: string | null; to: string | null } {
  const periode = objectOr(entry.periode);
  return { from: isoDate(periode?.gyldigFra), to: isoDate(periode?.gyldigTil) };
}

// 02-crm.md: "a company is active when its livsforloeb has an entry with gyldigTil: null". A document
// without any livsforloeb falls back on the combined status, read without regard to case or spaces.
function statusOf(lifecycle: unknown, combinedStatus: unknown): 'active' | 'ceased' {
  const entries = Array.isArray(lifecycle) ? lifecycle.filter(isObject) : [];
  if (entries.length > 0) return entries.some((e) => periodOf(e).to === null) ? 'active' : 'ceased';
  const key = statusKey(text(combinedStatus) ?? '');
  return /^(OPHØRT|OPLØST|TVANGSOPLØST|SLETTET)/.test(key) ? 'ceased' : 'active';
}

function startDateOf(lifecycle: unknown): string | null {
  if (!Array.isArray(lifecycle)) return null;
  const starts = lifecycle.filter(isObject).map((e) => periodOf(e).from).filter((d): d is string => d !== null);
  return starts.length === 0 ? null : starts.reduce((a, b) => (a <= b ? a : b));
}

// `sammensatStatus` varies in case and spacing between documents ("NORMAL", "Aktiv", "UNDERKONKURS",
// "Under konkurs"), so it is shown through one table keyed without case or spaces.
const STATUS_LABELS: Record<string, string> = {
  NORMAL: 'Normal',
  AKTIV: 'Aktiv',
  OPHØRT: 'Ophørt',
  UNDERKONKURS: 'Under konkurs',
  UNDERTVANGSOPLØSNING: 'Under tvangsopløsning',
  TVANGSOPLØST: 'Tvangsopløst',
  UNDERFRIVILLIGLIKVIDATION: 'Under frivillig likvidation',
  UNDERREKONSTRUKTION: 'Under rekonstruktion',
  UNDERREASSUMERING: 'Under reassumering',
  OPLØSTEFTERKONKURS: 'Opløst efter konkurs',
  OPLØSTEFTERERKLÆRING: 'Opløst efter erklæring',
  OPLØSTEFTERFRIVILLIGLIKVIDATION: 'Opløst efter frivillig likvidation',
  OPLØSTEFTERFUSION: 'Opløst efter fusion',
  OPLØSTEFTERSPALTNING: 'Opløst efter spaltning',
  SLETTET: 'Slettet',
  UDENRETSVIRKNING: 'Uden retsvirkning',
};

function statusKey(status: string): string {
  return status.toLocaleUpperCase('da-DK').replace(/[\s_-]/g, '');
}

export function statusLabel(status: string | null): string | null {
  if (status === null) return null;
  const known = STATUS_LABELS[statusKey(status)];
  if (known !== undefined) return known;
  const lower = status.toLocaleLowerCase('da-DK').replace(/_/g, ' ');
  return lower.charAt(0).toLocaleUpperCase('da-DK') + lower.slice(1);
}

interface Employment {
  band: string;
  year: number;
  /** Year and quarter as one sortable number; an annual figure ranks just after the year's Q4. */
  rank: number;
}

// 02-crm.md: employment objects may be null or years old. The newest of the annual and the quarterly
// figure wins (an annual figure for Y ranks with Q4 of Y and wins the tie, being the settled number);
// the history arrays are read too, for documents without metadata.
function newestEmployment(meta: Json, document: Json): Employment | null {
  const candidates: unknown[] = [
    meta.nyesteAarsbeskaeftigelse,
    meta.nyesteKvartalsbeskaeftigelse,
    ...(Array.isArray(document.aarsbeskaeftigelse) ? document.aarsbeskaeftigelse : []),
    ...(Array.isArray(document.kvartalsbeskaeftigelse) ? document.kvartalsbeskaeftigelse : []),
  ];
  let best: Employment | null = null;
  for (const candidate of candidates) {
    const e = employmentOf(candidate);
    if (e !== null && (best === null || e.rank > best.rank)) best = e;
  }
  return best;
}

function employmentOf(value: unknown): Employment | null {
  if (!isObject(value) || typeof value.aar !== 'number' || !Number.isInteger(value.aar)) return null;
  const quarter = typeof value.kvartal === 'number' ? value.kvartal : null;
  const band = bandOfInterval(value.intervalKodeAntalAnsatte) ?? bandOfCount(value.antalAnsatte);
  if (band === null) return null;
  return { band, year: value.aar, rank: value.aar * 10 + (quarter ?? 4.5) };
}

/** "ANTAL_10_19" → "10-19", "ANTAL_1_1" → "1", "ANTAL_1000_999999" → "1000+". */
function bandOfInterval(code: unknown): string | null {
  const m = typeof code === 'string' ? /^ANTAL_(\d+)_(\d+)$/.exec(code) : null;
  if (!m) return null;
  const [low, high] = [Number(m[1]), Number(m[2])];
  if (high >= 999_999) return `${low}+`;
  return low === high ? String(low) : `${low}-${high}`;
}

// The register's own intervals, for documents that give a count but no interval code.
const BANDS: [number, number][] = [[0, 0], [1, 1], [2, 4], [5, 9], [10, 19], [20, 49], [50, 99], [100, 199], [200, 499], [500, 999]];

function bandOfCount(count: unknown): string | null {
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 0) return null;
  const band = BANDS.find(([low, high]) => count >= low && count <= high);
  if (band === undefined) return '1000+';
  return band[0] === band[1] ? String(band[0]) : `${band[0]}-${band[1]}`;
}

function addressOf(address: Json | null): CompanyAddress {
  if (address === null) return { street: null, postcode: null, city: null };
  const postcode = address.postnummer;
  return {
    street: streetOf(address),
    postcode: typeof postcode === 'number' || (typeof postcode === 'string' && /^\d{1,4}$/.test(postcode.trim()))
      ? String(postcode).trim().padStart(4, '0')
      : null,
    city: text(address.postdistrikt),
  };
}

function streetOf(a: Json): string | null {
  const road = text(a.vejnavn);
  if (road === null) {
    const box = text(a.postboks);
    return box !== null ? `Postboks ${box}` : text(a.fritekst);
  }
  let house = a.husnummerFra !== null && a.husnummerFra !== undefined ? `${String(a.husnummerFra)}${text(a.bogstavFra) ?? ''}` : '';
  if (house !== '' && a.husnummerTil !== null && a.husnummerTil !== undefined && a.husnummerTil !== a.husnummerFra) {
    house += `-${String(a.husnummerTil)}${text(a.bogstavTil) ?? ''}`;
  }
  const floor = text(a.etage);
  const door = text(a.sidedoer);
  const unit = [floor === null ? null : `${floor.replace(/\.$/, '')}.`, door].filter((s) => s !== null).join(' ');
  return `${[road, house].filter((s) => s !== '').join(' ')}${unit === '' ? '' : `, ${unit}`}`;
}

function industryCodeOf(code: unknown): string | null {
  if (typeof code === 'number' && Number.isInteger(code)) return String(code).padStart(6, '0');
  return text(code);
}

function productionUnits(units: unknown): ProductionUnit[] {
  const byNumber = new Map<string, boolean>();
  for (const unit of Array.isArray(units) ? units.filter(isObject) : []) {
    const pNumber = normalisePNumber(unit.pNummer);
    if (pNumber === null) continue;
    const active = periodOf(unit).to === null;
    byNumber.set(pNumber, (byNumber.get(pNumber) ?? false) || active);
  }
  return [...byNumber].map(([pNumber, active]) => ({ pNumber, active }));
}

function isoDate(value: unknown): string | null {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

function text(value: unknown): string | null {
  if (typeof value === 'number') return String(value);
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t === '' ? null : t;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectOr(value: unknown): Json | null {
  return isObject(value) ? value : null;
}
