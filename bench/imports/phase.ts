// The import benchmark (issue 8, item 3): the real importers on generated files, against a raw COPY of
// the same rows into the same tables on the same database (ratio of rows per second).
// - CVR: `importCvrDocuments` over the register's bulk lines (one transaction, as `knudepunkt import
//   cvr` runs it) into empty company tables, then COPY of the same companies.
// - Courses: `importCourses` over a courses CSV (one transaction, as `knudepunkt import courses`), for
//   companies that exist, then COPY of the same courses and meetings.
import { sql } from 'kysely';
import { systemActor } from '../../src/domain/actor.ts';
import { readCvrDocuments } from '../../src/domain/companies/cvr-document.ts';
import { actorFromUser } from '../../src/features/auth/auth.service.ts';
import { importCvrDocuments } from '../../src/features/companies/cvr-import.service.ts';
import { importCourses } from '../../src/features/courses/course-import.service.ts';
import { createOrganisation } from '../../src/features/organisations/organisations.service.ts';
import { findUserById } from '../../src/features/users/users.repository.ts';
import { createUserWithPassword } from '../../src/features/users/users.service.ts';
import type { GeneratedCompany } from '../../src/db/seed/synthetic/companies.ts';
import { courseCsvHeader, courseCsvLine, cvrDocumentLine, generateCourses, type GeneratedCourse } from '../../src/db/seed/synthetic/import-files.ts';
import { companyColumns } from '../../src/db/seed/synthetic/load.ts';
import { timed } from '../measure.ts';
import type { ImportResult, LoadFigure } from '../results.ts';
import type { BenchTarget } from '../targets.ts';

const NORDJYLLAND = 1081;

async function* linesOf(header: string | null, items: readonly unknown[], line: (item: never) => string): AsyncGenerator<string> {
  if (header !== null) yield header;
  for (const item of items) yield line(item as never);
}

const figure = (rows: number, ms: number): LoadFigure => ({ rows, ms, rowsPerSecond: (rows / ms) * 1000 });

function courseRows(courses: readonly GeneratedCourse[], companyIds: Map<string, string>, organisationId: string) {
  return courses.map((c) => [
    c.id, c.sourceId, companyIds.get(c.company.cvr)!, organisationId, 'nordjylland', c.category, `{${c.themes.join(',')}}`, c.segment,
    c.targetGroup, c.startDate, c.endDate, 'completed',
  ]);
}

export async function measureImports(target: BenchTarget, companies: readonly GeneratedCompany[], options: { rows: number; seed: number; log: (message: string) => void }): Promise<ImportResult> {
  const registered = companies.filter((c): c is GeneratedCompany & { cvr: string } => c.cvr !== null).slice(0, options.rows);
  const nordjylland = registered.filter((c) => c.region_code === NORDJYLLAND);
  const courses = generateCourses(nordjylland, options.rows, options.seed);

  // CVR: the importer into empty tables, then the same companies by COPY.
  const database = await target.open();
  let cvr: LoadFigure;
  let coursesImport: LoadFigure;
  let organisationId: string;
  const companyIds = new Map<string, string>();
  try {
    await sql`truncate companies cascade`.execute(database.db);
    options.log(`${target.label}: CVR import of ${registered.length} documents`);
    const cvrRun = await timed(() =>
      database.db.transaction().execute((tx) => importCvrDocuments(tx, systemActor('Benchmark'), readCvrDocuments(linesOf(null, registered, cvrDocumentLine)), { now: new Date() })),
    );
    if (cvrRun.result.created !== registered.length) throw new Error(`the CVR import created ${cvrRun.result.created} of ${registered.length} companies`);
    cvr = figure(registered.length, cvrRun.ms);
    const hub = await createOrganisation(database.db, systemActor('Benchmark'), { name: 'Benchmark-importør', kind: 'hub', businessHubId: 'nordjylland' });
    organisationId = hub.id;
    const user = await createUserWithPassword(database.db, systemActor('Benchmark'), { email: `bench-import-${Date.now()}@bench.knudepunkt.example`, name: 'Benchmark Leder', organisationId: hub.id, roles: ['manager'], password: 'bench-password-not-secret-2026' });
    const manager = actorFromUser((await findUserById(database.db, user.id))!);
    options.log(`${target.label}: courses import of ${courses.length} rows`);
    const courseRun = await timed(() =>
      database.db.transaction().execute((tx) => importCourses(tx, manager, linesOf(courseCsvHeader, courses, courseCsvLine), { dryRun: false, organisationId: hub.id, fileName: 'bench.csv' })),
    );
    if (courseRun.result.courses.created !== courses.length) throw new Error(`the courses import created ${courseRun.result.courses.created} of ${courses.length} courses (${courseRun.result.errorCount} errors)`);
    coursesImport = figure(courses.length, courseRun.ms);
    for (const row of await database.db.selectFrom('companies').select(['id', 'cvr']).execute()) if (row.cvr) companyIds.set(row.cvr, row.id);
  } finally {
    await database.close();
  }

  options.log(`${target.label}: COPY of the same courses`);
  const coursesCopy = await target.copyTables('truncate guidance_courses cascade', [
    {
      table: 'guidance_courses',
      columns: ['id', 'source_id', 'company_id', 'organisation_id', 'business_hub_id', 'category', 'themes', 'segment', 'target_group', 'start_date', 'end_date', 'status'],
      rows: courseRows(courses, companyIds, organisationId),
    },
    { table: 'course_meetings', columns: ['id', 'course_id', 'meeting_date'], rows: courses.flatMap((c) => c.meetings.map((m) => [m.id, c.id, m.date])) },
  ]);
  options.log(`${target.label}: COPY of the same companies`);
  const cvrCopy = await target.copyTables('truncate companies cascade', [
    { table: 'companies', columns: companyColumns, rows: registered.map((c) => companyColumns.map((column) => c[column])) },
    { table: 'company_regions', columns: ['company_id', 'region_code'], rows: registered.map((c) => [c.id, c.region_code]) },
  ]);
  return { cvr, cvrCopy: figure(registered.length, cvrCopy.ms), courses: coursesImport, coursesCopy: figure(courses.length, coursesCopy.ms) };
}
