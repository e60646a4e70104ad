// Course statistics from the database equal those of `knudepunkt courses stats` on the same file, and a
// user sees only the hubs of their own region.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { readMunicipalities } from '../../db/seed/reference.ts';
import { systemActor, type Role, type UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { computeCourseBreakdown, computeCourseStats } from '../../domain/guidance/course-stats.ts';
import { parseCoursesCsvText } from '../../domain/guidance/courses-csv.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { createCompany } from '../companies/companies.service.ts';
import { readFileLines } from '../courses/course-import.files.ts';
import { importCourses } from '../courses/course-import.service.ts';
import { createCourse } from '../courses/courses.service.ts';
import { findUserById } from '../users/users.repository.ts';
import { courseStatsFigures, getCourseStatistics } from './course-stats.service.ts';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/courses-nordjylland.csv', import.meta.url));
const municipalities = readMunicipalities();
const hubNames = [...new Set(municipalities.map((m) => m.businessHub))];
const system = systemActor('Test');
const today = new Date('2025-03-01T12:00:00Z');

describe('course statistics from the database', () => {
  let database: TestDatabase;
  const actorAt = async (organisation: Record<string, unknown>, roles: Role[]): Promise<UserActor> => {
    const org = await makeOrganisation(database.db, organisation);
    const user = await makeUser(database.db, { roles, organisationId: org.id });
    return actorFromUser((await findUserById(database.db, user.id))!);
  };

  before(async () => {
    database = await createTestDatabase();
    // One organisation per hub, so the file imports without --organisation: every row to its hub.
    for (const hubId of ['nordjylland', 'midtjylland', 'sydjylland', 'fyn', 'sjaelland', 'hovedstaden']) await makeOrganisation(database.db, { kind: 'hub', businessHubId: hubId });
    const summary = await database.db.transaction().execute((tx) => importCourses(tx, system, readFileLines(FIXTURE), { dryRun: false }));
    assert.equal(summary.courses.created, 42);
  });
  after(async () => database.drop());

  it('gives the same figures as `courses stats` on the imported file, for every hub and year', async () => {
    const parsed = parseCoursesCsvText(readFileSync(FIXTURE, 'utf8'), { hubs: hubNames, municipalityCodes: municipalities.map((m) => m.code) });
    assert.deepEqual(parsed.errors, []);
    for (const hubName of hubNames) {
      for (const year of [2021, 2022, 2023, 2024, 2025]) {
        const statistics = await getCourseStatistics(database.db, system, { hub: hubName, year: String(year) }, today);
        const { uniqueCompanies, newCompanies, courses, byMunicipality, byTheme, byMonth } = statistics;
        assert.deepEqual({ uniqueCompanies, newCompanies, courses, byMunicipality }, computeCourseStats(parsed.courses, hubName, year), `${hubName} ${year}`);
        assert.deepEqual({ byTheme, byMonth }, computeCourseBreakdown(parsed.courses, hubName, year), `${hubName} ${year}, themes and months`);
      }
    }
  });

  it('gives Erhvervshus Nordjylland 2023 the figures worked out by hand in the command’s test', async () => {
    const statistics = await getCourseStatistics(database.db, system, { hub: 'nordjylland', year: '2023' }, today);
    assert.equal(statistics.uniqueCompanies, 24);
    assert.equal(statistics.newCompanies, 18);
    assert.deepEqual(statistics.courses, { growth: 9, operations: 5, short: 10, earlyWarning: 3 });
    assert.deepEqual(statistics.byMunicipality['820'], { uniqueCompanies: 2, courses: 2 });
    assert.equal(statistics.municipalityNames['851'], 'Aalborg');
    assert.deepEqual(Object.keys(courseStatsFigures(statistics)).slice(2, 6), ['uniqueCompanies', 'newCompanies', 'courses', 'byMunicipality']);
  });

  it('counts a course registered by hand in its company’s municipality and in the year of its start', async () => {
    const hub = await actorAt({ kind: 'hub', businessHubId: 'fyn' }, ['adviser']);
    const company = await createCompany(database.db, hub, { name: 'Svendborg Sejl ApS', cvr: '25313763', municipalityCode: '479' });
    await createCourse(database.db, hub, company.id, { category: 'short', themes: ['finance'], segment: 'growth', startDate: '2023-06-01', status: 'active' });
    const statistics = await getCourseStatistics(database.db, system, { hub: 'fyn', year: '2023' }, today);
    assert.equal(statistics.uniqueCompanies, 2); // Odense Cykelværksted from the file, and this one
    assert.deepEqual(statistics.byMunicipality['479'], { uniqueCompanies: 1, courses: 1 });
    assert.equal(statistics.byMonth[5], 1);
  });

  it('shows a user their own hub and the current year by default, and only the hubs of their region', async () => {
    const office = await actorAt({ kind: 'localOffice', municipalityCode: '825', businessHubId: null }, ['viewer']);
    const statistics = await getCourseStatistics(database.db, office, {}, today);
    assert.equal(statistics.hub.id, 'nordjylland');
    assert.equal(statistics.year, 2025);
    assert.deepEqual(statistics.hubs, [{ id: 'nordjylland', name: 'Erhvervshus Nordjylland' }]);

    const kkr = await actorAt({ kind: 'kkrSecretariat', kkrId: 'kkr-syddanmark', businessHubId: null }, ['kkr', 'admin']);
    const south = await getCourseStatistics(database.db, kkr, { hub: 'Sydjylland', year: '2023' }, today);
    assert.deepEqual(south.hubs.map((h) => h.id).sort(), ['fyn', 'sydjylland']); // Region Syddanmark has two hubs
    assert.equal(south.uniqueCompanies, 1);
  });

  it('refuses the statistics of another region’s hub, also to admins, and names unknown hubs and bad years', async () => {
    const admin = await actorAt({ kind: 'hub', businessHubId: 'nordjylland' }, ['admin']);
    await assert.rejects(getCourseStatistics(database.db, admin, { hub: 'midtjylland', year: '2023' }, today), (error: AppError) => {
      assert.equal(error.code, 'forbidden');
      assert.match(error.userMessage, /kun se forløbsstatistik for erhvervshuse i din egen region – Erhvervshus Midtjylland/);
      return true;
    });
    await assert.rejects(getCourseStatistics(database.db, admin, { hub: 'Erhvervshus Bornholm' }, today), (error: AppError) => error.code === 'notFound' && /Bornholm/.test(error.userMessage));
    await assert.rejects(getCourseStatistics(database.db, admin, { year: '23' }, today), (error: AppError) => error.fields[0]?.field === 'year' && /mellem 1990 og 2100/.test(error.fields[0].message));
  });
});
