import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { pdfInfo, pdfText } from '../../../test/helpers/pdf-text.ts';
import { evaluateContract, measurementsByTargetId } from '../../domain/contracts/contract.evaluate.ts';
import type { Measurement } from '../../domain/contracts/contract.evaluate.ts';
import { parseContract } from '../../domain/contracts/contract.schema.ts';
import type { ContractInput } from '../../domain/contracts/contract.schema.ts';
import { buildContractReport } from '../../domain/contracts/report.build.ts';
import type { ContractReport, ReportSpreadRow } from '../../domain/contracts/report.types.ts';
import { seedContractInputs } from '../../domain/contracts/seeds/index.ts';
import { parseRational } from '../../domain/money/rational.ts';
import { pdfSafe, renderReportPdf } from './report.pdf.ts';

const value = (text: string, n: number | null, interval?: { low: number; high: number }): Measurement => ({
  kind: 'value',
  value: parseRational(text)!,
  n,
  period: { from: '2023-01-01', to: '2023-12-31' },
  recordIds: ['a', 'b'],
  interval: interval ?? null,
});

const spreadRow = (code: string, name: string, guided: number): ReportSpreadRow => ({
  municipalityCode: code,
  municipalityName: name,
  guidedCompanies: guided,
  courses: guided + 3,
  companyPopulation: 1000,
  guidedShare: { exact: `${guided}/10`, shown: (guided / 10).toFixed(1).replace('.', ',') },
});

