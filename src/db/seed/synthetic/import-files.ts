// Import files made from the generated companies, for the import benchmark (issue 8, item 3): the
// CVR register's bulk format (one `{"Vrvirksomhed": …}` per line, 02-crm.md) and the guidance-courses
// CSV (docs/formats.md), with the rows a raw COPY of the same data would write, so the two paths load
// exactly the same rows. Deterministic from the seed, like the companies.
import { guidanceCategories, guidanceTargetGroups, guidanceThemes } from '../../../domain/guidance/guidance.types.ts';
import type { GeneratedCompany } from './companies.ts';
import { mulberry32, seededUuid } from './random.ts';

const period = (from: string | null, to: string | null = null) => ({ gyldigFra: from ?? '2000-01-01', gyldigTil: to });

/** One bulk line of the CVR register for a company with a CVR number. */
export function cvrDocumentLine(company: GeneratedCompany & { cvr: string }): string {
  const from = company.start_date;
  const document = {
    cvrNummer: Number(company.cvr),
    reklamebeskyttet: company.advertising_protected,
    navne: [{ navn: company.name, periode: period(from) }],
    beliggenhedsadresse: [
      {
        landekode: 'DK',
        kommune: { kommuneKode: Number(company.municipality_code), periode: period(from) },
        vejnavn: company.street?.replace(/ \d+\w*$/, '') ?? null,
        husnummerFra: Number(/ (\d+)\w*$/.exec(company.street ?? '')?.[1] ?? 1),
        postnummer: company.postcode ? Number(company.postcode) : null,
        postdistrikt: company.city,
        periode: period(from),
      },
    ],
    hovedbranche: company.industry_code ? [{ branchekode: company.industry_code, branchetekst: company.industry_text, periode: period(from) }] : [],
    virksomhedsform: company.legal_form ? [{ langBeskrivelse: company.legal_form, periode: period(from) }] : [],
    livsforloeb: [{ periode: period(from, company.status === 'ceased' ? '2024-12-31' : null) }],
    penheder: [],
  };
  return JSON.stringify({ Vrvirksomhed: document });
}

export interface GeneratedCourse {
  id: string;
  sourceId: string;
  company: GeneratedCompany & { cvr: string };
  category: (typeof guidanceCategories)[number];
  segment: 'growth' | 'operations';
  themes: string[];
  targetGroup: string;
  startDate: string;
  endDate: string;
  meetings: { id: string; date: string }[];
}

const day = (offset: number) => new Date(Date.UTC(2022, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);

/** `count` courses of Erhvervshus Nordjylland over companies (cycled), each with 1-3 meetings. */
export function generateCourses(companies: readonly (GeneratedCompany & { cvr: string })[], count: number, seed: number): GeneratedCourse[] {
  const random = mulberry32(seed ^ 0x5c0a5e);
  return Array.from({ length: count }, (_, i) => {
    const start = random.int(3 * 365);
    const length = 14 + random.int(300);
    const category = random.pick(guidanceCategories);
    const meetings = Array.from({ length: 1 + random.int(3) }, (_, m) => ({ id: seededUuid(random), date: day(start + Math.floor((m * length) / 3)) }));
    return {
      id: seededUuid(random),
      sourceId: `BENCH-${String(i + 1).padStart(7, '0')}`,
      company: companies[i % companies.length]!,
      category,
      segment: category === 'growth' || category === 'operations' ? category : random.pick(['growth', 'operations'] as const),
      themes: [random.pick(guidanceThemes), random.pick(guidanceThemes)].filter((t, k, all) => all.indexOf(t) === k),
      targetGroup: random.pick(guidanceTargetGroups),
      startDate: day(start),
      endDate: day(start + length),
      meetings,
    };
  });
}

export const courseCsvHeader = 'course_id,cvr,company_name,municipality_code,hub,category,segment,themes,target_group,start_date,end_date,meeting_dates';

const csvCell = (value: string) => (/[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);

export function courseCsvLine(course: GeneratedCourse): string {
  return [
    course.sourceId,
    course.company.cvr,
    course.company.name,
    course.company.municipality_code,
    'Erhvervshus Nordjylland',
    course.category,
    course.segment,
    course.themes.join(';'),
    course.targetGroup,
    course.startDate,
    course.endDate,
    course.meetings.map((m) => m.date).join(';'),
  ]
    .map(csvCell)
    .join(',');
}
