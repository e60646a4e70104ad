// The README's start command, for real: `knudepunkt start` in a child process on an empty DATA_DIR
// migrates, loads the demo data, prints the URL and the demo logins, serves, and stops on SIGTERM.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';

describe('knudepunkt start', () => {
  it('starts on an empty data folder with demo data, answers /readyz and stops cleanly', { timeout: 120_000 }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'knudepunkt-start-'));
    const child = spawn(process.execPath, ['bin/knudepunkt.js', 'start'], {
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn', NODE_ENV: 'development' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stderr.on('data', (chunk) => (output += chunk));
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /Knudepunkt kører på (http:\/\/\S+)/.exec(output);
        if (match && output.includes('Stop med Ctrl+C')) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
    assert.match(output, /Demodata for Region Nordjylland er indlæst\./);
    assert.match(output, /admin@demo\.knudepunkt\.example/);
    assert.match(output, /adgangskode for alle: Knudepunkt-demo-2026/);
    const ready = await fetch(`${url}/readyz`);
    assert.equal(ready.status, 200);
    const login = await fetch(`${url}/log-ind`);
    assert.match(await login.text(), /<h1>Log ind<\/h1>/);
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0, output);
  });
});
