import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../../src/config.ts';

/** A configuration for tests: its own temporary DATA_DIR, a fixed secret, no SMTP, silent logs. */
export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    DATA_DIR: mkdtempSync(join(tmpdir(), 'knudepunkt-test-')),
    SESSION_SECRET: 'test-secret-that-is-long-enough-0123456789',
    BASE_URL: 'http://localhost:3000',
    LOG_LEVEL: 'silent',
    NODE_ENV: 'test',
    ...overrides,
  });
}
