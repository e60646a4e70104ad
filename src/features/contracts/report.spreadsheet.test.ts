import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { evaluateContract, measurementsByTargetId } from '../../domain/contracts/contract.evaluate.ts';
import type { Measurement } from '../../domain/contracts/contract.evaluate.ts';
import { parseContract } from '../../domain/contracts/contract.schema.ts';
import type { ContractInput } from '../../domain/contracts/contract.schema.ts';
import { buildContractReport } from '../../domain/contracts/report.build.ts';
import type { ContractReport } from '../../domain/contracts/report.types.ts';
import { seedContractInputs } from '../../domain/contracts/seeds/index.ts';
import { parseRational } from '../../domain/money/rational.ts';
import { exactNumber, renderReportWorkbook, reportFileName } from './report.spreadsheet.ts';

const value = (text: string, n: number | null, interval?: { low: number; high: number }): Measurement => ({
  kind: 'value',
  value: parseRational(text)!,
  n,
  period: { from: '2023-01-01', to: '2023-12-31' },
  recordIds: ['a'],
  interval: interval ?? null,
});

function report(): ContractReport {
  const input = structuredClone(seedContractInputs.find((c) => c.id === 'nordjylland-2023')) as ContractInput;
  const list = input.goals!.find((g) => g.number === 8)!.targets[0]!;
  if (list.kind === 'activities') {
    list.activities[0]!.status = 'done';
    list.activities[0]!.evidence = [
      { kind: 'link', value: 'https://example.dk/fonde', label: 'Ansøgning', date: '2023-05-04' },
      { kind: 'file', value: 'fil-7', label: 'Referat' },
    ];
  }
  const parsed = parseContract(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const contract = parsed.value;
  const measurements = {
    'nye-virksomheder': value('362/5', 250, { low: 66.55, high: 77.6 }),
    'nps-drift': value('6999/100', 90),
    'unikke-virksomheder': value('1234', null),
  };
  return buildContractReport({
    contract,
    evaluation: evaluateContract(contract, measurementsByTargetId(measurements)),
    computedAt: new Date('2024-02-15T10:00:00Z'),
    drillDownPaths: { 'nps-drift': '/kontrakter/nordjylland-2023/maal/3/nps-drift' },
    spread: [
      { municipalityCode: '825', municipalityName: 'Læsø', guidedCompanies: 12, courses: 15, companyPopulation: 240, guidedShare: { exact: '5', shown: '5,0' } },
      { municipalityCode: '851', municipalityName: 'Aalborg', guidedCompanies: 420, courses: 500, companyPopulation: null, guidedShare: null },
    ],
    development: [{ year: 2023, uniqueCompanies: 1234, courses: 950, nps: { exact: '6999/100', shown: '70,0' }, npsN: 320, referralUptakeShare: null, goalsFulfilled: 2, goalsTotal: 11 }],
  });
}

async function read(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

/** The data rows (below the header in row 4) as arrays of cell values, column A first. */
function rowsOf(sheet: ExcelJS.Worksheet): ExcelJS.CellValue[][] {
  const rows: ExcelJS.CellValue[][] = [];
  sheet.eachRow((row, i) => {
    if (i > 4) rows.push(Array.from((row.values as ExcelJS.CellValue[]).slice(1)));
  });
  return rows;
}

describe('renderReportWorkbook', () => {
  it('has the five sheets with title and header rows', async () => {
    const workbook = await read(await renderReportWorkbook(report(), { version: 2, issuedAt: '2024-03-01T09:30:00Z' }));
    assert.deepEqual(workbook.worksheets.map((s) => s.name), ['Sammenfatning', 'Mål', 'Indsatser', 'Geografisk spredning', 'Udvikling']);
    const summary = workbook.getWorksheet('Sammenfatning')!;
    assert.equal(summary.getCell('A1').value, 'Afrapportering 2023 – Resultatkontrakt 2023 mellem KKR Nordjylland og Erhvervshus Nordjylland');
    assert.match(String(summary.getCell('A2').value), /version 2, udstedt 1\. marts 2024 kl\. 10\.30/);
    assert.deepEqual((summary.getRow(4).values as ExcelJS.CellValue[]).slice(1), ['Mål', 'Titel', 'Art', 'Opfyldelse (%)', 'Status', 'Vurdering']);
  });

  it('writes one row per goal in the summary, with fulfilment as a number and the status in Danish', async () => {
    const summary = (await read(await renderReportWorkbook(report()))).getWorksheet('Sammenfatning')!;
    const rows = rowsOf(summary);
    assert.deepEqual(rows[1]!.slice(0, 5), [2, 'Bred geografisk spredning', 'Nationalt mål', 0, 'Ikke opfyldt']);
    assert.deepEqual(rows[2]!.slice(0, 5), [3, 'Kvalitet og tilfredshed', 'Nationalt mål', undefined, 'Ikke målbart']);
    const counts = rows.filter((r) => r[1] === 'Mål i alt');
    assert.equal(counts[0]![4], 11);
    assert.ok(rows.some((r) => r[1] === 'Basisbevilling (kr.)' && r[4] === 17645000));
  });

  it('writes one row per target with the result as a number cell formatted as shown', async () => {
    const sheet = (await read(await renderReportWorkbook(report()))).getWorksheet('Mål')!;
    const rows = rowsOf(sheet);
    assert.equal(rows.length, report().goals.reduce((s, g) => s + g.targets.length, 0));
    const newShare = rows.find((r) => r[1] === 'Andel nye virksomheder blandt de vejledte og evaluerede')!;
    assert.deepEqual(newShare.slice(0, 9), [1, newShare[1], '≥ 50 %', 72.4, '%', '362/5', 250, 66.6, 77.6]);
    const npsRow = rows.findIndex((r) => r[1] === 'NPS, driftssegmentet');
    assert.equal(rows[npsRow]![3], 69.99);
    assert.equal(rows[npsRow]![12], 'nej');
    assert.equal(rows[npsRow]![16], '/kontrakter/nordjylland-2023/maal/3/nps-drift');
    assert.equal(sheet.getRow(npsRow + 5).getCell(4).numFmt, '0.0');
    const countRow = rows.findIndex((r) => r[1] === 'Unikke vejledte virksomheder');
    assert.equal(rows[countRow]![3], 1234);
    assert.equal(sheet.getRow(countRow + 5).getCell(4).numFmt, '#,##0');
    const missing = rows.find((r) => r[1] === 'Kendskab til erhvervshuset')!;
    assert.equal(missing[3], undefined);
    assert.equal(missing[12], 'kan ikke vurderes');
    assert.match(String(missing[13]), /ingen værdi indtastet/);
    const activities = rows.find((r) => r[0] === 8)!;
    assert.equal(activities[3], '1 af 3 gennemført');
  });

  it('lists the activities with one row per piece of evidence', async () => {
    const rows = rowsOf((await read(await renderReportWorkbook(report()))).getWorksheet('Indsatser')!);
    const first = rows.filter((r) => r[1] === 'Nye midler til strategiens 8 indsatsområder');
    assert.deepEqual(first.map((r) => [r[2], r[4], r[5], r[6], r[7]]), [
      ['Tilfredsstillende gennemført', 'Link', 'https://example.dk/fonde', 'Ansøgning', '2023-05-04'],
      ['Tilfredsstillende gennemført', 'Fil', 'fil-7', 'Referat', undefined],
    ]);
    assert.equal(rows.filter((r) => r[0] === 9).length, 5);
  });

  it('writes the spread with a total row and the development', async () => {
    const workbook = await read(await renderReportWorkbook(report()));
    const spread = rowsOf(workbook.getWorksheet('Geografisk spredning')!);
    assert.deepEqual(spread[0], ['Læsø', '825', 12, 15, 240, 5]);
    assert.equal(spread[2]![0], 'I alt');
    assert.deepEqual(spread[2]![2], { formula: 'SUM(C5:C6)', result: 432 });
    const development = rowsOf(workbook.getWorksheet('Udvikling')!);
    assert.deepEqual(development[0], [2023, 1234, 950, 69.99, 320, undefined, 2, 11]);
  });
});

describe('reportFileName and exactNumber', () => {
  it('names the files after the contract and the version', () => {
    assert.equal(reportFileName({ contractId: 'nordjylland-2023' }, 'pdf', { version: 2 }), 'afrapportering-nordjylland-2023-v2.pdf');
    assert.equal(reportFileName({ contractId: 'nordjylland-2023' }, 'xlsx'), 'afrapportering-nordjylland-2023.xlsx');
  });
  it('reads an exact value into a number', () => {
    assert.equal(exactNumber({ exact: '362/5', shown: '72,4' }), 72.4);
    assert.equal(exactNumber({ exact: '-13/2', shown: '-6,5' }), -6.5);
    assert.equal(exactNumber(null), null);
  });
});
