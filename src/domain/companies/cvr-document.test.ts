import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { companiesFromCvrJson, readCvrDocuments } from './cvr-document.ts';
import type { CvrDocumentRead } from './cvr-document.ts';

const fixture = (name: string) => readFile(new URL(`../../../test/fixtures/cvr/${name}`, import.meta.url), 'utf8');

async function* linesOf(text: string): AsyncGenerator<string> {
  for (const line of text.split(/\r?\n/)) yield line;
}

async function readAll(text: string): Promise<CvrDocumentRead[]> {
  const out: CvrDocumentRead[] = [];
  for await (const result of readCvrDocuments(linesOf(text))) out.push(result);
  return out;
}

/** "line:cvr" for a company, "line:!reason" for a rejection. */
const summary = (results: CvrDocumentRead[]) =>
  results.map((r) => ('company' in r ? `${r.line}:${r.company.cvr}` : `${r.line}:!${r.rejection.reason}`));

const nordkraft = {
  cvr: '30521439',
  name: 'Nordkraft Software ApS',
  municipalityCode: '851',
  address: { street: 'Niels Jernes Vej 10B, 2. tv', postcode: '9220', city: 'Aalborg Øst' },
  industryCode: '620100',
  industryText: 'Computerprogrammering',
  legalForm: 'Anpartsselskab',
  employeesBand: '20-49', // the 2023 Q2 figure is newer than the 2022 annual figure (10-19)
  employeesYear: 2023,
  startDate: '2007-05-01',
  status: 'active',
  statusText: 'Normal',
  advertisingProtected: true,
  pUnits: [
    { pNumber: '1012345678', active: false },
    { pNumber: '1023456789', active: true },
  ],
};

describe('reading the CVR register search response', () => {
  it('reads every hit of a pretty-printed response, each at the line where its hit begins', async () => {
    const results = await readAll(await fixture('search-response.json'));
    assert.deepEqual(summary(results), ['14:30521439', '364:28817649', '611:37114251']);
    assert.deepEqual(results[0], { line: 14, company: nordkraft });
  });

  it('reads a ceased company with years-old employment and a company under bankruptcy that is still active', async () => {
    const [, ceased, bankrupt] = await readAll(await fixture('search-response.json'));
    assert.ok(ceased && 'company' in ceased && bankrupt && 'company' in bankrupt);
    assert.deepEqual(
      [ceased.company.status, ceased.company.statusText, ceased.company.employeesBand, ceased.company.employeesYear, ceased.company.pUnits],
      ['ceased', 'Ophørt', '50-99', 2016, [{ pNumber: '1003388394', active: false }]],
    );
    assert.equal(ceased.company.name, 'HJØRRING MASKINFABRIK A/S');
    // UNDERKONKURS: the lifecycle is open, so the company is active; the status text says why to care.
    assert.deepEqual([bankrupt.company.status, bankrupt.company.statusText], ['active', 'Under konkurs']);
    // 2022 annual (5-9, 6 people) and 2022 Q4 (5-9, 7 people): the annual figure wins the tie.
    assert.deepEqual([bankrupt.company.employeesBand, bankrupt.company.employeesYear], ['5-9', 2022]);
  });

  it('reads the same response printed on one line', async () => {
    const compact = JSON.stringify(JSON.parse(await fixture('search-response.json')));
    assert.deepEqual(summary(await readAll(compact)), ['1:30521439', '1:28817649', '1:37114251']);
  });

  it('gives the same companies for a parsed response without a file', async () => {
    const results = companiesFromCvrJson(JSON.parse(await fixture('search-response.json')));
    assert.deepEqual(results.map((r) => ('company' in r ? r.company.cvr : r.rejection.reason)), ['30521439', '28817649', '37114251']);
  });
});

