// The year counting rule of 02-crm.md ("Guidance courses"), used by every statistic and goal:
// - a course counts in every calendar year in which it has at least one registered meeting; a course
//   with no registered meeting counts in the year of its start date;
// - a company is guided in year Y by a hub when at least one of its courses with that hub counts in Y;
// - "unique companies" counts distinct companies: by CVR number, or — for a company without one — by
//   its name (trimmed, case-insensitive, inner spaces collapsed) together with its municipality code
//   (02-crm.md, "Imports");
// - a new company (goal 1, 2022-23) is guided in Y by the hub and was not guided by the same hub in Y-1.
// Taken literally on purpose: a meeting dated before the start date still makes the course count in
// that meeting's year, and a course with meetings does not count in its start year unless a meeting
// falls in it. A company with a CVR number and a pre-starter record without one are two companies
// until the records are linked (a file cannot know they are the same).
import type { IsoDate } from './guidance.types.ts';

export interface CountableCourse {
  hub: string;
  startDate: IsoDate;
  meetingDates: readonly IsoDate[];
  cvr: string | null;
  companyName: string | null;
  municipalityCode: string;
}

/** The calendar years a course counts in, ascending. */
export function courseYears(course: Pick<CountableCourse, 'startDate' | 'meetingDates'>): number[] {
  if (course.meetingDates.length === 0) return [yearOf(course.startDate)];
  return [...new Set(course.meetingDates.map(yearOf))].sort((a, b) => a - b);
}

export function countsInYear(course: Pick<CountableCourse, 'startDate' | 'meetingDates'>, year: number): boolean {
  if (course.meetingDates.length === 0) return yearOf(course.startDate) === year;
  return course.meetingDates.some((date) => yearOf(date) === year);
}

/** "  Nordisk   Kaffe Kompagni " → "nordisk kaffe kompagni". */
export function normaliseCompanyName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase(); // as matchKey: Danish casing is not locale-specific
}

/**
 * The identity of a course's company: "cvr:30521439", or "name:<normalised name>|<municipality code>"
 * for a company without CVR number.
 */
export function companyKey(company: Pick<CountableCourse, 'cvr' | 'companyName' | 'municipalityCode'>): string {
  if (company.cvr !== null && company.cvr !== '') return `cvr:${company.cvr}`;
  if (company.companyName === null || company.companyName.trim() === '') {
    // The courses CSV parser refuses such rows (company_name is required when cvr is empty).
    throw new Error('companyKey: a company without CVR number needs a name');
  }
  return `name:${normaliseCompanyName(company.companyName)}|${company.municipalityCode}`;
}

/** Whether the company (a `companyKey`) is guided in `year` by `hub`. */
export function isGuidedInYear(courses: Iterable<CountableCourse>, key: string, hub: string, year: number): boolean {
  for (const course of courses) {
    if (course.hub === hub && countsInYear(course, year) && companyKey(course) === key) return true;
  }
  return false;
}

/** The companies (keys) guided in `year` by `hub`. */
export function guidedCompanies(courses: Iterable<CountableCourse>, hub: string, year: number): Set<string> {
  const keys = new Set<string>();
  for (const course of courses) if (course.hub === hub && countsInYear(course, year)) keys.add(companyKey(course));
  return keys;
}

/** The companies guided in `year` by `hub` that the same hub did not guide in `year - 1`. */
export function newCompanies(courses: Iterable<CountableCourse>, hub: string, year: number): Set<string> {
  const list = [...courses];
  const before = guidedCompanies(list, hub, year - 1);
  return new Set([...guidedCompanies(list, hub, year)].filter((key) => !before.has(key)));
}

function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}
