// `knudepunkt import population` and `import published-base-grants` in-process, against PGlite in a
// temporary DATA_DIR (the same database the web application would use).
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import { openDatabase } from '../../db/database.ts';
import { nordjyllandFolk1a } from '../../../test/helpers/economy.ts';
import type { CliIo } from '../io.ts';
import { runImport } from './import-population.ts';
import { runMigrate } from './lifecycle.ts';

const files: Record<string, string> = {
  'folk1a.csv': nordjyllandFolk1a,
  'fejl.csv': '\uFEFFOMRÅDE;TID;INDHOLD\r\nAalborg;2022K1;mange\r\n',
};

function fakeIo(env: Record<string, string>): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env,
    readFile: async (path: string) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      return text;
    },
    readStdin: async () => '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

describe('knudepunkt import', () => {
  const env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'knudepunkt-import-')), LOG_LEVEL: 'silent', SESSION_SECRET: 'cli-test-secret-0123456789-0123456789' };
  const dataSets = async () => {
    const database = await openDatabase({ pgliteDir: join(env.DATA_DIR, 'pglite') });
    try {
      return await database.db.selectFrom('data_sets').select(['name', 'format']).execute();
    } finally {
      await database.close();
    }
  };
  before(async () => assert.equal(await runMigrate(fakeIo(env)), 0));

  it('previews a FOLK1A file with --dry-run and saves nothing', async () => {
    const io = fakeIo(env);
    assert.equal(await runImport(['population', 'folk1a.csv', '--dry-run'], io), 0);
    assert.match(io.out, /11 kommuner, 1\. kvt\. 2022, i alt 590\.439\./);
    assert.match(io.out, /linje 2: 000 Hele landet – hele landet – ikke en kommune/);
    assert.match(io.out, /intet er gemt/);
    assert.deepEqual(await dataSets(), []);
  });

  it('imports the file once; a second run finds the same data set', async () => {
    const first = fakeIo(env);
    assert.equal(await runImport(['population', 'folk1a.csv', '--name', 'Folketal Nordjylland 2022K1'], first), 0);
    assert.match(first.out, /Importeret: "Folketal Nordjylland 2022K1" med 11 kommuner/);
    const second = fakeIo(env);
    assert.equal(await runImport(['population', 'folk1a.csv'], second), 0);
    assert.match(second.out, /allerede importeret som "Folketal Nordjylland 2022K1"/);
    assert.equal((await dataSets()).length, 1);
  });

  it('refuses a file with errors with exit code 2 and names the line', async () => {
    const io = fakeIo(env);
    assert.equal(await runImport(['population', 'fejl.csv'], io), 2);
    assert.match(io.err, /Linje 2, kolonne INDHOLD: "mange" er ikke et tal\./);
    assert.match(io.err, /intet er importeret/);
    assert.equal((await dataSets()).length, 1);
  });

  it('says when the file does not exist (exit 1) and how to use the command (exit 2)', async () => {
    const missing = fakeIo(env);
    assert.equal(await runImport(['population', 'findes-ikke.csv'], missing), 1);
    assert.match(missing.err, /Kan ikke læse filen "findes-ikke.csv": filen findes ikke\./);
    const usage = fakeIo(env);
    assert.equal(await runImport(['befolkning'], usage), 2);
    assert.match(usage.err, /knudepunkt import population <fil.csv>/);
  });

  it('imports the published base grants once', async () => {
    const first = fakeIo(env);
    assert.equal(await runImport(['published-base-grants'], first), 0);
    assert.equal(first.out.match(/Indlæst:/g)?.length, 4);
    const second = fakeIo(env);
    assert.equal(await runImport(['published-base-grants'], second), 0);
    assert.equal(second.out.match(/Findes allerede:/g)?.length, 4);
  });
});
