// The CRM demo data as plain rows, generated from a seeded PRNG (never Math.random): the same rows,
// ids included, on every run, so screenshots, tests and demos show the same region.
import { guidanceCategories, guidanceTargetGroups, guidanceThemes, type GuidanceCategory } from '../../domain/guidance/guidance.types.ts';
import { demoEvents, demoHubTitles, demoLegalForms, demoLocalTitles, demoNotes, demoPreStarters, demoStreets, demoTowns, demoTrades } from './demo-crm.data.ts';

/** Who did something: the hub, or the local office of a municipality (by code). */
export type DemoOrganisation = 'hub' | string;

export interface DemoCompany {
  id: string;
  cvr: string | null;
  name: string;
  municipality_code: string;
  street: string | null;
  postcode: string | null;
  city: string | null;
  industry_code: string | null;
  industry_text: string | null;
  legal_form: string | null;
  employees_band: string | null;
  start_date: string | null;
  advertising_protected: boolean;
}
export interface DemoCourse {
  id: string;
  companyId: string;
  adviser: string;
  category: GuidanceCategory;
  themes: string[];
  segment: 'growth' | 'operations';
  targetGroup: string;
  startDate: string;
  endDate: string | null;
  status: 'active' | 'completed';
  meetings: string[];
}
export interface DemoActivity {
  id: string;
  organisation: DemoOrganisation;
  adviser: string | null;
  kind: 'visit' | 'meeting' | 'call' | 'email' | 'event';
  date: string;
  title: string;
  companyIds: string[];
  participantCount: number | null;
}
export interface DemoNote {
  id: string;
  subjectType: 'company' | 'course' | 'activity';
  subjectId: string;
  organisation: DemoOrganisation;
  author: string | null;
  visibility: 'internal' | 'shared';
  body: string;
  createdAt: Date;
}

/** The demo advisers by organisation (src/db/seed/demo.ts); other offices have no demo user. */
const HUB_ADVISERS = ['konsulent@demo.knudepunkt.example', 'leder@demo.knudepunkt.example'];
const OFFICE_ADVISERS: Record<string, string> = { '825': 'laeso@demo.knudepunkt.example', '851': 'aalborg@demo.knudepunkt.example' };
const adviserOf = (organisation: DemoOrganisation, pick: number) => (organisation === 'hub' ? HUB_ADVISERS[pick % 2]! : (OFFICE_ADVISERS[organisation] ?? null));

/** mulberry32: a small, well-distributed 32-bit PRNG. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A valid CVR number (modulus 11, see src/domain/companies/cvr.ts) from the 391xxxxx series. */
export function demoCvr(index: number): string {
  for (let n = 3_912_000 + index * 53; ; n++) {
    const digits = String(n);
    const sum = [2, 7, 6, 5, 4, 3, 2].reduce((total, weight, k) => total + weight * Number(digits[k]), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check < 10) return `${digits}${check}`;
  }
}

