// The synthetic data set through the real command (`knudepunkt demo generate --scale small`) into a
// fresh database: PGlite in a temporary DATA_DIR, and PostgreSQL when TEST_DATABASE_URL is set. The
// issue's smoke run, so the generator cannot rot. No timings are asserted.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'kysely';
import pg from 'pg';
import { testServerUrl } from '../../../../test/helpers/database.ts';
import { main } from '../../../cli/main.ts';
import type { CliIo } from '../../../cli/io.ts';
import { guidedCompanies, type CountableCourse } from '../../../domain/guidance/year-counting.ts';
import { openDatabase, type Database } from '../../database.ts';
import { migrate } from '../../migrate.ts';
import { generateCompanies } from './companies.ts';
import { SYNTHETIC_TODAY, syntheticCounts } from './context.ts';
import { syntheticTables } from './generate.ts';
import { copyText } from './load.ts';

const seed = 777;

function captureIo(env: Record<string, string | undefined>) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    readFile: async () => '',
    readStdin: async () => '',
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    env: { LOG_LEVEL: 'silent', ...env },
  };
  return { io, out };
}

interface Target {
  env: Record<string, string>;
  open(): Promise<Database>;
  dispose(): Promise<void>;
}

function pgliteTarget(): Target {
  const dataDir = mkdtempSync(join(tmpdir(), 'kp-synthetic-'));
  return {
    env: { DATA_DIR: dataDir, DATABASE_URL: '' },
    open: () => openDatabase({ pgliteDir: join(dataDir, 'pglite') }),
    dispose: async () => rmSync(dataDir, { recursive: true, force: true }),
  };
}

