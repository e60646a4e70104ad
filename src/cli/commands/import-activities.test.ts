// `knudepunkt import activities` in-process, against PGlite in a temporary DATA_DIR (the database the
// web application would use), with files on disk (the command streams them).
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { openDatabase } from '../../db/database.ts';
import { seedDemo } from '../../db/seed/demo.ts';
import type { CliIo } from '../io.ts';
import { runImportActivities } from './import-activities.ts';
import { runMigrate } from './lifecycle.ts';

function fakeIo(env: Record<string, string>): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env,
    readFile: async () => '',
    readStdin: async () => '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

describe('knudepunkt import activities', () => {
  const dir = mkdtempSync(join(tmpdir(), 'knudepunkt-activities-'));
  const env = { DATA_DIR: dir, LOG_LEVEL: 'silent', SESSION_SECRET: 'cli-test-secret-0123456789-0123456789' };
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const activityCount = async () => {
    const database = await openDatabase({ pgliteDir: join(dir, 'pglite') });
    try {
      return (await database.db.selectFrom('activities').select((eb) => eb.fn.countAll<number>().as('n')).where('source_id', 'is not', null).executeTakeFirstOrThrow()).n;
    } finally {
      await database.close();
    }
  };
  const valid = file(
    'aktiviteter.csv',
    'activity_id,date,kind,title,organisation,cvr,company_name,municipality_code\n' +
      'L-1,12-03-2025,besøg,Besøg på havnen,Erhvervsservice Læsø,,Førstarter: Læsø Kajak,825\n' +
      'L-2,2025-04-01,call,Opfølgning,Erhvervsservice Læsø,,førstarter:  læsø kajak,825\n',
  );

  before(async () => {
    assert.equal(await runMigrate(fakeIo(env)), 0);
    const database = await openDatabase({ pgliteDir: join(dir, 'pglite') });
    await database.db.transaction().execute((tx) => seedDemo(tx)).finally(() => database.close());
  });

  it('checks a file with --dry-run, prints what it would do and saves nothing', async () => {
    const io = fakeIo(env);
    assert.equal(await runImportActivities([valid, '--dry-run'], io), 0, io.err);
    assert.equal(io.out, 'Prøvekørsel: 2 rækker er gyldige – ville give 2 nye, 0 ændrede og 0 uændrede aktiviteter; 1 ny virksomhed. Intet er gemt.\n');
    assert.equal(await activityCount(), 0);
  });

  it('prints every error with its line, exits 2 and imports nothing', async () => {
    const io = fakeIo(env);
    const broken = file('fejl.csv', 'activity_id;date;kind;title;organisation;cvr;company_name;municipality_code\nF-1;2025-01-01;visit;Gyldig;Erhvervsservice Læsø;;Ny førstarter;825\nF-2;2025-13-01;visit;Dato;Erhvervsservice Læsø;;Ny førstarter;825\n');
    assert.equal(await runImportActivities([broken], io), 2);
    assert.match(io.err, /1 fejl:\n {2}Linje 3, kolonne "date": "2025-13-01" er ikke en gyldig dato/);
    assert.match(io.err, /Intet er importeret\./);
    assert.equal(await activityCount(), 0);
  });

  it('imports the file, and a second run changes nothing', async () => {
    const first = fakeIo(env);
    assert.equal(await runImportActivities([valid], first), 0, first.err);
    assert.equal(first.out, 'Importeret: 2 nye, 0 ændrede og 0 uændrede aktiviteter; 1 ny virksomhed.\n');
    const second = fakeIo(env);
    assert.equal(await runImportActivities([valid], second), 0);
    assert.equal(second.out, 'Importeret: 0 nye, 0 ændrede og 2 uændrede aktiviteter; 0 nye virksomheder.\n');
    assert.equal(await activityCount(), 2);
  });

  it('explains bad usage and a missing file', async () => {
    const usage = fakeIo(env);
    assert.equal(await runImportActivities([], usage), 2);
    assert.match(usage.err, /Brug: knudepunkt import activities <fil\.csv> \[--dry-run\]/);
    const missing = fakeIo(env);
    assert.equal(await runImportActivities([join(dir, 'findes-ikke.csv')], missing), 1);
    assert.match(missing.err, /kan ikke læses/);
  });
});