describe('reading a bulk file with one document per line', () => {
  it('accepts wrapped and bare documents and turns unusable lines into Danish rejections', async () => {
    const results = await readAll(await fixture('bulk.jsonl'));
    assert.deepEqual(summary(results), [
      '1:30521439',
      '2:40381279',
      '4:33145691',
      '5:!cvrNummer: 12345678 er ikke et gyldigt CVR-nummer (modulus 11).',
      '6:!Virksomheden med CVR-nummer 20174838 har intet navn.',
      '7:!Linje 7 er ikke JSON: "Dette er ikke JSON".',
      '8:!JSON-værdien, der begynder i linje 8, stopper midt i en tekst – er linjen afkortet?',
      '9:37114251',
    ]);
    const noName = results[4];
    assert.ok(noName && 'rejection' in noName);
    assert.deepEqual(noName.rejection, { line: 6, cvr: '20174838', reason: 'Virksomheden med CVR-nummer 20174838 har intet navn.' });
  });

  it('falls back on the history arrays for a document without virksomhedMetadata', async () => {
    const results = await readAll(await fixture('bulk.jsonl'));
    const toemrer = results[2];
    assert.ok(toemrer && 'company' in toemrer);
    assert.deepEqual(toemrer.company, {
      cvr: '33145691',
      name: 'Jammerbugt Tømrer ApS',
      municipalityCode: '849',
      address: { street: 'Østergade 21', postcode: '9690', city: 'Fjerritslev' },
      industryCode: '433200',
      industryText: 'Tømrer- og bygningssnedkervirksomhed',
      legalForm: 'Anpartsselskab',
      employeesBand: '5-9',
      employeesYear: 2021,
      startDate: '2010-11-01',
      status: 'active',
      statusText: 'Normal',
      advertisingProtected: false,
      pUnits: [{ pNumber: '1017562937', active: true }],
    });
  });

  it('does not let a line cut off outside a string swallow the documents after it', async () => {
    const whole = JSON.stringify({ Vrvirksomhed: { cvrNummer: 30521439, navne: [{ navn: 'Nordkraft Software ApS', periode: { gyldigFra: '2007-05-01', gyldigTil: null } }] } });
    const cut = whole.slice(0, whole.indexOf('[') + 1);
    const text = [cut, whole, whole].join('\n');
    assert.deepEqual(summary(await readAll(text)), [
      '1:!JSON-værdien, der begynder i linje 1, slutter ikke (der mangler } eller ]).',
      '2:30521439',
      '3:30521439',
    ]);
  });

  it('reports a value left open at the end of the file', async () => {
    assert.deepEqual(summary(await readAll('{"Vrvirksomhed": {\n  "cvrNummer": 30521439,\n')), [
      '1:!JSON-værdien, der begynder i linje 1, slutter ikke (der mangler } eller ]).',
    ]);
  });

  it('reads pretty-printed documents one after another, a top-level array, a BOM and CRLF', async () => {
    const doc = (cvr: number, name: string) => ({ Vrvirksomhed: { cvrNummer: cvr, virksomhedMetadata: { nyesteNavn: { navn: name } } } });
    const pretty = `\uFEFF${JSON.stringify(doc(30521439, 'A'), null, 2)}\r\n${JSON.stringify({ _source: doc(40381279, 'B') }, null, 2)}\r\n`;
    assert.deepEqual(summary(await readAll(pretty)), ['1:30521439', '11:40381279']);
    const array = JSON.stringify([doc(30521439, 'A'), { _source: doc(40381279, 'B') }, { foo: 1 }], null, 2);
    assert.deepEqual(summary(await readAll(array)), ['2:30521439', '12:40381279', '24:!Elementet er ikke et virksomhedsdokument (Vrvirksomhed).']);
  });

  it('streams: the first company is out before the rest of a large file has been read', async () => {
    const line = JSON.stringify({ Vrvirksomhed: { cvrNummer: 30521439, virksomhedMetadata: { nyesteNavn: { navn: 'Nordkraft Software ApS' } } } });
    let pulled = 0;
    async function* big(): AsyncGenerator<string> {
      for (let i = 0; i < 100_000; i++) {
        pulled++;
        yield line;
      }
    }
    for await (const result of readCvrDocuments(big())) {
      assert.ok('company' in result);
      break;
    }
    assert.equal(pulled, 1);
  });
});