async function postgresTarget(serverUrl: string): Promise<Target> {
  const name = `kp_test_synthetic_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ databaseUrl: url.toString() }),
    async dispose() {
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/** Rows per table of the generated data set (company_regions appears twice: own region, then shared). */
function generatedCounts(seedValue: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const table of syntheticTables('small', seedValue)) {
    let rows = 0;
    for (const _ of table.rows) rows++;
    counts.set(table.table, (counts.get(table.table) ?? 0) + rows);
  }
  return counts;
}

function digest(seedValue: number): string {
  const hash = createHash('sha256');
  for (const table of syntheticTables('small', seedValue)) {
    hash.update(table.table);
    for (const chunk of copyText(table)) hash.update(chunk);
  }
  return hash.digest('hex');
}

const count = async (database: Database, query: ReturnType<typeof sql<{ n: number }>>) => Number((await query.execute(database.db)).rows[0]?.n);

describe('knudepunkt demo generate: arguments', () => {
  for (const [args, message] of [
    [['generate'], /Angiv --scale/],
    [['generate', '--scale', 'huge'], /Ugyldig --scale "huge"/],
    [['generate', '--scale', 'small', '--seed=-3'], /Ugyldig --seed "-3": skal være et heltal mellem 0 og 4294967295/],
    [['generate', '--scale', 'small', '--seed', '-3'], /Tilvalget "--seed" mangler en værdi/],
    [['generate', '--scale', 'small', '--seed', '4294967296'], /Ugyldig --seed "4294967296"/],
    [['generate', '--scale', 'small', 'ekstra'], /Uventet argument "ekstra"/],
    [['generate', '--scale', 'small', '--seed', 'abc'], /Ugyldig --seed "abc"/],
    [['generate', '--scale', 'small', '--rows', '5'], /Ukendt tilvalg "--rows"/],
    [['generer'], /Ukendt underkommando "generer"/],
  ] as const) {
    it(`refuses "demo ${args.join(' ')}" with exit code 2 and a Danish message`, async () => {
      const { io, out } = captureIo({ DATA_DIR: '/nonexistent-never-opened' });
      assert.equal(await main(['demo', ...args], io), 2);
      assert.match(out.stderr, message);
    });
  }

  it('explains itself in Danish under --help', async () => {
    const { io, out } = captureIo({});
    assert.equal(await main(['demo', '--help'], io), 0);
    assert.match(out.stdout, /knudepunkt demo generate --scale small\|region\|national \[--seed N\]/);
    assert.match(out.stdout, /kan ikke logge ind/);
  });
});

describe('the synthetic data set, without a database', () => {
  it('is deterministic: the same seed gives the same rows, another seed others', () => {
    assert.equal(digest(seed), digest(seed));
    assert.notEqual(digest(seed), digest(seed + 1));
  });

  it('makes the small scale\'s companies a prefix of the larger scales\'', () => {
    const small = [...generateCompanies({ count: syntheticCounts.small.companies, seed })];
    const larger = generateCompanies({ count: syntheticCounts.region.companies, seed });
    for (const company of small) assert.deepEqual(larger.next().value, company);
  });
});

const targets: [string, () => Promise<Target>][] = [['PGlite', async () => pgliteTarget()]];
const serverUrl = testServerUrl();
if (serverUrl) targets.push(['PostgreSQL', () => postgresTarget(serverUrl)]);

for (const [label, makeTarget] of targets) {
  describe(`knudepunkt demo generate --scale small into ${label}`, { timeout: 120_000 }, () => {
    let target: Target;
    let database: Database;
    let first: { stdout: string; stderr: string };
    const expected = generatedCounts(seed);

    let refusedRealData: { code: number; stderr: string; companies: number; organisations: number };

    before(async () => {
      target = await makeTarget();
      // First with one real (non-demo) organisation in the database: refused. Then without it: loaded.
      database = await target.open();
      await migrate(database);
      await database.db.insertInto('organisations').values({ name: 'Erhvervshus Rigtig', kind: 'external' }).execute();
      await database.close();
      const refused = captureIo(target.env);
      const code = await main(['demo', 'generate', '--scale', 'small'], refused.io);
      database = await target.open();
      refusedRealData = {
        code,
        stderr: refused.out.stderr,
        companies: await count(database, sql<{ n: number }>`select count(*)::int as n from companies`),
        organisations: await count(database, sql<{ n: number }>`select count(*)::int as n from organisations`),
      };
      await database.db.deleteFrom('organisations').where('name', '=', 'Erhvervshus Rigtig').execute();
      await database.close();

      const { io, out } = captureIo(target.env);
      assert.equal(await main(['demo', 'generate', '--scale', 'small', '--seed', String(seed)], io), 0, out.stderr);
      first = out;
      database = await target.open();
    });
    after(async () => {
      await database?.close();
      await target?.dispose();
    });

    it('refuses a database that holds real data, and loads nothing into it', () => {
      assert.equal(refusedRealData.code, 1);
      assert.match(refusedRealData.stderr, /Databasen indeholder rigtige data \(1 organisationer, der ikke er demo\)\. Syntetiske data indlæses ikke\./);
      assert.deepEqual([refusedRealData.companies, refusedRealData.organisations], [0, 1]);
    });

    it('loads the counts of the small scale, per table, and says so on stdout with progress on stderr', async () => {
      const tables = ['organisations', 'users', 'companies', 'company_regions', 'guidance_courses', 'course_meetings', 'activities', 'activity_companies', 'notes', 'referrals', 'referral_events', 'evaluation_responses'];
      const marked = ['organisations', 'users', 'companies', 'guidance_courses', 'activities', 'referrals', 'evaluation_responses'];
      for (const table of tables) {
        const n = await count(database, sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where ${sql.raw(marked.includes(table) ? 'is_demo' : 'true')}`);
        assert.equal(n, expected.get(table), table);
      }
      assert.equal(expected.get('organisations'), 6 + 98 + 5 + 4);
      assert.equal(expected.get('companies'), syntheticCounts.small.companies);
      assert.equal(expected.get('guidance_courses'), syntheticCounts.small.courses);
      assert.equal(expected.get('activities'), syntheticCounts.small.activities);
      assert.equal(expected.get('referrals'), syntheticCounts.small.referrals);
      assert.equal(expected.get('evaluation_responses'), syntheticCounts.small.evaluationResponses);
      assert.equal(await count(database, sql<{ n: number }>`select count(*)::int as n from business_hubs`), 6);
      assert.match(first.stdout, /Syntetiske demodata indlæst: skala small, frø 777/);
      assert.match(first.stdout, /guidance_courses\s+1\.350 rækker/);
      assert.match(first.stderr, /activities: 6\.700 rækker på [\d.]+ s \([\d.]+ rækker\/s\)/);
    });

    it('loads exactly the generated rows: the same ids as a second generation from the seed', async () => {
      // The tables in load order: a later table's rows depend on the earlier ones having been generated.
      let ids: string[] = [];
      for (const table of syntheticTables('small', seed)) {
        const rows = [...table.rows];
        if (table.table === 'guidance_courses') ids = rows.map((row) => String(row[0])).sort();
      }
      const loaded = (await database.db.selectFrom('guidance_courses').select('id').orderBy('id').execute()).map((row) => row.id);
      assert.deepEqual(loaded, ids);
    });

    it('keeps every foreign key and the sharing rule: a company is shared with every region that guides or visits it', async () => {
      const unvalidated = await count(database, sql<{ n: number }>`select count(*)::int as n from pg_constraint where contype = 'f' and not convalidated`);
      assert.equal(unvalidated, 0);
      const unsharedCourses = await count(database, sql<{ n: number }>`
        select count(*)::int as n from guidance_courses g join business_hubs h on h.id = g.business_hub_id
         where not exists (select 1 from company_regions cr where cr.company_id = g.company_id and cr.region_code = h.region_code)`);
      assert.equal(unsharedCourses, 0);
      const unsharedActivities = await count(database, sql<{ n: number }>`
        select count(*)::int as n from activity_companies ac join activities a on a.id = ac.activity_id
          join organisations o on o.id = a.organisation_id
          left join business_hubs h on h.id = o.business_hub_id left join municipalities m on m.code = o.municipality_code
         where not exists (select 1 from company_regions cr where cr.company_id = ac.company_id and cr.region_code = coalesce(h.region_code, m.region_code))`);
      assert.equal(unsharedActivities, 0);
      const foreignAdvisers = await count(database, sql<{ n: number }>`
        select count(*)::int as n from guidance_courses g join users u on u.id = g.adviser_user_id where u.organisation_id <> g.organisation_id`);
      assert.equal(foreignAdvisers, 0);
      const outsideHub = await count(database, sql<{ n: number }>`
        select count(*)::int as n from guidance_courses g join companies c on c.id = g.company_id join municipalities m on m.code = c.municipality_code
         where m.business_hub_id <> g.business_hub_id`);
      assert.ok(outsideHub > 0 && outsideHub < syntheticCounts.small.courses * 0.2, `courses outside their hub's area: ${outsideHub}`);
      const loginable = await count(database, sql<{ n: number }>`select count(*)::int as n from users where password_hash is not null`);
      assert.equal(loginable, 0);
    });

    it('gives every course dates, meetings and a status consistent with each other and with the data set\'s today', async () => {
      const today = SYNTHETIC_TODAY;
      const inconsistent = await count(database, sql<{ n: number }>`
        select count(*)::int as n from guidance_courses g
         where (g.status = 'planned') <> (g.start_date > ${today}::date)
            or (g.status = 'completed' and not (g.end_date < ${today}::date))
            or (g.status = 'cancelled' and not (g.end_date <= ${today}::date))
            or (g.status = 'active' and g.end_date < ${today}::date)
            or (g.status = 'planned') = exists (select 1 from course_meetings cm where cm.course_id = g.id)
            or exists (select 1 from course_meetings cm where cm.course_id = g.id
                        and (cm.meeting_date < g.start_date or cm.meeting_date > coalesce(least(g.end_date, ${today}::date), ${today}::date)))`);
      assert.equal(inconsistent, 0);
      const statuses = await database.db.selectFrom('guidance_courses').select('status').distinct().orderBy('status').execute();
      assert.deepEqual(statuses.map((row) => row.status), ['active', 'cancelled', 'completed', 'planned']);
      const years = await database.db.selectFrom('course_meetings').select(sql<number>`extract(year from meeting_date)::int`.as('year')).distinct().orderBy('year').execute();
      assert.deepEqual(years.map((row) => row.year), [2022, 2023, 2024, 2025, 2026]);
    });

    it('gives the year counting rule non-zero figures for each hub and year 2022–2026', async () => {
      const rows = await database.db
        .selectFrom('guidance_courses as g')
        .innerJoin('business_hubs as h', 'h.id', 'g.business_hub_id')
        .innerJoin('companies as c', 'c.id', 'g.company_id')
        .select(['g.id', 'h.name as hub', 'g.start_date', 'c.cvr', 'c.name', 'c.municipality_code'])
        .execute();
      const meetings = await database.db.selectFrom('course_meetings').select(['course_id', 'meeting_date']).orderBy('meeting_date').execute();
      const byCourse = new Map<string, string[]>();
      for (const meeting of meetings) byCourse.set(meeting.course_id, [...(byCourse.get(meeting.course_id) ?? []), String(meeting.meeting_date)]);
      const courses: CountableCourse[] = rows.map((row) => ({
        hub: row.hub,
        startDate: String(row.start_date),
        meetingDates: byCourse.get(row.id) ?? [],
        cvr: row.cvr,
        companyName: row.name,
        municipalityCode: row.municipality_code ?? '',
      }));
      const hubs = await database.db.selectFrom('business_hubs').select('name').orderBy('name').execute();
      for (const { name } of hubs) {
        for (const year of [2022, 2023, 2024, 2025, 2026]) {
          assert.ok(guidedCompanies(courses, name, year).size > 0, `${name} ${year}`);
        }
      }
    });

    it('makes events collective (several companies, participant counts) and notes both internal and shared', async () => {
      const events = await database.db
        .selectFrom('activities as a')
        .leftJoin('activity_companies as ac', 'ac.activity_id', 'a.id')
        .select(['a.kind', 'a.participant_count', sql<number>`count(ac.company_id)::int`.as('companies')])
        .groupBy(['a.id', 'a.kind', 'a.participant_count'])
        .execute();
      assert.ok(events.every((row) => row.companies >= 1), 'every activity concerns a company');
      assert.ok(events.every((row) => (row.kind === 'event') === (row.participant_count !== null)), 'participants on events only');
      assert.ok(events.filter((row) => row.kind === 'event').every((row) => (row.participant_count ?? 0) >= row.companies));
      assert.ok(events.some((row) => row.kind === 'event' && row.companies >= 3));
      assert.deepEqual(new Set(events.map((row) => row.kind)), new Set(['visit', 'meeting', 'call', 'email', 'event']));
      const visibilities = await database.db.selectFrom('notes').select('visibility').distinct().orderBy('visibility').execute();
      assert.deepEqual(visibilities.map((row) => row.visibility), ['internal', 'shared']);
    });

    it('walks every referral through the state machine up to the data set\'s today, its history matching its state', async () => {
      const broken = await count(database, sql<{ n: number }>`
        select count(*)::int as n from referrals r
         where (r.state in ('received', 'contacted', 'inProgress', 'closed') and r.received_at is null)
            or (r.state in ('contacted', 'inProgress', 'closed') and r.contacted_at is null)
            or ((r.state in ('closed', 'rejected', 'withdrawn')) <> (r.closed_at is not null))
            or (r.state = 'sent' and (r.received_at is not null or r.contacted_at is not null))
            or r.received_at < r.created_at or r.contacted_at < r.received_at or r.closed_at < r.created_at
            or greatest(r.created_at, r.received_at, r.contacted_at, r.closed_at) >= ${`${SYNTHETIC_TODAY}T00:00:00Z`}::timestamptz
            or r.state <> (select e.to_state from referral_events e where e.referral_id = r.id order by e.at desc, e.id desc limit 1)
            or 1 <> (select count(*) from referral_events e where e.referral_id = r.id and e.from_state is null and e.to_state = 'sent' and e.at = r.created_at)`);
      assert.equal(broken, 0);
      const states = await database.db.selectFrom('referrals').select('state').distinct().orderBy('state').execute();
      const seen = new Set<string>(states.map((row) => row.state));
      for (const state of ['closed', 'inProgress', 'rejected', 'withdrawn']) assert.ok(seen.has(state), state);
      assert.ok(seen.has('sent') || seen.has('received') || seen.has('contacted'), 'some referrals are still waiting or just contacted');
      const late = await count(database, sql<{ n: number }>`select count(*)::int as n from referrals where contacted_at > created_at + interval '48 hours'`);
      assert.ok(late > 0, 'some first contacts miss the service goal');
      const unflagged = await count(database, sql<{ n: number }>`
        select count(*)::int as n from referrals
         where overdue_at is null and state in ('sent', 'received') and contacted_at is null
           and created_at + service_goal_hours * interval '1 hour' <= ${`${SYNTHETIC_TODAY}T00:00:00Z`}::timestamptz`);
      assert.equal(unflagged, 0, 'nothing left for the overdue job to flag at the data set\'s today');
      const flagged = await count(database, sql<{ n: number }>`
        select count(*)::int as n from referrals where overdue_at is not null
           and (overdue_at <> created_at + service_goal_hours * interval '1 hour' or contacted_at <= overdue_at)`);
      assert.equal(flagged, 0, 'flagged at the deadline, and only when not contacted by then');
      assert.ok(late > 0);
      const unshared = await count(database, sql<{ n: number }>`
        select count(*)::int as n from referrals r where not exists (select 1 from company_regions cr where cr.company_id = r.company_id and cr.region_code = r.region_code)`);
      assert.equal(unshared, 0);
    });

    it('answers the evaluation for guided companies with the questions of the instrument in use', async () => {
      const broken = await count(database, sql<{ n: number }>`
        select count(*)::int as n from evaluation_responses e join companies c on c.id = e.company_id
         where e.cvr is distinct from c.cvr or e.municipality_code <> c.municipality_code
            or e.guidance_year not between 2022 and 2026 or e.answered_at > ${SYNTHETIC_TODAY}::date
            or extract(year from e.answered_at) < e.guidance_year
            or coalesce(e.effect_strategy, e.effect_operations, e.effect_unrecognised_challenges) is not null
            or (e.used_referral is not null and e.referred is distinct from 'yes')
            or not exists (select 1 from guidance_courses g join course_meetings cm on cm.course_id = g.id
                            where g.company_id = e.company_id and g.business_hub_id = e.business_hub_id
                              and extract(year from cm.meeting_date) = e.guidance_year)`);
      assert.equal(broken, 0);
      const recommend = await count(database, sql<{ n: number }>`select count(distinct recommend)::int as n from evaluation_responses`);
      assert.ok(recommend >= 8, `recommend spreads over the scale (${recommend} values)`);
      const years = await database.db.selectFrom('evaluation_responses').select('guidance_year').distinct().orderBy('guidance_year').execute();
      assert.deepEqual(years.map((row) => row.guidance_year), [2022, 2023, 2024, 2025, 2026]);
    });

    it('re-creates the secondary indexes and foreign keys it dropped for the load', async () => {
      const keys = await sql<{ conname: string }>`select conname from pg_constraint where contype = 'f'`.execute(database.db);
      const presentKeys = new Set(keys.rows.map((row) => row.conname));
      for (const name of ['users_organisation_id_fkey', 'guidance_courses_company_id_fkey', 'course_meetings_course_id_fkey', 'activity_companies_company_id_fkey', 'notes_organisation_id_fkey', 'referrals_company_id_fkey', 'referral_events_referral_id_fkey', 'evaluation_responses_company_id_fkey', 'company_regions_company_id_fkey']) {
        assert.ok(presentKeys.has(name), name);
      }
      const names = await sql<{ indexname: string }>`select indexname from pg_indexes where schemaname = current_schema()`.execute(database.db);
      const present = new Set(names.rows.map((row) => row.indexname));
      for (const name of ['companies_name_trigram', 'companies_name_order', 'companies_cvr_prefix', 'guidance_courses_hub_start', 'course_meetings_course', 'activities_date', 'activity_companies_company', 'notes_subject', 'users_organisation', 'referrals_inbox', 'referral_events_referral', 'evaluation_responses_hub_year']) {
        assert.ok(present.has(name), name);
      }
    });

    it('refuses a second run (the database already holds demo data) and changes nothing', async () => {
      await database.close();
      const { io, out } = captureIo(target.env);
      assert.equal(await main(['demo', 'generate', '--scale', 'small', '--seed', String(seed)], io), 1);
      assert.match(out.stderr, /allerede demodata/);
      assert.equal(out.stdout, '');
      database = await target.open();
      assert.equal(await count(database, sql<{ n: number }>`select count(*)::int as n from companies`), syntheticCounts.small.companies);
    });
  });
}
