// The `knudepunkt` command in-process, against a PGlite database in a temporary DATA_DIR.
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from './main.ts';
import type { CliIo } from './io.ts';

function fakeIo(env: Record<string, string>, stdin = ''): CliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    env,
    readFile: async () => '',
    readStdin: async () => stdin,
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
  };
  return io;
}

// The CLI opens the configured database itself; these tests use PGlite in a folder of their own.
const env = () => ({ DATA_DIR: mkdtempSync(join(tmpdir(), 'knudepunkt-cli-')), LOG_LEVEL: 'silent', SESSION_SECRET: 'cli-test-secret-0123456789-0123456789' });

describe('the knudepunkt command', () => {
  it('prints its commands with --help', async () => {
    const io = fakeIo(env());
    assert.equal(await main(['--help'], io), 0);
    for (const command of ['start', 'serve', 'migrate', 'seed', 'users', 'allocate']) assert.match(io.out, new RegExp(`\\n  ${command}\\s`));
  });

  it('refuses an unknown command with exit code 2', async () => {
    const io = fakeIo(env());
    assert.equal(await main(['fly'], io), 2);
    assert.match(io.err, /Ukendt kommando "fly"/);
  });

  it('names a wrong environment variable', async () => {
    const io = fakeIo({ ...env(), PORT: 'tres' });
    assert.equal(await main(['migrate'], io), 1);
    assert.match(io.err, /PORT="tres"/);
  });

  it('migrates, seeds demo data and creates a user with a password from stdin', async () => {
    const vars = env();
    const migrateIo = fakeIo(vars);
    assert.equal(await main(['migrate'], migrateIo), 0, migrateIo.err);
    assert.match(migrateIo.out, /Migreringer kørt: \d{14}_foundation/);
    const seedIo = fakeIo(vars);
    assert.equal(await main(['seed', 'demo'], seedIo), 0, seedIo.err);
    assert.match(seedIo.out, /admin@demo\.knudepunkt\.example/);
    const userIo = fakeIo(vars, 'en meget lang adgangskode\n');
    const code = await main(
      ['users', 'create', '--email', 'ny@kommune.dk', '--name', 'Ny Admin', '--organisation', 'Erhvervshus Nordjylland', '--role', 'admin', '--role', 'manager', '--password-stdin'],
      userIo,
    );
    assert.equal(code, 0, userIo.err);
    assert.match(userIo.out, /Bruger oprettet: ny@kommune\.dk \(admin, manager\) hos Erhvervshus Nordjylland/);
  });

  it('creates an invited user and prints the invitation link', async () => {
    const vars = env();
    assert.equal(await main(['seed', 'demo'], fakeIo(vars)), 0);
    const io = fakeIo(vars);
    assert.equal(await main(['users', 'create', '--email', 'inv@kommune.dk', '--name', 'Inviteret', '--organisation', 'Erhvervsservice Læsø', '--role', 'adviser'], io), 0, io.err);
    assert.match(io.out, /http:\/\/localhost:3000\/invitation\/[\w-]{20,}/);
  });

  it('explains what is missing from users create', async () => {
    const io = fakeIo(env());
    assert.equal(await main(['users', 'create', '--email', 'x@y.dk'], io), 2);
    assert.match(io.err, /Mangler: --name, --organisation, --role/);
  });

  it('creates the first organisation of a fresh installation and names a missing field', async () => {
    const vars = env();
    await main(['migrate'], fakeIo(vars));
    const io = fakeIo(vars);
    assert.equal(await main(['organisations', 'create', '--name', 'Erhvervshus Fyn', '--kind', 'hub', '--hub', 'fyn'], io), 0, io.err);
    assert.match(io.out, /Organisation oprettet: Erhvervshus Fyn \(hub\)/);
    const missing = fakeIo(vars);
    assert.equal(await main(['organisations', 'create', '--name', 'Erhvervsservice Odense', '--kind', 'localOffice'], missing), 1);
    assert.match(missing.err, /municipalityCode: Vælg kommunen for det lokale erhvervskontor\./);
  });

  it('imports companies from a CVR file, and a second time changes nothing', async () => {
    const vars = env();
    await main(['migrate'], fakeIo(vars));
    const file = new URL('../../test/fixtures/cvr/bulk.jsonl', import.meta.url).pathname;
    const first = fakeIo(vars);
    assert.equal(await main(['import', 'cvr', file], first), 0, first.err);
    assert.match(first.out, /Oprettet: 4, opdateret: 0, uændret: 0, afvist: 4/);
    assert.match(first.out, /Linje 5: cvrNummer: 12345678 er ikke et gyldigt CVR-nummer/);
    assert.match(first.err, /Indlæst: 9 dokumenter|Indlæst: 8 dokumenter/);
    const second = fakeIo(vars);
    assert.equal(await main(['import', 'cvr', file], second), 0, second.err);
    assert.match(second.out, /Oprettet: 0, opdateret: 0, uændret: 4, afvist: 4/);
  });

  it('names an unreadable import file', async () => {
    const io = fakeIo(env());
    assert.equal(await main(['import', 'cvr', '/findes/ikke.jsonl'], io), 1);
    assert.match(io.err, /Filen "\/findes\/ikke\.jsonl" kan ikke læses\./);
  });

  it('names an unknown organisation', async () => {
    const vars = env();
    await main(['migrate'], fakeIo(vars));
    const io = fakeIo(vars, 'en meget lang adgangskode');
    assert.equal(await main(['users', 'create', '--email', 'x@y.dk', '--name', 'X', '--organisation', 'Findes Ikke', '--role', 'admin', '--password-stdin'], io), 1);
    assert.match(io.err, /Organisationen "Findes Ikke" findes ikke/);
  });
});