function report(spread: ReportSpreadRow[]): ContractReport {
  const input = structuredClone(seedContractInputs.find((c) => c.id === 'nordjylland-2023')) as ContractInput;
  const list = input.goals!.find((g) => g.number === 8)!.targets[0]!;
  if (list.kind === 'activities') {
    list.activities[0]!.status = 'done';
    list.activities[0]!.evidence = [{ kind: 'link', value: 'https://example.dk/fonde', label: 'Ansøgning til fondene', date: '2023-05-04' }];
  }
  const parsed = parseContract(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const contract = parsed.value;
  const measurements = {
    'nye-virksomheder': value('362/5', 250, { low: 66.55, high: 77.6 }),
    'nps-drift': value('6999/100', 90, { low: 55.04, high: 84.96 }),
    'meget-tilfredse-drift': value('80', 90),
    'meget-tilfredse-vaekst': value('81', 40),
    'nps-vaekst': value('75', 40),
    'henvisninger-benyttet': value('50', 64),
    'unikke-virksomheder': value('1234', null),
  };
  return buildContractReport({
    contract,
    evaluation: evaluateContract(contract, measurementsByTargetId(measurements)),
    computedAt: new Date('2024-02-15T10:00:00Z'),
    drillDownPaths: {},
    spread,
    development: [
      { year: 2022, uniqueCompanies: 1100, courses: 900, nps: { exact: '68', shown: '68,0' }, npsN: 300, referralUptakeShare: null, goalsFulfilled: 6, goalsTotal: 11 },
      { year: 2023, uniqueCompanies: 1234, courses: 950, nps: { exact: '6999/100', shown: '70,0' }, npsN: 320, referralUptakeShare: { exact: '50', shown: '50,0' }, goalsFulfilled: 2, goalsTotal: 11 },
    ],
  });
}

const nordjyske = [spreadRow('825', 'Læsø', 12), spreadRow('851', 'Aalborg', 420), spreadRow('860', 'Hjørring', 96), spreadRow('813', 'Frederikshavn', 88)];

describe('renderReportPdf', () => {
  it('writes the title, every goal, status words, Danish letters and the numbers as shown', async () => {
    const r = report(nordjyske);
    const bytes = await renderReportPdf(r, { version: 2, issuedAt: '2024-03-01T09:30:00Z' });
    assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
    const text = await pdfText(bytes);
    assert.ok(text.includes('Resultatkontrakt 2023 mellem KKR Nordjylland og Erhvervshus Nordjylland'), 'title');
    for (const goal of r.goals) assert.ok(text.includes(`Mål ${goal.number}. ${goal.title}`), `goal ${goal.number}`);
    for (const word of ['Ikke målbart', 'Ikke opfyldt', 'Opfyldt', 'Tilfredsstillende gennemført', 'Ikke påbegyndt']) assert.ok(text.includes(word), word);
    for (const name of ['Læsø', 'Hjørring', 'Bæredygtighedshjulet', 'Grøn omstilling']) assert.ok(text.includes(name), name);
    // Numbers as shown: a share, an NPS shown as 70,0 that is not met, a count with a thousands separator, the interval.
    for (const shown of ['72,4 %', '70,0', '1.234', '17.645.000 kr.', '55,0–85,0', '50,0 %', 'n = 250']) assert.ok(text.includes(shown), shown);
    // ≥ is not in the standard fonts: written as a word.
    assert.ok(text.includes('mindst 70'), 'requirement');
    assert.ok(text.includes('Version: 2, udstedt 1. marts 2024 kl. 10.30'), 'version');
    assert.ok(text.includes('Dataperiode: 1. januar 2023 – 31. december 2023'), 'period');
    assert.ok(text.includes('Ansøgning til fondene'), 'evidence');
    assert.ok(text.includes('Vejledte virksomheder pr. kommune'), 'chart title');
    assert.match(text, /Side 1 af (\d+)/);
  });

  it('sets the document information', async () => {
    const { info, pages } = await pdfInfo(await renderReportPdf(report(nordjyske)));
    assert.equal(info['Author'], 'Knudepunkt');
    assert.equal(info['Language'], 'da');
    assert.match(String(info['Title']), /^Afrapportering 2023: Resultatkontrakt 2023/);
    assert.ok(pages >= 4);
  });

  it('breaks a long table across pages, repeating its header, and numbers every page', async () => {
    const many = Array.from({ length: 90 }, (_, i) => spreadRow(String(100 + i), `Kommune ${i + 1}`, i));
    const bytes = await renderReportPdf(report(many));
    const { pages } = await pdfInfo(bytes);
    const text = await pdfText(bytes);
    const headers = text.split('Kommune Kode Vejledte virksomheder Forløb Virksomheder i kommunen Andel vejledt').length - 1;
    assert.ok(headers >= 2, `header repeated (${headers})`);
    for (let i = 1; i <= 90; i++) assert.ok(text.includes(`Kommune ${i} `), `row ${i}`);
    for (let p = 1; p <= pages; p++) assert.ok(text.includes(`Side ${p} af ${pages}`), `page ${p}`);
  });
});

describe('renderReportPdf on every shipped contract', () => {
  for (const input of seedContractInputs) {
    it(`${input.id}: every goal is in the PDF`, async () => {
      const parsed = parseContract(input);
      assert.ok(parsed.ok);
      const contract = parsed.value;
      const r = buildContractReport({ contract, evaluation: evaluateContract(contract, measurementsByTargetId({})), computedAt: new Date('2025-01-10T08:00:00Z'), drillDownPaths: {}, spread: [], development: [] });
      const started = performance.now();
      const bytes = await renderReportPdf(r);
      assert.ok(performance.now() - started < 5000);
      const text = await pdfText(bytes);
      for (const goal of r.goals) assert.ok(text.includes(`Mål ${goal.number}. ${goal.title}`), `goal ${goal.number}`);
      assert.ok(!text.includes('?'.repeat(2)), 'no unknown signs');
    });
  }
});

describe('pdfSafe', () => {
  it('keeps Danish letters and writes the signs the standard fonts lack as words', () => {
    assert.equal(pdfSafe('Læsø ≥ 70 → 100 % – “ok”'), 'Læsø mindst 70 giver 100 % – “ok”');
    assert.equal(pdfSafe('≤ 5 ✓'), 'højst 5 ?');
  });
});
