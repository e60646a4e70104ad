// Reading an import file's lines: nothing may be lost when the import awaits the database before and
// between lines (a readline interface created early drops what it read before the loop began).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { readFileLines } from './course-import.files.ts';

describe('reading an import file line by line', () => {
  let dir: string;
  let file: string;
  const expected = Array.from({ length: 5_000 }, (_, i) => `række ${i + 1};ÆØÅ`);
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'kp-lines-'));
    file = join(dir, 'rows.csv');
    await writeFile(file, `${expected.join('\r\n')}\r\n`);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('yields every line when the loop starts only after an await (as an import opening a transaction does)', async () => {
    const lines = readFileLines(file);
    await sleep(50);
    const seen: string[] = [];
    for await (const line of lines) {
      seen.push(line);
      if (seen.length % 1_000 === 0) await sleep(5);
    }
    assert.deepEqual(seen, expected);
  });

  it('reports a missing file to the loop', async () => {
    await assert.rejects(async () => {
      for await (const _ of readFileLines(join(dir, 'findes-ikke.csv'))) void _;
    }, (error: NodeJS.ErrnoException) => error.code === 'ENOENT');
  });
});
