// A hub's course statistics for a year (02-crm.md, `courses stats`), by the year counting rule
// (year-counting.ts):
// - uniqueCompanies: distinct companies guided in Y by the hub;
// - newCompanies: of those, the ones the same hub did not guide in Y-1;
// - courses per category: the hub's courses that count in Y;
// - byMunicipality, keyed by the course's municipality_code: the courses there that count in Y and the
//   distinct companies they belong to.
// Decision (the spec is silent): a company with courses counting in Y in two municipalities (it moved,
// or has two workplaces) counts once in each municipality, as each municipality did have it as a guided
// company; it still counts once in the hub's total. So the municipalities' uniqueCompanies can add up to
// more than uniqueCompanies, while their courses add up exactly to the sum of the categories.
//
// The accumulator takes one course at a time, so a large file streams: it keeps company keys, not
// courses.
import { companyKey, countsInYear } from './year-counting.ts';
import type { CountableCourse } from './year-counting.ts';
import { guidanceCategories, guidanceThemes } from './guidance.types.ts';
import type { GuidanceCategory, GuidanceCourse, GuidanceTheme } from './guidance.types.ts';

export interface MunicipalityCourseStats {
  uniqueCompanies: number;
  courses: number;
}

/** Exactly the JSON of `knudepunkt courses stats --json`. */
export interface CourseStats {
  uniqueCompanies: number;
  newCompanies: number;
  courses: Record<GuidanceCategory, number>;
  /** Only municipalities with at least one course counting in the year, ascending by code. */
  byMunicipality: Record<string, MunicipalityCourseStats>;
}

export type StatsCourse = CountableCourse & Pick<GuidanceCourse, 'category'>;

export interface CourseStatsAccumulator {
  add(course: StatsCourse): void;
  result(): CourseStats;
}

export function createCourseStatsAccumulator(hub: string, year: number): CourseStatsAccumulator {
  const guided = new Set<string>();
  const guidedBefore = new Set<string>();
  const courses = Object.fromEntries(guidanceCategories.map((c) => [c, 0])) as Record<GuidanceCategory, number>;
  const byMunicipality = new Map<string, { companies: Set<string>; courses: number }>();

  return {
    add(course) {
      if (course.hub !== hub) return;
      const inYear = countsInYear(course, year);
      const inYearBefore = countsInYear(course, year - 1);
      if (!inYear && !inYearBefore) return;
      const key = companyKey(course);
      if (inYearBefore) guidedBefore.add(key);
      if (!inYear) return;
      guided.add(key);
      courses[course.category]++;
      const municipality = byMunicipality.get(course.municipalityCode) ?? { companies: new Set<string>(), courses: 0 };
      municipality.companies.add(key);
      municipality.courses++;
      byMunicipality.set(course.municipalityCode, municipality);
    },
    result() {
      const codes = [...byMunicipality.keys()].sort((a, b) => Number(a) - Number(b));
      return {
        uniqueCompanies: guided.size,
        newCompanies: [...guided].filter((key) => !guidedBefore.has(key)).length,
        courses: { ...courses },
        byMunicipality: Object.fromEntries(
          codes.map((code) => {
            const m = byMunicipality.get(code)!;
            return [code, { uniqueCompanies: m.companies.size, courses: m.courses }];
          }),
        ),
      };
    },
  };
}

export function computeCourseStats(courses: Iterable<StatsCourse>, hub: string, year: number): CourseStats {
  const accumulator = createCourseStatsAccumulator(hub, year);
  for (const course of courses) accumulator.add(course);
  return accumulator.result();
}

/**
 * Extra views for the statistics page, not part of the command's JSON (the spec fixes its keys):
 * - byTheme: the hub's courses counting in Y that have the theme (a course with 2 themes counts twice);
 * - byMonth: index 0 = January. The year counting rule applied to months: a course counts in each
 *   month of Y with a registered meeting, or, without meetings, in the month of its start date.
 */
export interface CourseBreakdown {
  byTheme: Record<GuidanceTheme, number>;
  byMonth: number[];
}

export function computeCourseBreakdown(courses: Iterable<CountableCourse & Pick<GuidanceCourse, 'themes'>>, hub: string, year: number): CourseBreakdown {
  const byTheme = Object.fromEntries(guidanceThemes.map((t) => [t, 0])) as Record<GuidanceTheme, number>;
  const byMonth = Array.from({ length: 12 }, () => 0);
  for (const course of courses) {
    if (course.hub !== hub || !countsInYear(course, year)) continue;
    for (const theme of new Set(course.themes)) byTheme[theme]++;
    const dates = course.meetingDates.length > 0 ? course.meetingDates : [course.startDate];
    const months = new Set(dates.filter((d) => Number(d.slice(0, 4)) === year).map((d) => Number(d.slice(5, 7)) - 1));
    for (const month of months) byMonth[month] = (byMonth[month] ?? 0) + 1;
  }
  return { byTheme, byMonth };
}
