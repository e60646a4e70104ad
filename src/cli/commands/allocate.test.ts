import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { describeAllocateUsage, runAllocate } from './allocate.ts';
import { locateJsonError } from './allocate.json-error.ts';

const EXAMPLE = new URL('../../../docs/examples/allocation-example.json', import.meta.url);

/** In-memory io: files by path, captured output. */
function memoryIo(files: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      readFile: async (path: string): Promise<string> => {
        if (path === 'example.json') return readFile(EXAMPLE, 'utf8');
        const text = files[path];
        if (text === undefined) throw Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
        return text;
      },
      stdout: (text: string) => void (out.stdout += text),
      stderr: (text: string) => void (out.stderr += text),
    },
  };
}

async function run(args: string[], files: Record<string, string> = {}) {
  const { io, out } = memoryIo(files);
  const code = await runAllocate(args, io);
  return { code, ...out };
}

const threeEqual = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    name: 'Øre',
    total: 100,
    unit: 'DKK',
    resolution: '0.01',
    criteria: [{ key: 'v', weight: 1 }],
    recipients: [
      { id: 'A', name: 'Kommune "A", nord', values: { v: 1 } },
      { id: 'B', name: 'Kommune B', values: { v: 1 }, transferTo: 'C' },
      { id: 'C', name: 'Kommune C', values: { v: 1 } },
      { id: 'D', name: 'Kommune D', values: { v: 1 } },
    ],
    ...extra,
  });

describe('knudepunkt allocate', () => {
  it('computes the spec example from docs/examples as JSON: 55, 35 and 10 places, frafald 50, 32 and 9', async () => {
    const { code, stdout, stderr } = await run(['example.json', '--json']);
    assert.equal(code, 0, stderr);
    assert.deepEqual(JSON.parse(stdout), {
      name: 'Pædagogpraktik (eksempel)',
      unit: 'places',
      resolution: 1,
      method: 'largestRemainder',
      total: 100,
      allocatedTotal: 100,
      difference: 0,
      recipients: [
        { id: 'A', name: 'Kommune A', share: '0.55', exact: '55', allocated: 55, derived: { '10 pct. frafald': 50 }, note: null },
        { id: 'B', name: 'Kommune B', share: '0.35', exact: '35', allocated: 35, derived: { '10 pct. frafald': 32 }, note: null },
        { id: 'C', name: 'Kommune C', share: '0.1', exact: '10', allocated: 10, derived: { '10 pct. frafald': 9 }, note: null },
      ],
      derivedTotals: { '10 pct. frafald': 91 },
    });
  });

  it('prints the spec example as CSV with a header and one row per recipient', async () => {
    const { code, stdout } = await run(['example.json', '--csv']);
    assert.equal(code, 0);
    assert.equal(
      stdout,
      'id,name,share,exact,allocated,10 pct. frafald,note\r\n' +
        'A,Kommune A,0.55,55,55,50,\r\n' +
        'B,Kommune B,0.35,35,35,32,\r\n' +
        'C,Kommune C,0.1,10,10,9,\r\n',
    );
  });

  it('prints a readable Danish table by default', async () => {
    const { code, stdout } = await run(['example.json']);
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.equal(lines[0], 'Pædagogpraktik (eksempel)');
    assert.equal(lines[1], '100 pladser fordelt med 50 % efter population og 50 % efter staff.');
    assert.equal(lines[4], 'Id     Navn       Andel  Præcist  Tildelt  10 pct. frafald  Note');
    assert.equal(lines[5], 'A      Kommune A   55 %       55       55               50');
    assert.equal(lines[8], 'I alt             100 %      100      100               91');
    assert.ok(stdout.includes('De tildelte beløb summerer præcis til totalen (100 pladser).'));
    assert.ok(stdout.includes('Kolonnen "10 pct. frafald" summerer til 91 mod præcist 90.'));
  });

  it('writes øre amounts as exact JSON numbers and unending shares as rounded strings', async () => {
    const { code, stdout } = await run(['x.json', '--json'], { 'x.json': threeEqual() });
    assert.equal(code, 0);
    assert.ok(stdout.includes('"allocated": 50,'), stdout);
    const doc = JSON.parse(stdout) as { recipients: { id: string; share: string; exact: string; allocated: number; note: string | null }[] };
    assert.deepEqual(
      doc.recipients.map((r) => [r.id, r.share, r.exact, r.allocated, r.note]),
      [
        ['A', '0.25', '25', 25, null],
        ['B', '0', '0', 0, 'Overtaget af Kommune C'],
        ['C', '0.5', '50', 50, 'Har overtaget andelen fra Kommune B'],
        ['D', '0.25', '25', 25, null],
      ],
    );
    const thirds = await run(['y.json', '--json'], { 'y.json': threeEqual({ recipients: [0, 1, 2].map((i) => ({ id: `K${i}`, name: 'K', values: { v: 1 } })) }) });
    assert.match(thirds.stdout, /"share": "0\.3333333333",\n\s+"exact": "33\.3333333333",\n\s+"allocated": 33\.34,/);
  });

  it('quotes CSV fields with commas and quotes and shows the transfer note', async () => {
    const { stdout } = await run(['x.json', '--csv'], { 'x.json': threeEqual() });
    const lines = stdout.split('\r\n');
    assert.equal(lines[1], 'A,"Kommune ""A"", nord",0.25,25,25,');
    assert.equal(lines[2], 'B,Kommune B,0,0,0,Overtaget af Kommune C');
  });

  it('adds a column with the per-row-rounded spreadsheet when it differs', async () => {
    const files = { 'x.json': JSON.stringify({ name: 'T', total: 10, unit: 'places', criteria: [{ key: 'v', weight: 1 }], recipients: ['A', 'B', 'C'].map((id) => ({ id, name: id, values: { v: 1 } })) }) };
    const { stdout } = await run(['x.json'], files);
    assert.ok(stdout.includes('Regneark'));
    assert.ok(stdout.includes('Et regneark, der afrunder hver række for sig, giver 9 i alt (forskel til totalen: -1); 1 række afviger'));
  });

  it('refuses an invalid allocation with exit code 2 and every error by field', async () => {
    const bad = JSON.parse(await readFile(EXAMPLE, 'utf8')) as { criteria: { weight: number }[]; recipients: { transferTo?: string }[] };
    bad.criteria[1]!.weight = 0.4;
    bad.recipients[0]!.transferTo = 'X';
    const { code, stdout, stderr } = await run(['bad.json', '--json'], { 'bad.json': JSON.stringify(bad) });
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.equal(
      stderr,
      'Fordelingen i "bad.json" er afvist (2 fejl):\n' +
        '  criteria: Vægtene i "criteria" summerer til 0,9 – de skal summere til 1.\n' +
        '  recipients[0].transferTo: "recipients[0].transferTo" peger på "X", som ikke er en modtager i fordelingen.\n',
    );
  });

  it('exits with 1 and names the file when it cannot be read', async () => {
    const { code, stderr } = await run(['mangler.json']);
    assert.equal(code, 1);
    assert.equal(stderr, 'Kan ikke læse filen "mangler.json": filen findes ikke.\n');
  });

  it('exits with 1 and names the file and the position when the JSON is invalid', async () => {
    const { code, stderr } = await run(['x.json'], { 'x.json': '{\n  "total": ,\n}' });
    assert.equal(code, 1);
    assert.equal(stderr, 'Filen "x.json" er ikke gyldig JSON: uventet tegn "," ved position 13 (linje 2, kolonne 12).\n');
  });

  it('accepts a file with a byte order mark', async () => {
    const text = await readFile(EXAMPLE, 'utf8');
    const { code } = await run(['bom.json', '--csv'], { 'bom.json': `\uFEFF${text}` });
    assert.equal(code, 0);
  });

  for (const [args, message] of [
    [[], 'Angiv fordelingsfilen (JSON).'],
    [['a.json', '--json', '--csv'], 'Vælg enten --json eller --csv, ikke begge.'],
    [['a.json', '--xml'], 'Ukendt flag "--xml".'],
    [['a.json', 'b.json'], 'Angiv kun én fordelingsfil – fik "a.json", "b.json".'],
  ] as const) {
    it(`exits with 2 and shows the usage for: ${message}`, async () => {
      const { code, stderr } = await run([...args]);
      assert.equal(code, 2);
      assert.ok(stderr.startsWith(`${message}\n\nBrug: knudepunkt allocate`), stderr);
    });
  }

  it('prints the usage for --help', async () => {
    const { code, stdout } = await run(['--help']);
    assert.equal(code, 0);
    assert.equal(stdout, `${describeAllocateUsage()}\n`);
  });
});

