import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const dataDir = () => mkdtempSync(join(tmpdir(), 'knudepunkt-config-'));

describe('configuration', () => {
  it('has defaults that start a local installation on PGlite', () => {
    const config = loadConfig({ DATA_DIR: dataDir() });
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.port, 3000);
    assert.equal(config.baseUrl, 'http://localhost:3000');
    assert.equal(config.smtpUrl, undefined);
    assert.equal(config.logLevel, 'info');
    assert.equal(config.secureCookies, false);
    assert.ok(config.sessionSecret.length >= 32);
  });

  it('keeps the generated session secret in DATA_DIR across restarts', () => {
    const dir = dataDir();
    assert.equal(loadConfig({ DATA_DIR: dir }).sessionSecret, loadConfig({ DATA_DIR: dir }).sessionSecret);
  });

  it('names every wrong variable with its value', () => {
    assert.throws(
      () => loadConfig({ DATA_DIR: dataDir(), PORT: 'abc', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', SMTP_URL: 'http://mail', SESSION_SECRET: 'short' }),
      (error: ConfigError) => {
        const text = error.problems.join('\n');
        for (const name of ['PORT="abc"', 'DATABASE_URL="mysql://x"', 'LOG_LEVEL="loud"', 'SMTP_URL="http://mail"', 'SESSION_SECRET="short"']) assert.match(text, new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
        return true;
      },
    );
  });

  it('treats an empty variable as absent', () => {
    assert.equal(loadConfig({ DATA_DIR: dataDir(), DATABASE_URL: '' }).databaseUrl, undefined);
  });

  it('requires a session secret and a base URL in production', () => {
    assert.throws(() => loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', BASE_URL: 'https://k.example.dk' }), /SESSION_SECRET/);
    assert.throws(() => loadConfig({ DATA_DIR: dataDir(), NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }), /BASE_URL/);
  });

  it('turns on Secure cookies behind an https base URL and strips a trailing slash', () => {
    const config = loadConfig({ DATA_DIR: dataDir(), BASE_URL: 'https://knudepunkt.example.dk/' });
    assert.equal(config.baseUrl, 'https://knudepunkt.example.dk');
    assert.equal(config.secureCookies, true);
  });
});
