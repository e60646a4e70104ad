#!/usr/bin/env node
// Runs the test suite with Node's test runner (through tsx). Unit and integration tests sit next to
// the code (`*.test.ts[x]` under src/); browser tests live in test/browser and need Debian's Chromium.
// Usage: node scripts/test.js [--browser-only | --no-browser] [file …]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const browserOnly = args.includes('--browser-only');
const noBrowser = args.includes('--no-browser');
const explicit = args.filter((a) => !a.startsWith('--'));

function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return findTests(path);
    return /\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromium);
let files;
if (explicit.length > 0) files = explicit;
else {
  const unit = browserOnly ? [] : [...findTests('src'), ...findTests('test').filter((f) => !f.startsWith(join('test', 'browser')))];
  const browser = noBrowser ? [] : findTests(join('test', 'browser'));
  if (browser.length > 0 && !hasChromium) {
    console.log(`\n*** Browser tests SKIPPED: Chromium not found at ${chromium}. Install it with 'apt-get install -y chromium' (or set CHROMIUM_PATH). ***\n`);
    files = unit;
  } else files = [...unit, ...browser].sort();
}
if (files.length === 0) {
  console.error('No test files found.');
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
  { stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test' } },
);
process.exit(result.status ?? 1);
