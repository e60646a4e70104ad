// The contract measurement's own reads of the CRM agree with the course statistics' year counting rule
// (countedCourses) and with the evaluation's guided companies (findGuidedCompaniesByYear), which they
// re-state for one year to be fast (bench/README.md): on the demo data, for every year with courses,
// and on edge cases — a course without meetings counts in its start year, one with meetings only in
// the years of its meetings, a merged company as the company kept.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { seedDemo } from '../../db/seed/demo.ts';
import { countedCourses } from '../course-stats/course-stats.repository.ts';
import { findGuidedCompaniesByYear } from '../evaluation/evaluation.repository.ts';
import { findCountedCourses, findGuidedCompaniesInYearAndBefore } from './contract-measurements.repository.ts';

describe('the contract measurement’s CRM reads', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
    await seedDemo(database.db);
    // Edge cases: a course whose meetings span two years, and a merged company.
    const [course] = await database.db.selectFrom('guidance_courses').select(['id', 'company_id', 'start_date']).where('business_hub_id', '=', 'nordjylland').orderBy('id').limit(1).execute();
    await database.db.insertInto('course_meetings').values([{ course_id: course!.id, meeting_date: '2022-12-30' }, { course_id: course!.id, meeting_date: '2025-01-02' }] as never).execute();
    const keep = await database.db.selectFrom('companies').select('id').where('id', '<>', course!.company_id).where('merged_into_id', 'is', null).orderBy('id').executeTakeFirstOrThrow();
    await database.db.updateTable('companies').set({ merged_into_id: keep.id } as never).where('id', '=', course!.company_id).execute();
  });
  after(async () => database.drop());

  const years = [2021, 2022, 2023, 2024, 2025, 2026];

  it('counts the same courses in a year as the course statistics', async () => {
    for (const year of years) {
      const expected = await sql<{ id: string }>`with counted as (${countedCourses('nordjylland', year)}) select id from counted where year = ${year} order by id`.execute(database.db);
      const actual = await findCountedCourses(database.db, 'nordjylland', year);
      assert.deepEqual(actual.map((c) => c.id), expected.rows.map((r) => r.id), String(year));
    }
  });

  it('finds the same guided companies in a year and the year before as the evaluation', async () => {
    for (const year of years) {
      const expected = await findGuidedCompaniesByYear(database.db, 'nordjylland', [year, year - 1]);
      const actual = await findGuidedCompaniesInYearAndBefore(database.db, 'nordjylland', year);
      for (const y of [year, year - 1]) assert.deepEqual([...actual.get(y)!].sort(), [...expected.get(y)!].sort(), `${year}: ${y}`);
      if (year === 2025) assert.ok(actual.get(2025)!.size > 0);
    }
  });
});