const FIRST_DAY = Date.UTC(2023, 0, 2);
const LAST_DAY = Date.UTC(2026, 10, 13); // the demo's "today": nothing is dated after it
const DAY = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function generateDemoCrm(seed = 2026) {
  const random = seededRandom(seed);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const hex = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
  const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;
  const day = (from = FIRST_DAY, to = LAST_DAY) => from + int(0, Math.floor((to - from) / DAY)) * DAY;

  const companies: DemoCompany[] = [];
  let trade = 0;
  for (const [code, { companies: count, towns }] of Object.entries(demoTowns)) {
    for (let i = 0; i < count; i++) {
      const [town, postcode] = towns[i % towns.length]!;
      const [tradeName, industryCode, industryText] = demoTrades[trade++ % demoTrades.length]!;
      const [suffix, legalForm] = demoLegalForms[companies.length % demoLegalForms.length]!;
      companies.push({
        id: uuid(),
        cvr: demoCvr(companies.length),
        name: `${town} ${tradeName}${suffix ? ` ${suffix}` : ''} (demo)`,
        municipality_code: code,
        street: `${pick(demoStreets)} ${int(1, 120)}`,
        postcode,
        city: town,
        industry_code: industryCode,
        industry_text: industryText,
        legal_form: legalForm,
        employees_band: pick(['1', '2-4', '5-9', '10-19', '20-49', '50-99', '100-199']),
        start_date: isoDay(Date.UTC(int(1978, 2021), int(0, 11), int(1, 28))),
        advertising_protected: companies.length % 15 === 7, // 4 of 60
      });
    }
  }
  // Four of the 60 are pre-starters: they take the place of the last company of their municipality.
  for (const [name, code] of demoPreStarters) {
    const index = companies.findLastIndex((company) => company.municipality_code === code);
    companies[index] = { ...companies[index]!, cvr: null, name, street: null, postcode: null, industry_code: null, industry_text: null, legal_form: null, employees_band: null, start_date: null };
  }
  const registered = companies.filter((company) => company.cvr !== null);

  const courses: DemoCourse[] = [];
  const meetingsAfter = (start: number) => {
    const dates: string[] = [];
    let at = start;
    for (let n = int(0, 4); n > 0; n--) {
      at += int(10, 75) * DAY;
      if (at > LAST_DAY) break;
      dates.push(isoDay(at));
    }
    return dates;
  };
  const addCourse = (companyId: string, category: GuidanceCategory, targetGroup: string) => {
    const start = day(FIRST_DAY, LAST_DAY - 20 * DAY);
    const meetings = meetingsAfter(start);
    const last = meetings.length > 0 ? Date.parse(meetings.at(-1)!) : start;
    const completed = last < Date.UTC(2026, 5, 1);
    const themes = [...new Set([pick(guidanceThemes), pick(guidanceThemes)])];
    courses.push({
      id: uuid(),
      companyId,
      adviser: pick(HUB_ADVISERS),
      category,
      themes,
      segment: category === 'growth' ? 'growth' : pick(['growth', 'operations'] as const),
      targetGroup,
      startDate: isoDay(start),
      endDate: completed ? isoDay(last + 14 * DAY) : null,
      status: completed ? 'completed' : 'active',
      meetings,
    });
  };
  const categoryWeights: GuidanceCategory[] = ['short', 'short', 'short', 'short', 'growth', 'growth', 'growth', 'operations', 'operations', 'earlyWarning'];
  registered.forEach((company, index) => {
    if (index % 4 === 3) return; // three in four registered companies are guided by the hub
    addCourse(company.id, pick(categoryWeights), pick(guidanceTargetGroups.filter((g) => g !== 'maturePreStarter')));
    if (index % 5 === 0) addCourse(company.id, pick(guidanceCategories), pick(['smeClarified', 'smeSeeking', 'largerCompany']));
  });
  for (const company of companies.filter((c) => c.cvr === null).slice(0, 2)) addCourse(company.id, 'short', 'maturePreStarter');

  const activities: DemoActivity[] = [];
  const notes: DemoNote[] = [];
  const note = (subjectType: DemoNote['subjectType'], subjectId: string, organisation: DemoOrganisation, author: string | null, date: string, visibility: 'internal' | 'shared') =>
    notes.push({ id: uuid(), subjectType, subjectId, organisation, author, visibility, body: pick(demoNotes[visibility]), createdAt: new Date(`${date}T${String(int(8, 15)).padStart(2, '0')}:${String(int(0, 59)).padStart(2, '0')}:00Z`) });

  // The local offices visit the companies of their municipality (basic guidance, 01-system.md).
  for (const company of companies) {
    for (let n = company.cvr === null ? 1 : int(1, 2); n > 0; n--) {
      const organisation = company.municipality_code;
      const kind = pick(['visit', 'visit', 'visit', 'meeting', 'call'] as const);
      const activity: DemoActivity = {
        id: uuid(),
        organisation,
        adviser: adviserOf(organisation, 0),
        kind,
        date: isoDay(day()),
        title: pick(demoLocalTitles[kind]),
        companyIds: [company.id],
        participantCount: null,
      };
      activities.push(activity);
      if (activities.length % 5 === 0) note('activity', activity.id, organisation, activity.adviser, activity.date, activities.length % 10 === 0 ? 'shared' : 'internal');
    }
  }
  // The hub's own contacts: meetings, calls and e-mails.
  for (let n = 0; n < 25; n++) {
    const kind = pick(['meeting', 'call', 'email'] as const);
    activities.push({ id: uuid(), organisation: 'hub', adviser: adviserOf('hub', n), kind, date: isoDay(day()), title: pick(demoHubTitles[kind]), companyIds: [pick(registered).id], participantCount: null });
  }
  // Collective activities with participant companies and a participant count (Midtjylland 2020 goal).
  for (const [title, organisation] of demoEvents) {
    const local = organisation === 'hub' ? companies : companies.filter((c) => c.municipality_code === organisation || random() < 0.1);
    const participants = [...new Set(Array.from({ length: int(4, 12) }, () => pick(local).id))];
    activities.push({ id: uuid(), organisation, adviser: adviserOf(organisation, 1), kind: 'event', date: isoDay(day()), title, companyIds: participants, participantCount: participants.length + int(5, 60) });
  }
  // Notes on companies and courses, both shared in the region and internal to their organisation.
  companies.forEach((company, index) => {
    if (index % 7 !== 2) return;
    const organisation = index % 2 === 0 ? 'hub' : company.municipality_code;
    note('company', company.id, organisation, adviserOf(organisation, index), isoDay(day()), index % 3 === 0 ? 'internal' : 'shared');
  });
  courses.forEach((course, index) => {
    if (index % 8 === 1) note('course', course.id, 'hub', course.adviser, course.meetings[0] ?? course.startDate, index % 3 === 0 ? 'shared' : 'internal');
  });
  return { companies, courses, activities, notes };
}
