import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describeCoursesStatsUsage, runCoursesStats } from './courses-stats.ts';
import type { CoursesStatsIo } from './courses-stats.ts';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/courses-nordjylland.csv', import.meta.url));
const BROKEN = fileURLToPath(new URL('../../../test/fixtures/courses-broken.csv', import.meta.url));

async function run(args: string[], extra: Partial<CoursesStatsIo> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: CoursesStatsIo = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), ...extra };
  const code = await runCoursesStats(args, io);
  return { code, ...out };
}

describe('knudepunkt courses stats', () => {
  it('computes Erhvervshus Nordjylland 2023 from the fixture, streamed from disk, as the spec’s JSON', async () => {
    // By hand, from test/fixtures/courses-nordjylland.csv (42 rows; 34 of Nordjylland):
    // Courses of Nordjylland counting in 2023 (a meeting in 2023, or no meetings and a 2023 start): 27.
    //   Not counting: EHN-2021-001 (meetings 2021-22), EHN-2022-001, -003, -004, -006, -007 (2022 only),
    //   EHN-2024-001 (2024). Counting although started in 2022: EHN-2022-002 (meeting 2023-02-08),
    //   EHN-2022-005 (started 2022-12-12, meetings only in 2023), EHN-2023-015 (meetings 31-12-2022 and
    //   04-01-2023). Counting although it starts in 2024: EHN-2023-017 (a meeting 2023-12-14, before start).
    // Per category: growth 9 (-2022-005, -2023-002, -007, -009, -010, -012, -016, -020, -025),
    //   operations 5 (-2022-002, -2023-004, -011, -017, -019), earlyWarning 3 (-2023-001, -013, -022),
    //   short 10 (the rest); 9 + 5 + 10 + 3 = 27.
    // Unique companies: 27 courses − 3 second courses of the same company = 24: Jammerbugt Tømrer
    //   (-003, -004), Mette Holms Keramik written two ways in 773 (-006, -007), Aars Metal (-019 in 820,
    //   -020 in 851). Nordkraft's Midtjylland course does not count for Nordjylland.
    // New companies: of the 24, those Nordjylland guided in 2022 are not new: Nordkraft (EHN-2022-001),
    //   Hjørring Maskinfabrik (-2022-002), Skagen Røgeri (-2022-003), Nordisk Kaffe Kompagni (a
    //   pre-starter spelled "Nordisk Kaffe Kompagni" in 0851 and "  nordisk  kaffe   kompagni " in 851),
    //   Thisted Bryghus (EHN-2021-001, meeting 2022-03-14), Frederikshavn Havneservice (its 2023 course
    //   had a meeting on 31-12-2022). 24 − 6 = 18. Brønderslev Smede (started 2022, no 2022 meeting) is new.
    // By municipality (courses' municipality_code): Aars Metal counts in both 820 and 851, so the
    //   companies add up to 25 and the courses to 27.
    const { code, stdout, stderr } = await run([FIXTURE, '--hub', 'Erhvervshus Nordjylland', '--year', '2023', '--json']);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    assert.deepEqual(JSON.parse(stdout), {
      uniqueCompanies: 24,
      newCompanies: 18,
      courses: { growth: 9, operations: 5, short: 10, earlyWarning: 3 },
      byMunicipality: {
        '773': { uniqueCompanies: 2, courses: 3 }, // Mette Holms Keramik (2 courses), Nykøbing Mors Autoværksted
        '787': { uniqueCompanies: 2, courses: 2 }, // Thy Surf & Kajak, Thisted Bryghus
        '810': { uniqueCompanies: 1, courses: 1 }, // Brønderslev Smede- og VVS
        '813': { uniqueCompanies: 4, courses: 4 }, // Skagen Røgeri, Frederikshavn Havneservice, Sæby Maritime, Skagen Kunsthåndværk
        '820': { uniqueCompanies: 2, courses: 2 }, // Vesthimmerlands Frugtplantage, Aars Metal
        '825': { uniqueCompanies: 1, courses: 1 }, // Læsø Saltsyderi
        '840': { uniqueCompanies: 1, courses: 1 }, // Rebild Bioenergi
        '846': { uniqueCompanies: 1, courses: 1 }, // Hobro Trælast
        '849': { uniqueCompanies: 2, courses: 3 }, // Jammerbugt Tømrer (2 courses), Løkken Strandhotel
        '851': { uniqueCompanies: 6, courses: 6 }, // Nordkraft, Nordisk Kaffe Kompagni, Aalborg Robotteknik, Nørresundby Bageri, Aars Metal, Aalborg Arkitekter
        '860': { uniqueCompanies: 3, courses: 3 }, // Hjørring Maskinfabrik, Hirtshals Fiskeindustri, Hjørring Dyreklinik
      },
    });
    assert.match(stdout, /^\{\n {2}"uniqueCompanies": 24,\n {2}"newCompanies": 18,\n {2}"courses": \{\n {4}"growth": 9,/);
  });

  it('computes the year before and another hub from the same file', async () => {
    // 2022: Thisted Bryghus, Nordkraft, Hjørring Maskinfabrik, Skagen Røgeri, Nordisk Kaffe Kompagni,
    // Mariager Is, Hals Camping (no meetings, started 2022), Frederikshavn Havneservice (meeting
    // 31-12-2022) = 8 courses and 8 companies; Thisted Bryghus was guided in 2021 too, so 7 are new.
    const nord2022 = await run([FIXTURE, '--hub=Erhvervshus Nordjylland', '--year=2022', '--json']);
    assert.deepEqual(JSON.parse(nord2022.stdout), {
      uniqueCompanies: 8,
      newCompanies: 7,
      courses: { growth: 2, operations: 1, short: 4, earlyWarning: 1 },
      byMunicipality: {
        '787': { uniqueCompanies: 1, courses: 1 },
        '813': { uniqueCompanies: 2, courses: 2 },
        '846': { uniqueCompanies: 1, courses: 1 },
        '851': { uniqueCompanies: 3, courses: 3 },
        '860': { uniqueCompanies: 1, courses: 1 },
      },
    });
    // Midtjylland 2023: Nordkraft (guided by both hubs counts for each), Randers Reb, Viborg Landbrugsteknik.
    const midt = await run([FIXTURE, '--hub', 'Midtjylland', '--year', '2023', '--json']);
    assert.deepEqual(JSON.parse(midt.stdout), {
      uniqueCompanies: 3,
      newCompanies: 3,
      courses: { growth: 2, operations: 1, short: 0, earlyWarning: 0 },
      byMunicipality: { '730': { uniqueCompanies: 1, courses: 1 }, '751': { uniqueCompanies: 1, courses: 1 }, '791': { uniqueCompanies: 1, courses: 1 } },
    });
  });

  it('prints a readable Danish summary without --json', async () => {
    const { code, stdout } = await run([FIXTURE, '--hub', 'nordjylland', '--year', '2023']);
    assert.equal(code, 0);
    assert.match(stdout, /^Forløbsstatistik 2023 – Erhvervshus Nordjylland\n/);
    assert.match(stdout, /\nUnikke virksomheder: 24\n/);
    assert.match(stdout, /\nNye virksomheder: {4}18 \(vejledt i 2023, men ikke i 2022 af samme erhvervshus\)\n/);
    assert.match(stdout, /\n {2}Korte forløb {7}10\n/);
    assert.match(stdout, /\n {2}I alt {14}27\n/);
    assert.match(stdout, /\n {2}851 Aalborg {20}6 {7}6\n/);
    assert.match(stdout, /tælles med i hver af dem, men kun én gang i alt\.\n$/);
  });

  it('gives no figures for a file with invalid rows: every error on stderr with its line, exit code 2', async () => {
    const { code, stdout, stderr } = await run([BROKEN, '--hub', 'Erhvervshus Nordjylland', '--year', '2023', '--json']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.deepEqual(stderr.trimEnd().split('\n'), [
      'Linje 3, kolonne "cvr": "12345679" er ikke et gyldigt CVR-nummer (modulus 11).',
      'Linje 4, kolonne "company_name": feltet er tomt – navnet skal udfyldes, når cvr er tom (førstarter).',
      'Linje 5, kolonne "municipality_code": "081" er en regionskode (Region Nordjylland), ikke en kommunekode.',
      'Linje 5, kolonne "hub": "Erhvervshus Nord" er ikke et erhvervshus – brug et af: Erhvervshus Fyn, Erhvervshus Hovedstaden, Erhvervshus Midtjylland, Erhvervshus Nordjylland, Erhvervshus Sjælland, Erhvervshus Sydjylland.',
      'Linje 5, kolonne "end_date": "2023-04-01" ligger før start_date (2023-05-01).',
      'Linje 6 har 13 felter, men overskriften har 12. Står der semikolon i themes eller meeting_dates uden anførselstegn? Skriv fx "innovation;finance".',
      'Linje 7, kolonne "course_id": "EHN-2023-101" står allerede i linje 2.',
      'Linje 7, kolonne "start_date": "31-02-2023" er ikke en gyldig dato – skriv 31-12-2023 eller 2023-12-31.',
      `Filen "${BROKEN}" har 5 ugyldige rækker (8 fejl). Der er ikke beregnet tal – ret fejlene og kør kommandoen igen.`,
    ]);
  });

  it('refuses an unknown hub with exit code 2, naming the valid hubs', async () => {
    const { code, stdout, stderr } = await run([FIXTURE, '--hub', 'Erhvervshus Nordjyland', '--year', '2023']);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(
      stderr,
      'Ukendt erhvervshus "Erhvervshus Nordjyland". Gyldige erhvervshuse: Erhvervshus Fyn, Erhvervshus Hovedstaden, Erhvervshus Midtjylland, Erhvervshus Nordjylland, Erhvervshus Sjælland, Erhvervshus Sydjylland.\n',
    );
  });

  it('exits 1 when the file cannot be read, also when reading fails halfway', async () => {
    const missing = await run(['findes-ikke.csv', '--hub', 'Nordjylland', '--year', '2023']);
    assert.deepEqual([missing.code, missing.stderr], [1, 'Kan ikke læse filen "findes-ikke.csv": filen findes ikke.\n']);
    const folder = await run([fileURLToPath(new URL('.', import.meta.url)), '--hub', 'Nordjylland', '--year', '2023']);
    assert.equal(folder.code, 1);
    assert.match(folder.stderr, /det er en mappe, ikke en fil\.\n$/);
    async function* failing(): AsyncGenerator<string> {
      yield 'course_id,cvr,company_name,municipality_code,hub,category,segment,themes,target_group,start_date,end_date,meeting_dates';
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    const halfway = await run(['eksport.csv', '--hub', 'Nordjylland', '--year', '2023'], { openLines: () => failing() });
    assert.deepEqual([halfway.code, halfway.stdout, halfway.stderr], [1, '', 'Kan ikke læse filen "eksport.csv": EIO: i/o error, read.\n']);
  });

  it('reads lines from the io when it gives them, e.g. a semicolon file with CRLF', async () => {
    const text = '\uFEFFcourse_id;cvr;company_name;municipality_code;hub;category;segment;themes;target_group;start_date;end_date;meeting_dates\r\n' +
      'A-1;30521439;Nordkraft Software ApS;851;Erhvervshus Nordjylland;Vækstforløb;vækst;"innovation;finance";;01-03-2023;;"01-03-2023;15-12-2023"\r';
    const lines = async function* () {
      yield* text.split('\n');
    };
    const { code, stdout } = await run(['eksport.csv', '--hub', 'Nordjylland', '--year', '2023', '--json'], { openLines: () => lines() });
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout).courses, { growth: 1, operations: 0, short: 0, earlyWarning: 0 });
  });

  const usage: [string[], string][] = [
    [['--hub', 'Nordjylland', '--year', '2023'], 'Angiv forløbsfilen (CSV).'],
    [[FIXTURE, '--year', '2023'], 'Angiv erhvervshuset med --hub, fx --hub "Erhvervshus Nordjylland".'],
    [[FIXTURE, '--hub', 'Nordjylland'], 'Angiv året med --year, fx --year 2023.'],
    [[FIXTURE, '--hub', 'Nordjylland', '--year', '23'], '--year skal være et årstal som 2023, ikke "23".'],
    [[FIXTURE, '--hub', 'Nordjylland', '--year'], '--year mangler en værdi.'],
    [[FIXTURE, '--hub', 'Nordjylland', '--year', '2023', '--csv'], 'Ukendt flag "--csv".'],
    [[FIXTURE, FIXTURE, '--hub', 'Nordjylland', '--year', '2023'], `Angiv kun én forløbsfil – fik "${FIXTURE}", "${FIXTURE}".`],
  ];
  for (const [args, message] of usage) {
    it(`refuses bad usage with exit code 2: ${message}`, async () => {
      const { code, stdout, stderr } = await run(args);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.ok(stderr.startsWith(`${message}\n\nBrug: knudepunkt courses stats`), stderr);
    });
  }

  it('prints its usage with --help', async () => {
    const { code, stdout } = await run(['--help']);
    assert.equal(code, 0);
    assert.equal(stdout, `${describeCoursesStatsUsage()}\n`);
    assert.match(describeCoursesStatsUsage(), /^knudepunkt courses stats <forløb\.csv> --hub NAVN --year ÅR \[--json\]/);
  });
});