describe('one register document', () => {
  const read = (document: Record<string, unknown>) => companiesFromCvrJson({ Vrvirksomhed: document })[0]!;
  const named = { virksomhedMetadata: { nyesteNavn: { navn: '  Læsø   Saltsyderi I/S ' } } };

  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    ['zero-pads a numeric CVR number and collapses spaces in the name', { cvrNummer: 19, ...named }, { cvr: '00000019', name: 'Læsø Saltsyderi I/S' }],
    ['accepts a CVR number written as text', { cvrNummer: '40381279', ...named }, { cvr: '40381279' }],
    [
      'pads a municipality code and a post code, and writes a post box when there is no street',
      { cvrNummer: 40381279, ...named, beliggenhedsadresse: [{ kommune: { kommuneKode: 101, kommuneNavn: 'KØBENHAVN' }, postboks: '1234', postnummer: 800, postdistrikt: 'Høje Taastrup', periode: { gyldigFra: '2019-01-01', gyldigTil: null } }] },
      { municipalityCode: '101', address: { street: 'Postboks 1234', postcode: '0800', city: 'Høje Taastrup' } },
    ],
    ['has no municipality for an address abroad', { cvrNummer: 40381279, ...named, beliggenhedsadresse: [{ kommune: null, vejnavn: 'Storgatan', periode: { gyldigFra: '2019-01-01', gyldigTil: null } }] }, { municipalityCode: null }],
    ['is ceased when every lifecycle entry has ended', { cvrNummer: 40381279, ...named, livsforloeb: [{ periode: { gyldigFra: '2019-01-01', gyldigTil: '2021-06-30' } }] }, { status: 'ceased', startDate: '2019-01-01' }],
    ['reads a combined status without regard to case or spaces', { cvrNummer: 40381279, virksomhedMetadata: { ...named.virksomhedMetadata, sammensatStatus: 'Under Tvangsopløsning' } }, { statusText: 'Under tvangsopløsning' }],
    ['falls back on the combined status when there is no lifecycle', { cvrNummer: 40381279, virksomhedMetadata: { ...named.virksomhedMetadata, sammensatStatus: 'OPLØSTEFTERFUSION' } }, { status: 'ceased', statusText: 'Opløst efter fusion' }],
    ['uses a count when the employment object has no interval code', { cvrNummer: 40381279, virksomhedMetadata: { ...named.virksomhedMetadata, nyesteAarsbeskaeftigelse: { aar: 2020, antalAnsatte: 1200 } } }, { employeesBand: '1000+', employeesYear: 2020 }],
    ['ignores null employment objects', { cvrNummer: 40381279, virksomhedMetadata: { ...named.virksomhedMetadata, nyesteAarsbeskaeftigelse: null, nyesteKvartalsbeskaeftigelse: null } }, { employeesBand: null, employeesYear: null }],
    [
      'keeps one entry per P-number, active when any of its periods is open',
      { cvrNummer: 40381279, ...named, penheder: [{ pNummer: 1017562937, periode: { gyldigFra: '2010-01-01', gyldigTil: '2012-01-01' } }, { pNummer: 1017562937, periode: { gyldigFra: '2015-01-01', gyldigTil: null } }, { pNummer: 12, periode: {} }] },
      { pUnits: [{ pNumber: '1017562937', active: true }] },
    ],
    ['pads a numeric industry code', { cvrNummer: 40381279, ...named, hovedbranche: [{ branchekode: 11100, branchetekst: 'Dyrkning af korn', periode: { gyldigFra: '2008-01-01', gyldigTil: null } }] }, { industryCode: '011100' }],
  ];
  for (const [title, document, expected] of cases) {
    it(title, () => {
      const result = read(document);
      assert.ok('company' in result, JSON.stringify(result));
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(result.company[key as keyof typeof result.company], value, key);
    });
  }

  it('rejects documents without a CVR number, with an invalid one, or without a name', () => {
    assert.deepEqual(read({ ...named }), { rejection: { reason: 'Virksomheden har intet CVR-nummer (cvrNummer).' } });
    assert.deepEqual(read({ cvrNummer: 'DK1234', ...named }), { rejection: { reason: 'cvrNummer: "DK1234" er ikke et CVR-nummer (8 cifre).' } });
    assert.deepEqual(read({ cvrNummer: 40381279, navne: [] }), { rejection: { cvr: '40381279', reason: 'Virksomheden med CVR-nummer 40381279 har intet navn.' } });
    assert.deepEqual(companiesFromCvrJson({ Vrvirksomhed: null }), [{ rejection: { reason: 'Dokumentet indeholder ingen virksomhed (Vrvirksomhed).' } }]);
    assert.deepEqual(companiesFromCvrJson({ took: 1 }), [{ rejection: { reason: 'JSON-værdien er hverken et CVR-søgesvar (hits.hits) eller et virksomhedsdokument (Vrvirksomhed).' } }]);
  });
});
