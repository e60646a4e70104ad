// `knudepunkt import referrals` in-process, against PGlite in a temporary DATA_DIR, with files on disk.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { makeOrganisation } from '../../../test/helpers/factories.ts';
import { openDatabase } from '../../db/database.ts';
import type { CliIo } from '../io.ts';
import { runImportReferrals } from './import-referrals.ts';
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

describe('knudepunkt import referrals', () => {
  const dir = mkdtempSync(join(tmpdir(), 'knudepunkt-referrals-'));
  const env = { DATA_DIR: dir, LOG_LEVEL: 'silent', SESSION_SECRET: 'cli-test-secret-0123456789-0123456789' };
  const fixture = join(import.meta.dirname, '../../../test/fixtures/referrals/referrals-import.csv');
  const referralCount = async () => {
    const database = await openDatabase({ pgliteDir: join(dir, 'pglite') });
    try {
      return Number((await database.db.selectFrom('referrals').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    } finally {
      await database.close();
    }
  };

  before(async () => {
    assert.equal(await runMigrate(fakeIo(env)), 0);
    const database = await openDatabase({ pgliteDir: join(dir, 'pglite') });
    try {
      await makeOrganisation(database.db, { name: 'Erhvervshus Nordjylland', kind: 'hub', businessHubId: 'nordjylland' });
      await makeOrganisation(database.db, { name: 'Erhvervsservice Læsø', kind: 'localOffice', municipalityCode: '825', businessHubId: null });
      await makeOrganisation(database.db, { name: 'Eksportrådet', kind: 'external', businessHubId: null });
    } finally {
      await database.close();
    }
  });

  it('checks a file with --dry-run and saves nothing', async () => {
    const io = fakeIo(env);
    assert.equal(await runImportReferrals([fixture, '--dry-run'], io), 0, io.err);
    assert.equal(io.out, 'Prøvekørsel: 4 rækker er gyldige – ville give 4 nye, 0 ændrede og 0 uændrede henvisninger; 2 nye virksomheder. Intet er gemt.\n');
    assert.equal(await referralCount(), 0);
  });

  it('prints every error with its line, exits 2 and imports nothing', async () => {
    const broken = join(dir, 'fejl.csv');
    writeFileSync(broken, 'referral_id;created;from_organisation;to_organisation;cvr;company_name;municipality_code;theme;state\nF-1;2024-01-01;Erhvervshus Nordjylland;Eksportrådet;40381279;Saltsyderiet;825;Eksport;sent\nF-2;2024-01-01;Erhvervshus Nordjylland;Ukendt Rådgiver;40381279;Saltsyderiet;825;Eksport;sent\n');
    const io = fakeIo(env);
    assert.equal(await runImportReferrals([broken], io), 2);
    assert.match(io.err, /1 fejl:\n {2}Linje 3, kolonne "to_organisation": "Ukendt Rådgiver" er ikke en organisation i Knudepunkt/);
    assert.match(io.err, /Intet er importeret\./);
    assert.equal(await referralCount(), 0);
  });

  it('imports the file, and a second run changes nothing', async () => {
    const first = fakeIo(env);
    assert.equal(await runImportReferrals([fixture], first), 0, first.err);
    assert.equal(first.out, 'Importeret: 4 nye, 0 ændrede og 0 uændrede henvisninger; 2 nye virksomheder.\n');
    const second = fakeIo(env);
    assert.equal(await runImportReferrals([fixture], second), 0);
    assert.equal(second.out, 'Importeret: 0 nye, 0 ændrede og 4 uændrede henvisninger; 0 nye virksomheder.\n');
    assert.equal(await referralCount(), 4);
  });

  it('explains bad usage and a missing file', async () => {
    const usage = fakeIo(env);
    assert.equal(await runImportReferrals([], usage), 2);
    assert.match(usage.err, /Brug: knudepunkt import referrals <fil\.csv> \[--dry-run\]/);
    const missing = fakeIo(env);
    assert.equal(await runImportReferrals([join(dir, 'findes-ikke.csv')], missing), 1);
    assert.match(missing.err, /kan ikke læses/);
  });
});
