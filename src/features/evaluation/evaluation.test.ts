// The metrics explorer's service: the numbers equal the domain's computeEvaluationMetrics over the same
// responses, filters work, figures under 5 answers are suppressed for readers without raw access (a
// viewer, KKR, a local office) but not for the hub's own advisers, and the drill-down is refused to them.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import type { Executor } from '../../db/database.ts';
import { readMunicipalities } from '../../db/seed/reference.ts';
import { systemActor, type Role, type UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { parseResponsesCsvText } from '../../domain/evaluation/responses-csv.ts';
import { computeEvaluationMetrics, shareMetricNames, type EvaluationFilter } from '../../domain/evaluation/metrics.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation, makeUser } from '../../../test/helpers/factories.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { readFileLines } from '../courses/course-import.files.ts';
import { findUserById } from '../users/users.repository.ts';
import { getEvaluationOverview, listEvaluationResponses, type Figure } from './evaluation.service.ts';
import { importResponses } from './response-import.service.ts';

const VALID = fileURLToPath(new URL('../../../test/fixtures/evaluation/responses.csv', import.meta.url));
const municipalities = readMunicipalities();
const fileResponses = parseResponsesCsvText(readFileSync(VALID, 'utf8'), {
  hubs: [...new Set(municipalities.map((m) => m.businessHub))],
  municipalityCodes: municipalities.map((m) => m.code),
}).responses;

async function actorAt(db: Executor, organisation: Record<string, unknown>, roles: Role[]): Promise<UserActor> {
  const org = await makeOrganisation(db, organisation);
  const user = await makeUser(db, { roles, organisationId: org.id });
  return actorFromUser((await findUserById(db, user.id))!);
}

const isForbidden = (e: unknown) => e instanceof AppError && e.code === 'forbidden';

/** The figure must carry exactly the domain's numbers. */
function assertSameNumbers(figures: Figure[], filter: EvaluationFilter) {
  const expected = computeEvaluationMetrics(fileResponses, filter);
  for (const figure of figures) {
    if (figure.metric === 'newCompanyShare') continue;
    const metric = expected[figure.metric];
    assert.equal(figure.n, metric.n, `${figure.metric} n`);
    assert.equal(figure.value?.toString() ?? null, metric.value?.toString() ?? null, `${figure.metric} value`);
    assert.deepEqual(figure.interval, metric.interval, `${figure.metric} interval`);
    assert.equal(figure.status, metric.n === 0 ? 'none' : 'ok');
  }
}

describe('the metrics explorer', () => {
  let database: TestDatabase;
  let adviser: UserActor;
  let viewer: UserActor;
  let kkr: UserActor;
  let localOffice: UserActor;
  before(async () => {
    database = await createTestDatabase();
    await importResponses(database.db, systemActor('Test'), readFileLines(VALID), { dryRun: false, now: new Date('2026-11-23T10:00:00Z') });
    adviser = await actorAt(database.db, { kind: 'hub', businessHubId: 'nordjylland' }, ['adviser']);
    viewer = await actorAt(database.db, { kind: 'kkrSecretariat', kkrId: 'kkr-nordjylland' }, ['viewer']);
    kkr = await actorAt(database.db, { kind: 'kkrSecretariat', kkrId: 'kkr-nordjylland' }, ['kkr']);
    localOffice = await actorAt(database.db, { kind: 'localOffice', municipalityCode: '851' }, ['adviser']);
  });
  after(async () => database.drop());

  it('gives the numbers of computeEvaluationMetrics over the same responses, for every filter', async () => {
    const filters: [Record<string, string>, EvaluationFilter][] = [
      [{}, { hub: 'Erhvervshus Nordjylland' }],
      [{ year: '2023' }, { hub: 'Erhvervshus Nordjylland', year: 2023 }],
      [{ year: '2023', segment: 'growth' }, { hub: 'Erhvervshus Nordjylland', year: 2023, segment: 'growth' }],
      [{ year: '2019', source: 'erst' }, { hub: 'Erhvervshus Nordjylland', year: 2019, source: 'erst' }],
      [{ municipality: '851' }, { hub: 'Erhvervshus Nordjylland', municipalityCode: '851' }],
    ];
    for (const [query, filter] of filters) {
      const overview = await getEvaluationOverview(database.db, adviser, query);
      assert.equal(overview.hub.id, 'nordjylland');
      assert.equal(overview.n, computeEvaluationMetrics(fileResponses, filter).n);
      assertSameNumbers(overview.figures, filter);
    }
    const overview = await getEvaluationOverview(database.db, adviser, { year: '2023' });
    assert.equal(overview.n, 11);
    assert.deepEqual(overview.figures.map((f) => f.metric), ['nps', ...shareMetricNames, 'newCompanyShare']);
    const nps = overview.figures[0]!;
    assert.deepEqual(nps.nps, { promoters: 5, passives: 2, detractors: 3 });
  });

  it('shows the trend over the guidance years and the distribution of the answers per question', async () => {
    const overview = await getEvaluationOverview(database.db, adviser, {});
    assert.deepEqual(overview.years, [2019, 2023]);
    assert.deepEqual(overview.trend.map((t) => [t.year, t.n]), [
      [2019, 5],
      [2023, 11],
    ]);
    assertSameNumbers(overview.trend[1]!.figures, { hub: 'Erhvervshus Nordjylland', year: 2023 });
    const recommend = overview.distribution.find((d) => d.question === 'recommend')!;
    assert.equal(recommend.total, 15);
    assert.equal(recommend.answers.find((a) => a.key === '10')!.count, 4);
    const staff = overview.distribution.find((d) => d.question === 'staffCompetence')!;
    const nord = fileResponses.filter((r) => r.hub === 'Erhvervshus Nordjylland');
    const countOf = (key: string) => nord.filter((r) => r.answers.staffCompetence === key).length;
    assert.deepEqual(staff.answers.map((a) => [a.label.da, a.count]), [
      ['Meget tilfreds', countOf('veryPleased')],
      ['Tilfreds', countOf('pleased')],
      ['Hverken/eller', countOf('neutral')],
      ['Utilfreds', countOf('displeased')],
      ['Meget utilfreds', countOf('veryDispleased')],
      ['Ved ikke', countOf('dontKnow')],
    ]);
    assert.equal(countOf('veryPleased'), 8);
    assert.equal(overview.distribution.some((d) => d.question === 'digitalGuidance'), true);
  });

  it('suppresses every figure under 5 answers for a viewer, KKR and a local office, not for the hub’s adviser', async () => {
    // 2019 and growth: N19-01 and N19-04, two answers.
    const query = { year: '2019', segment: 'vækst' };
    const own = await getEvaluationOverview(database.db, adviser, query);
    assert.equal(own.rawAccess, true);
    assert.equal(own.n, 2);
    assert.equal(own.figures[0]!.status, 'ok');
    assert.equal(own.figures[0]!.value?.toString(), '100');
    for (const reader of [viewer, kkr, localOffice]) {
      const overview = await getEvaluationOverview(database.db, reader, query);
      assert.equal(overview.rawAccess, false);
      assert.equal(overview.n, null);
      assert.equal(overview.nStatus, 'suppressed');
      for (const figure of overview.figures.filter((f) => f.status !== 'none')) {
        assert.deepEqual(figure, { metric: figure.metric, status: 'suppressed', value: null, n: null, count: null, nps: null, interval: null });
      }
      assert.equal(overview.figures.find((f) => f.metric === 'digitalEffectHighShare')!.status, 'none', 'no answers is not suppressed');
      assert.ok(overview.distribution.length > 0);
      for (const question of overview.distribution) {
        assert.equal(question.suppressed, true);
        assert.equal(question.total, null);
        assert.ok(question.answers.every((a) => a.count === null));
      }
      const year2019 = overview.trend.find((t) => t.year === 2019)!;
      assert.equal(year2019.nStatus, 'suppressed');
    }
    // Over 5 answers the viewer sees the same numbers as the adviser.
    const viewed = await getEvaluationOverview(database.db, viewer, { year: '2023' });
    assert.equal(viewed.n, 11);
    assertSameNumbers(viewed.figures.filter((f) => f.status !== 'suppressed'), { hub: 'Erhvervshus Nordjylland', year: 2023 });
    const referral = viewed.figures.find((f) => f.metric === 'referralUptakeShare')!;
    assert.equal(referral.status, computeEvaluationMetrics(fileResponses, { hub: 'Erhvervshus Nordjylland', year: 2023 }).referralUptakeShare.n < 5 ? 'suppressed' : 'ok');
  });

  it('lists the responses behind a metric for the hub’s adviser, a page at a time', async () => {
    const page = await listEvaluationResponses(database.db, adviser, { year: '2023', metric: 'nps' });
    assert.equal(page.total, 10);
    assert.equal(page.rows.length, 10);
    assert.deepEqual(page.rows.filter((r) => r.counted).map((r) => r.response.responseId), ['N23-01', 'N23-02', 'N23-07', 'N23-08', 'N23-11']);
    assert.equal(page.rows.find((r) => r.response.responseId === 'N23-09'), undefined, 'not answered: not in the population');
    const all = await listEvaluationResponses(database.db, adviser, { metric: 'all', page: '2' });
    assert.deepEqual([all.total, all.rows.length], [16, 0]);
  });

  it('refuses the drill-down to a viewer, KKR and a local office', async () => {
    for (const reader of [viewer, kkr, localOffice]) {
      await assert.rejects(listEvaluationResponses(database.db, reader, { metric: 'nps' }), isForbidden);
    }
  });

  it('refuses another region’s hub, and reports an invalid filter naming the value', async () => {
    await assert.rejects(getEvaluationOverview(database.db, adviser, { hub: 'Erhvervshus Midtjylland' }), isForbidden);
    await assert.rejects(getEvaluationOverview(database.db, adviser, { segment: 'stor' }), (e) => e instanceof AppError && e.code === 'validation' && /"stor"/.test(e.userMessage));
    await assert.rejects(getEvaluationOverview(database.db, adviser, { year: '23' }), (e) => e instanceof AppError && /"23"/.test(e.userMessage));
  });

  it('filters by theme and source, and takes the questions’ texts from the stored instrument', async () => {
    const SEMICOLON = fileURLToPath(new URL('../../../test/fixtures/evaluation/responses-semicolon.csv', import.meta.url));
    await importResponses(database.db, systemActor('Test'), readFileLines(SEMICOLON), { dryRun: false, now: new Date('2026-11-23T10:00:00Z') });
    const innovation = await getEvaluationOverview(database.db, adviser, { theme: 'innovation' });
    assert.equal(innovation.n, 1);
    const own = await getEvaluationOverview(database.db, adviser, { source: 'own', year: '2023' });
    assert.equal(own.n, computeEvaluationMetrics(fileResponses, { hub: 'Erhvervshus Nordjylland', source: 'own', year: 2023 }).n + 1);

    const row = await database.db.selectFrom('evaluation_instruments').select(['key', 'questions']).where('key', '=', '2021-2023').executeTakeFirstOrThrow();
    const questions = (row.questions as { key: string; da: string }[]).map((q) => (q.key === 'recommend' ? { ...q, da: 'Vil du anbefale os?' } : q));
    await database.db.updateTable('evaluation_instruments').set({ questions: JSON.stringify(questions) }).where('key', '=', '2021-2023').execute();
    await database.db.deleteFrom('evaluation_instruments').where('key', '=', '2019-2020').execute();
    const overview = await getEvaluationOverview(database.db, adviser, {});
    assert.equal(overview.distribution.find((d) => d.question === 'recommend')!.text.da, 'Vil du anbefale os?');
    assert.equal(overview.distribution.some((d) => d.question.startsWith('effect.')), false, 'no stored instrument asks the effect items now');
  });
});

describe('newCompanyShare from the CRM', () => {
  let database: TestDatabase;
  after(async () => database.drop());

  it('is the share of evaluated companies guided by the hub in the year that it did not guide the year before', async () => {
    database = await createTestDatabase();
    const hub = await makeOrganisation(database.db, { kind: 'hub', businessHubId: 'nordjylland' });
    const companies: Record<string, string> = {};
    for (const [cvr, name] of [['30521439', 'Ny'], ['28817649', 'Kendt'], ['37114251', 'Kun sidste år']] as const) {
      companies[cvr] = (await database.db.insertInto('companies').values({ name, cvr, source: 'manual' }).returning('id').executeTakeFirstOrThrow()).id;
    }
    const course = (cvr: string, start: string) => ({ company_id: companies[cvr]!, organisation_id: hub.id, business_hub_id: 'nordjylland', category: 'growth' as const, start_date: start });
    await database.db.insertInto('guidance_courses').values([course('30521439', '2023-03-01'), course('28817649', '2022-05-01'), course('28817649', '2023-02-01'), course('37114251', '2022-06-01')]).execute();
    await importResponses(database.db, systemActor('Test'), readFileLines(VALID), { dryRun: false, now: new Date('2026-11-23T10:00:00Z') });
    const adviser = await actorAt(database.db, { kind: 'hub', businessHubId: 'nordjylland' }, ['adviser']);

    const overview = await getEvaluationOverview(database.db, adviser, { year: '2023' });
    const share = overview.figures.find((f) => f.metric === 'newCompanyShare')!;
    assert.deepEqual([share.n, share.count, share.value?.toString()], [2, 1, '50']);
    const trend2023 = overview.trend.find((t) => t.year === 2023)!.figures.find((f) => f.metric === 'newCompanyShare')!;
    assert.equal(trend2023.value?.toString(), '50');
    const allYears = await getEvaluationOverview(database.db, adviser, {});
    assert.equal(allYears.figures.some((f) => f.metric === 'newCompanyShare'), false, 'only for a single guidance year');
  });
});
