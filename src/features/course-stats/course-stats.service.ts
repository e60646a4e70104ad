// Course statistics from the database (02-crm.md: "The same figures for data in the database are shown
// in the web UI and the API"): the figures of `knudepunkt courses stats` for a hub and a year, plus
// courses per theme and per month.
// Scope (docs/decisions/006-course-imports.md): a user sees the statistics of the hubs of their own
// region only — whatever their role, kkr and admin included — as a hub's figures are what its region's
// KKR follows up on; the platform itself (command line, jobs) sees all.
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { AppError, notFound } from '../../domain/errors.ts';
import type { CourseBreakdown, CourseStats } from '../../domain/guidance/course-stats.ts';
import { guidanceCategories, guidanceThemes } from '../../domain/guidance/guidance.types.ts';
import { requireRole } from '../authorization.ts';
import { hubOfOrganisation } from '../courses/courses.repository.ts';
import { fieldErrors } from '../validation.ts';
import { findHubs, findMunicipalityNames, queryCourseStats, type HubRow } from './course-stats.repository.ts';
import { courseStatsQuery } from './course-stats.schema.ts';
import { findHub } from '../../domain/hubs.ts';

const readers = ['adviser', 'manager', 'kkr', 'admin', 'viewer'] as const;

export interface CourseStatistics extends CourseStats, CourseBreakdown {
  hub: { id: string; name: string };
  year: number;
  /** The hubs the reader may choose between (their region's). */
  hubs: { id: string; name: string }[];
  municipalityNames: Record<string, string>;
}

export async function getCourseStatistics(db: Executor, actor: Actor, rawQuery: unknown, today: Date): Promise<CourseStatistics> {
  requireRole(actor, ...readers);
  const parsed = courseStatsQuery.safeParse(rawQuery);
  if (!parsed.success) {
    // Only two filters: the first message says it all, also on the error page that shows no fields.
    const fields = fieldErrors(parsed.error);
    throw new AppError('validation', fields[0]?.message ?? 'Ugyldigt filter.', { en: 'Invalid hub or year.', fields });
  }
  const query = parsed.data;
  const allHubs = await findHubs(db);
  const visible = actor.kind === 'system' ? allHubs : allHubs.filter((hub) => hub.regionCode === actor.regionCode);

  let hub: HubRow | undefined;
  if (query.hub !== undefined) {
    hub = findHub(allHubs, query.hub);
    if (!hub) throw notFound(`Erhvervshuset "${query.hub}"`, `The business hub "${query.hub}" was not found.`);
    if (!visible.includes(hub)) {
      throw new AppError('forbidden', `Du kan kun se forløbsstatistik for erhvervshuse i din egen region – ${hub.name} hører til en anden.`, {
        en: `You can only see course statistics for the business hubs of your own region; ${hub.name} belongs to another.`,
      });
    }
  } else {
    const own = actor.kind === 'user' ? await hubOfOrganisation(db, actor.organisationId) : null;
    hub = visible.find((h) => h.id === own) ?? visible[0];
    if (!hub) {
      throw new AppError('forbidden', 'Din organisation hører ikke til en region med et erhvervshus, så der er ingen forløbsstatistik at vise.', {
        en: 'Your organisation does not belong to a region with a business hub, so there are no course statistics to show.',
      });
    }
  }
  const year = query.year ?? today.getFullYear();

  const rows = await queryCourseStats(db, hub.id, year);
  const courses = Object.fromEntries(guidanceCategories.map((c) => [c, rows.categories.find((r) => r.category === c)?.courses ?? 0])) as CourseStats['courses'];
  const byTheme = Object.fromEntries(guidanceThemes.map((t) => [t, rows.themes.find((r) => r.theme === t)?.courses ?? 0])) as CourseBreakdown['byTheme'];
  const byMonth = Array.from({ length: 12 }, (_, i) => rows.months.find((r) => r.month === i + 1)?.courses ?? 0);
  // Ascending by code, as the command prints them. A course whose company has no municipality (one
  // registered by hand without it) is in the totals but in no municipality.
  const municipalities = rows.municipalities.filter((m): m is typeof m & { municipalityCode: string } => m.municipalityCode !== null).sort((a, b) => Number(a.municipalityCode) - Number(b.municipalityCode));
  const byMunicipality = Object.fromEntries(municipalities.map((m) => [m.municipalityCode, { uniqueCompanies: m.uniqueCompanies, courses: m.courses }]));
  const names = await findMunicipalityNames(db, Object.keys(byMunicipality));
  return {
    hub: { id: hub.id, name: hub.name },
    year,
    hubs: visible.map((h) => ({ id: h.id, name: h.name })),
    uniqueCompanies: rows.companies.uniqueCompanies,
    newCompanies: rows.companies.newCompanies,
    courses,
    byMunicipality,
    byTheme,
    byMonth,
    municipalityNames: Object.fromEntries(names),
  };
}

/** Just the figures, with the keys of `knudepunkt courses stats --json` first (the API's answer). */
export function courseStatsFigures(statistics: CourseStatistics) {
  const { hub, year, uniqueCompanies, newCompanies, courses, byMunicipality, byTheme, byMonth } = statistics;
  return { hub, year, uniqueCompanies, newCompanies, courses, byMunicipality, byTheme, byMonth };
}