describe('locating a JSON syntax error', () => {
  const cases: [string, number, string][] = [
    ['{"a":}', 5, 'uventet tegn "}"'],
    ['{"a":1,}', 7, 'forventede et feltnavn i anførselstegn, men fandt "}"'],
    ['{"a" 1}', 5, "forventede ':' efter feltnavnet, men fandt \"1\""],
    ['', 0, 'filen slutter midt i JSON-værdien'],
    ['{"a":1', 6, "forventede ',' eller '}', men filen slutter"],
    ['[1,2', 4, "forventede ',' eller ']', men filen slutter"],
    ['{"a":tru}', 5, 'uventet tegn "t"'],
    ['{"a":"x\\u00zz"}', 7, 'ugyldig escape-sekvens efter \\'],
    ['{"a":1}x', 7, 'der står mere efter JSON-værdien'],
    ['{"a":"b', 5, 'en tekst i anførselstegn er ikke lukket'],
    ['[01]', 2, "forventede ',' eller ']', men fandt \"1\""],
  ];
  for (const [text, offset, problem] of cases) {
    it(`finds "${problem}" at position ${offset} in ${JSON.stringify(text)}`, () => {
      assert.throws(() => JSON.parse(text));
      assert.deepEqual(locateJsonError(text), { offset, line: 1, column: offset + 1, problem });
    });
  }

  it('finds nothing in valid JSON', async () => {
    assert.equal(locateJsonError(await readFile(EXAMPLE, 'utf8')), null);
    assert.equal(locateJsonError(' [1, -2.5e3, true, null, "\\u00e6\\n", {}] '), null);
  });
});
