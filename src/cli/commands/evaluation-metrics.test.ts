import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { describeEvaluationMetricsUsage, runEvaluationMetrics } from './evaluation-metrics.ts';
import type { EvaluationMetricsIo } from './evaluation-metrics.ts';
import { main } from '../main.ts';
import { responseCsvColumns } from '../../domain/evaluation/responses-csv.ts';
import type { CliIo } from '../io.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../../test/fixtures/${name}`, import.meta.url));
const RESPONSES = fixture('evaluation/responses.csv');
const SEMICOLON = fixture('evaluation/responses-semicolon.csv');
const BROKEN = fixture('evaluation/responses-broken.csv');
const COURSES = fixture('courses-nordjylland.csv');

async function run(args: string[], extra: Partial<EvaluationMetricsIo> = {}) {
  const out = { stdout: '', stderr: '' };
  const io: EvaluationMetricsIo = { stdout: (t) => void (out.stdout += t), stderr: (t) => void (out.stderr += t), ...extra };
  const code = await runEvaluationMetrics(args, io);
  return { code, ...out };
}
const none = { value: null, n: 0, count: 0, exact: null, interval95: null };

describe('knudepunkt evaluation metrics', () => {
  it('computes every metric over the whole fixture as the spec’s JSON, with exact values and intervals', async () => {
    // By hand, from test/fixtures/evaluation/responses.csv (18 responses):
    // recommend answered in 17 (N23-09 is blank): promoters N23-01, -02, -07, -08, -11, M23-01, N19-01, -04 = 8;
    //   passives N23-03, -04, N19-02, -05 = 4; detractors N23-05, -06, -10, M23-02, N19-03 = 5 → 100 × 3/17.
    // staff_competence answered in 17, "Meget tilfreds" in any case or spacing 9 times ("Ved ikke" twice counts).
    // expected_effect answered in 12 (not in 2019 nor N23-09), "I høj grad" 6 times (N23-03, -10 say "Ved ikke").
    // Effect items answered in N19-01, -02, -03, -05 (N19-04 none): high or some in -01, -02, -05; high in -01, -05.
    // Referred = Ja with used_referral answered: N23-01, -02, -06, -07, -11, M23-01 (N23-04 blank, N23-05's
    //   Ja is without referral); used = Ja: N23-01, -07, -11, M23-01 → 4/6.
    // digital_guidance = Ja with expected_effect answered: N23-01, -03, -04, -07, -08, -10, M23-01; high: 5.
    const { code, stdout, stderr } = await run([RESPONSES, '--json']);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    assert.deepEqual(JSON.parse(stdout), {
      n: 18,
      metrics: {
        nps: { value: 17.6, n: 17, promoters: 8, passives: 4, detractors: 5, exact: '300/17', interval95: { low: -23.1, high: 58.4 } },
        veryPleasedShare: { value: 52.9, n: 17, count: 9, exact: '900/17', interval95: { low: 31, high: 73.8 } },
        expectedEffectHighShare: { value: 50, n: 12, count: 6, exact: '50', interval95: { low: 25.4, high: 74.6 } },
        effectMediumShare: { value: 75, n: 4, count: 3, exact: '75', interval95: { low: 30.1, high: 95.4 } },
        effectHighShare: { value: 50, n: 4, count: 2, exact: '50', interval95: { low: 15, high: 85 } },
        referralUptakeShare: { value: 66.7, n: 6, count: 4, exact: '200/3', interval95: { low: 30, high: 90.3 } },
        digitalEffectHighShare: { value: 71.4, n: 7, count: 5, exact: '500/7', interval95: { low: 35.9, high: 91.8 } },
      },
    });
    assert.match(stdout, /^\{\n {2}"n": 18,\n {2}"metrics": \{\n {4}"nps": \{\n {6}"value": 17\.6,\n {6}"n": 17,\n {6}"promoters": 8,/);
  });

  it('filters by hub and year and computes newCompanyShare from a courses CSV', async () => {
    // Erhvervshus Nordjylland 2023: N23-01 … N23-11 (the hub written "erhvervshus nordjylland" in N23-04).
    // newCompanyShare: evaluated companies with a CVR number that Nordjylland guided in 2023 (courses CSV):
    //   Nordkraft, Hjørring Maskinfabrik, Skagen Røgeri (all three guided in 2022 too), Brønderslev Smede
    //   (started 2022, meetings only in 2023: new), Læsø Saltsyderi, Jammerbugt Tømrer (two responses,
    //   one company), Aalborg Robotteknik (municipality written 0851), Aalborg Arkitekter (CVR written
    //   "DK 44 50 71 37") = 8, of which 5 are new. Mariager Is (N23-09) was guided in 2022 only, and
    //   N23-08 has no CVR number: both outside the population.
    const { code, stdout, stderr } = await run([RESPONSES, '--hub', 'Nordjylland', '--year=2023', '--courses', COURSES, '--json']);
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), {
      n: 11,
      metrics: {
        nps: { value: 20, n: 10, promoters: 5, passives: 2, detractors: 3, exact: '20', interval95: { low: -34, high: 74 } },
        veryPleasedShare: { value: 50, n: 10, count: 5, exact: '50', interval95: { low: 23.7, high: 76.3 } },
        expectedEffectHighShare: { value: 50, n: 10, count: 5, exact: '50', interval95: { low: 23.7, high: 76.3 } },
        effectMediumShare: none,
        effectHighShare: none,
        referralUptakeShare: { value: 60, n: 5, count: 3, exact: '60', interval95: { low: 23.1, high: 88.2 } },
        digitalEffectHighShare: { value: 66.7, n: 6, count: 4, exact: '200/3', interval95: { low: 30, high: 90.3 } },
        newCompanyShare: { value: 62.5, n: 8, count: 5, exact: '125/2', interval95: { low: 30.6, high: 86.3 } },
      },
    });
  });

  const filterCases: { args: string[]; n: number; nps: object; check?: Record<string, object> }[] = [
    // N23-02, -03, -06, -07, -09 and M23-01 (drift and operations both mean operations).
    { args: ['--segment', 'drift', '--year', '2023'], n: 6, nps: { value: 40, n: 5, promoters: 3, passives: 1, detractors: 1, exact: '40' }, check: { veryPleasedShare: { value: 60, n: 5, count: 3 } } },
    // 851 and 0851 are the same municipality: N23-01, -10, -11, N19-04.
    { args: ['--municipality', '0851'], n: 4, nps: { value: 50, n: 4, promoters: 3, passives: 0, detractors: 1, exact: '50' } },
    // N23-03 (8), N23-06 (0), N19-05 (8): a negative NPS, rounded half away from zero.
    { args: ['--source', 'own'], n: 3, nps: { value: -33.3, n: 3, promoters: 0, passives: 2, detractors: 1, exact: '-100/3' } },
    // The 2019 instrument: only the effect items, no expected effect or referral questions.
    {
      args: ['--hub', 'Erhvervshus Nordjylland', '--year', '2019'],
      n: 5,
      nps: { value: 20, n: 5, promoters: 2, passives: 2, detractors: 1, exact: '20' },
      check: { effectMediumShare: { value: 75, n: 4, count: 3 }, effectHighShare: { value: 50, n: 4, count: 2 }, expectedEffectHighShare: { value: null, n: 0, count: 0 }, referralUptakeShare: { value: null, n: 0, count: 0 } },
    },
    { args: ['--hub', 'midtjylland', '--segment', 'growth'], n: 1, nps: { value: -100, n: 1, promoters: 0, passives: 0, detractors: 1, exact: '-100' } },
    { args: ['--hub', 'Erhvervshus Sjælland'], n: 0, nps: { value: null, n: 0, promoters: 0, passives: 0, detractors: 0, exact: null } },
  ];
  for (const c of filterCases) {
    it(`filters with ${c.args.join(' ')}`, async () => {
      const { code, stdout, stderr } = await run([RESPONSES, ...c.args, '--json']);
      assert.equal(code, 0, stderr);
      const json = JSON.parse(stdout);
      assert.equal(json.n, c.n);
      const { interval95: _interval, ...nps } = json.metrics.nps;
      assert.deepEqual(nps, c.nps);
      for (const [name, expected] of Object.entries(c.check ?? {})) {
        const { value, n, count } = json.metrics[name];
        assert.deepEqual({ value, n, count }, expected, name);
      }
      assert.equal('newCompanyShare' in json.metrics, false);
    });
  }

  it('reads a semicolon file with a BOM, CRLF, reordered columns and themes, and filters by theme', async () => {
    // p = 2/3, d = 1/3: SE = 100·sqrt((1 − 1/9)/3) = 54.43, so 33.3 ± 106.7, the upper bound kept at 100.
    const all = await run([SEMICOLON, '--json']);
    assert.equal(all.code, 0, all.stderr);
    assert.deepEqual(JSON.parse(all.stdout).metrics.nps, { value: 33.3, n: 3, promoters: 2, passives: 0, detractors: 1, exact: '100/3', interval95: { low: -73.4, high: 100 } });
    const innovation = await run([SEMICOLON, '--theme', 'innovation', '--json']);
    assert.deepEqual(JSON.parse(innovation.stdout), {
      n: 1,
      metrics: {
        nps: { value: 100, n: 1, promoters: 1, passives: 0, detractors: 0, exact: '100', interval95: { low: 100, high: 100 } },
        veryPleasedShare: { value: 100, n: 1, count: 1, exact: '100', interval95: { low: 20.7, high: 100 } },
        expectedEffectHighShare: { value: 100, n: 1, count: 1, exact: '100', interval95: { low: 20.7, high: 100 } },
        effectMediumShare: none,
        effectHighShare: none,
        referralUptakeShare: { value: 100, n: 1, count: 1, exact: '100', interval95: { low: 20.7, high: 100 } },
        digitalEffectHighShare: { value: 100, n: 1, count: 1, exact: '100', interval95: { low: 20.7, high: 100 } },
      },
    });
    // S-2 ("Ved ikke" on both) is the one response with finance: 0 % with "Ved ikke" in the denominator.
    const finance = JSON.parse((await run([SEMICOLON, '--theme', 'Finansiering', '--json'])).stdout);
    assert.deepEqual(finance.metrics.veryPleasedShare, { value: 0, n: 1, count: 0, exact: '0', interval95: { low: 0, high: 79.3 } });
  });

  it('prints a readable Danish table without --json', async () => {
    const { code, stdout } = await run([RESPONSES, '--hub', 'nordjylland', '--year', '2023', '--courses', COURSES]);
    assert.equal(code, 0);
    assert.match(stdout, /^Brugerevaluering – nøgletal\nFil: .*responses\.csv\nUdvalg: Erhvervshus Nordjylland, vejledningsår 2023\nBesvarelser: 11\n/);
    assert.match(stdout, /\n {2}NPS +20,0 +10 +−34,0 til 74,0\n/);
    assert.match(stdout, /\n {2}Har benyttet henvisningen +60,0 % +5 +23,1 til 88,2\n/);
    assert.match(stdout, /\n {2}Effekt i høj grad \(2019-2020\) +ingen besvarelser +0\n/);
    assert.match(stdout, /\n {2}Nye virksomheder blandt de evaluerede +62,5 % +8 +30,6 til 86,3\n/);
    assert.match(stdout, /\nNPS: 5 anbefalere \(9-10\), 2 passive \(7-8\), 3 kritikere \(0-6\)\.\n/);
    const plain = await run([RESPONSES, '--source', 'own']);
    assert.match(plain.stdout, /\nUdvalg: kilde Egen evaluering\n/);
    assert.match(plain.stdout, /\n {2}NPS +−33,3 +3 /);
    assert.match(plain.stdout, /Andelen af nye virksomheder kræver forløbsdata: angiv --courses forløb\.csv sammen med --hub og --year\.\n$/);
  });

  it('gives no figures for a file with invalid rows: every error on stderr with its line, exit code 1', async () => {
    const { code, stdout, stderr } = await run([BROKEN, '--json']);
    assert.equal(code, 1);
    assert.equal(stdout, '');
    assert.deepEqual(stderr.trimEnd().split('\n'), [
      'Linje 3, kolonne "recommend": "11" er ikke et tal fra 0 til 10.',
      'Linje 4, kolonne "segment": "stor" er ikke et segment – brug growth eller operations (eller vækst, drift).',
      'Linje 4, kolonne "staff_competence": "Meget tilfredse" er ikke et svar på skalaen – brug Meget tilfreds, Tilfreds, Hverken/eller, Utilfreds, Meget utilfreds, Ved ikke (eller en tom celle for ubesvaret).',
      'Linje 5, kolonne "response_id": "B-01" står allerede i linje 2.',
      'Linje 5, kolonne "cvr": "12345679" er ikke et gyldigt CVR-nummer (modulus 11).',
      'Linje 5, kolonne "hub": "Erhvervshus Nord" er ikke et erhvervshus – brug et af: Erhvervshus Fyn, Erhvervshus Hovedstaden, Erhvervshus Midtjylland, Erhvervshus Nordjylland, Erhvervshus Sjælland, Erhvervshus Sydjylland.',
      'Linje 5, kolonne "municipality_code": "081" er en regionskode (Region Nordjylland), ikke en kommunekode.',
      'Linje 6 har 22 felter, men overskriften har 21.',
      'Linje 7, kolonne "source": "dst" er ikke en kilde – brug erst (Erhvervsstyrelsen) eller own (egen evaluering).',
      'Linje 7, kolonne "guidance_year": "23" er ikke et årstal – skriv fx 2023.',
      'Linje 7, kolonne "answered_at": "2023-02-30" er ikke en gyldig dato – skriv 31-12-2023 eller 2023-12-31.',
      'Linje 7, kolonne "recommend": "ni" er ikke et tal fra 0 til 10.',
      'Linje 7, kolonne "expected_effect": "Meget" er ikke et svar på skalaen – brug I høj grad, I nogen grad, I lav grad, Slet ikke, Ved ikke (eller en tom celle for ubesvaret).',
      'Linje 7, kolonne "effect_strategy": "Meget" er ikke et svar på skalaen – brug I høj grad, I nogen grad, I lav grad, Slet ikke, Ved ikke (eller en tom celle for ubesvaret).',
      'Linje 7, kolonne "referred": "måske" er ikke et svar på skalaen – brug Ja, Nej (eller en tom celle for ubesvaret).',
      `Filen "${BROKEN}" har 5 ugyldige rækker (15 fejl). Der er ikke beregnet tal – ret fejlene og kør kommandoen igen.`,
    ]);
  });

  it('exits 1 when a file cannot be read, also when reading fails halfway or the courses file is missing', async () => {
    const missing = await run(['findes-ikke.csv']);
    assert.deepEqual([missing.code, missing.stdout, missing.stderr], [1, '', 'Kan ikke læse filen "findes-ikke.csv": filen findes ikke.\n']);
    async function* failing(): AsyncGenerator<string> {
      yield responseCsvColumns.join(',');
      throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
    }
    const halfway = await run(['eksport.csv', '--json'], { openLines: () => failing() });
    assert.deepEqual([halfway.code, halfway.stdout, halfway.stderr], [1, '', 'Kan ikke læse filen "eksport.csv": EIO: i/o error, read.\n']);
    const courses = await run([RESPONSES, '--hub', 'Nordjylland', '--year', '2023', '--courses', 'forloeb-findes-ikke.csv', '--json']);
    assert.deepEqual([courses.code, courses.stdout, courses.stderr], [1, '', 'Kan ikke læse filen "forloeb-findes-ikke.csv": filen findes ikke.\n']);
  });

  const usage: [string[], string][] = [
    [['--json'], 'Angiv besvarelsesfilen (CSV).'],
    [[RESPONSES, RESPONSES], `Angiv kun én besvarelsesfil – fik "${RESPONSES}", "${RESPONSES}".`],
    [[RESPONSES, '--hub', 'Erhvervshus Nordjyland'], '--hub: ukendt erhvervshus "Erhvervshus Nordjyland". Gyldige erhvervshuse: Erhvervshus Fyn, Erhvervshus Hovedstaden, Erhvervshus Midtjylland, Erhvervshus Nordjylland, Erhvervshus Sjælland, Erhvervshus Sydjylland.'],
    [[RESPONSES, '--year', '23'], '--year skal være et årstal som 2023, ikke "23".'],
    [[RESPONSES, '--year'], '--year mangler en værdi.'],
    [[RESPONSES, '--year', '2023', '--year', '2022'], '--year er angivet to gange.'],
    [[RESPONSES, '--segment', 'stor'], '--segment: "stor" er ikke et segment – brug growth eller operations (eller vækst, drift).'],
    [[RESPONSES, '--municipality', '081'], '--municipality: "081" er en regionskode (Region Nordjylland), ikke en kommunekode.'],
    [[RESPONSES, '--municipality', '411'], '--municipality: "411" er ikke en af de 98 kommuner (Christiansø hører ikke til en kommune).'],
    [[RESPONSES, '--source', 'dst'], '--source: "dst" er ikke en kilde – brug erst (Erhvervsstyrelsen) eller own (egen evaluering).'],
    [[RESPONSES, '--theme', 'kaffe'], '--theme: "kaffe" er ikke et tema – brug skilledLabour, greenTransition, innovation, digitalisation, internationalisation, management, salesMarketing, finance.'],
    [[RESPONSES, '--courses', COURSES, '--year', '2023'], '--courses kræver --hub og --year: andelen af nye virksomheder gælder ét erhvervshus og ét år.'],
    [[RESPONSES, '--csv'], 'Ukendt flag "--csv".'],
  ];
  for (const [args, message] of usage) {
    it(`refuses bad usage with exit code 2: ${message}`, async () => {
      const { code, stdout, stderr } = await run(args);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.ok(stderr.startsWith(`${message}\n\nBrug: knudepunkt evaluation metrics`), stderr);
    });
  }

  it('prints its usage with --help', async () => {
    const { code, stdout } = await run(['--help']);
    assert.equal(code, 0);
    assert.equal(stdout, `${describeEvaluationMetricsUsage()}\n`);
    assert.match(describeEvaluationMetricsUsage(), /^knudepunkt evaluation metrics <besvarelser\.csv> \[--hub NAVN\] \[--year ÅR\] \[--segment growth\|operations\] \[--municipality KODE\]/);
  });

  it('is registered as `knudepunkt evaluation metrics` and listed in the help', async () => {
    const io: CliIo & { out: string; err: string } = {
      out: '',
      err: '',
      env: {},
      readFile: async () => '',
      readStdin: async () => '',
      stdout: (text) => void (io.out += text),
      stderr: (text) => void (io.err += text),
    };
    assert.equal(await main(['evaluation', 'metrics', RESPONSES, '--year', '2019', '--json'], io), 0, io.err);
    assert.equal(JSON.parse(io.out).n, 5);
    assert.equal(await main(['evaluation', 'stats'], io), 2);
    assert.match(io.err, /^Ukendt underkommando "stats"\./);
    io.out = '';
    assert.equal(await main(['--help'], io), 0);
    assert.match(io.out, /\n {2}evaluation +Brugerevalueringens nøgletal/);
  });
});
