// `knudepunkt import courses`, run in-process against a real database.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/database.ts';
import { makeOrganisation } from '../../../test/helpers/factories.ts';
import type { CliIo } from '../io.ts';
import { runImportCourses } from './import-courses.ts';

const FIXTURE = fileURLToPath(new URL('../../../test/fixtures/courses-nordjylland.csv', import.meta.url));
const BROKEN = fileURLToPath(new URL('../../../test/fixtures/courses-broken.csv', import.meta.url));

describe('knudepunkt import courses', () => {
  let database: TestDatabase;
  const courseCount = async () => Number((await database.db.selectFrom('guidance_courses').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
  async function run(args: string[]) {
    const out = { stdout: '', stderr: '' };
    const io: CliIo = {
      stdout: (text) => void (out.stdout += text),
      stderr: (text) => void (out.stderr += text),
      readFile: () => Promise.reject(new Error('not used')),
      readStdin: () => Promise.resolve(''),
      env: {},
    };
    const code = await runImportCourses(args, io, { database });
    return { code, ...out };
  }
  before(async () => {
    database = await createTestDatabase();
    await makeOrganisation(database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' });
  });
  after(async () => database.drop());

  it('lists every invalid row with its line on stderr in a dry run, exits 2 and imports nothing', async () => {
    const { code, stdout, stderr } = await run([BROKEN, '--dry-run']);
    assert.equal(code, 2);
    assert.match(stderr, /Linje 3, kolonne "cvr": "12345679" er ikke et gyldigt CVR-nummer \(modulus 11\)\./);
    assert.match(stderr, /Linje 7, kolonne "start_date": "31-02-2023" er ikke en gyldig dato/);
    assert.equal(stderr.match(/\nLinje \d/g)?.length, 8);
    assert.match(stdout, /^Prøvekørsel – intet er gemt\.\nRækker: 6, ugyldige: 5 \(8 fejl\)\./);
    assert.equal(await courseCount(), 0);
  });

  it('names the rows whose hub has no organisation when none is given, and imports nothing', async () => {
    const { code, stdout, stderr } = await run([FIXTURE]);
    assert.equal(code, 2);
    assert.match(stderr, /Linje 36, kolonne "hub": der er ingen organisation for Erhvervshus Midtjylland i Knudepunkt – opret den, eller angiv organisationen med --organisation\./);
    assert.match(stdout, /^Intet er importeret\./);
    assert.match(stderr, /Filen har 8 ugyldige rækker \(8 fejl\)\. Intet er importeret/);
    assert.equal(await courseCount(), 0);
  });

  it('registers the courses under --organisation by name, skipping other hubs’ rows, with progress on stderr', async () => {
    const { code, stdout, stderr } = await run([FIXTURE, '--organisation', 'Erhvervshus Nordjylland']);
    assert.equal(code, 0, stderr);
    assert.match(stdout, /^Importen er gennemført\.\nRækker: 42, ugyldige: 0 \(0 fejl\)\.\nForløb oprettet: 34, opdateret: 0, uændret: 0\.\nNye virksomheder: 27\./);
    assert.match(stdout, /Sprunget over: 8 rækker for andre erhvervshuse \(Erhvervshus Midtjylland, .*\), linje 36, 37, 38, 39, 40, 41, 42, 43\./);
    assert.match(stderr, /\rLæst: 42 rækker/);
    assert.equal(await courseCount(), 34);
  });

  it('imports every row under its hub’s organisation without --organisation, and says so when nothing changed', async () => {
    for (const hub of ['midtjylland', 'sydjylland', 'fyn', 'sjaelland', 'hovedstaden']) await makeOrganisation(database.db, { kind: 'hub', businessHubId: hub });
    const first = await run([FIXTURE]);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Forløb oprettet: 8, opdateret: 0, uændret: 34\./);
    const again = await run([FIXTURE]);
    assert.match(again.stdout, /Forløb oprettet: 0, opdateret: 0, uændret: 42\.\nNye virksomheder: 0\.\nIngen ændringer: alle forløb var allerede importeret som i filen\./);
    assert.equal(await courseCount(), 42);
  });

  it('refuses an unknown organisation, a missing file and unknown flags', async () => {
    const unknown = await run([FIXTURE, '--organisation', 'Erhvervshus Atlantis']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /Organisationen "Erhvervshus Atlantis" findes ikke/);
    const missing = await run(['/findes/ikke.csv']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Filen "\/findes\/ikke.csv" findes ikke eller kan ikke læses\./);
    const flag = await run([FIXTURE, '--dry']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /Brug: knudepunkt import courses/);
    assert.equal((await run([])).code, 2);
  });
});
