import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRational } from '../money/rational.ts';
import { evaluateContract, measurementsByTargetId } from './contract.evaluate.ts';
import type { Measurement } from './contract.evaluate.ts';
import { parseContract } from './contract.schema.ts';
import type { ContractInput } from './contract.schema.ts';
import { buildContractReport } from './report.build.ts';
import { diffReports } from './report.diff.ts';
import type { ContractReport, ReportSpreadRow } from './report.types.ts';
import { seedContractInputs } from './seeds/index.ts';

const value = (text: string, n: number | null = 80): Measurement => ({
  kind: 'value',
  value: parseRational(text)!,
  n,
  period: { from: '2023-01-01', to: '2023-12-31' },
  recordIds: [],
});

const BASE: Record<string, Measurement> = {
  'nye-virksomheder': value('55'),
  'meget-tilfredse-drift': value('85'),
  'nps-drift': value('6999/100'),
  'meget-tilfredse-vaekst': value('81'),
  'nps-vaekst': value('72'),
  'henvisninger-benyttet': value('52'),
};
const laesoe = (guided: number): ReportSpreadRow => ({ municipalityCode: '825', municipalityName: 'Læsø', guidedCompanies: guided, courses: 4, companyPopulation: null, guidedShare: null });

function report(measurements: Record<string, Measurement>, options: { goal8Done?: boolean; spread?: ReportSpreadRow[] } = {}): ContractReport {
  const input = structuredClone(seedContractInputs.find((c) => c.id === 'nordjylland-2023')) as ContractInput;
  if (options.goal8Done) {
    const list = input.goals!.find((g) => g.number === 8)!.targets[0]!;
    if (list.kind === 'activities') for (const a of list.activities) a.status = 'done';
  }
  const parsed = parseContract(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  const contract = parsed.value;
  return buildContractReport({
    contract,
    evaluation: evaluateContract(contract, measurementsByTargetId(measurements)),
    computedAt: new Date('2024-02-01T12:00:00Z'),
    drillDownPaths: {},
    spread: options.spread ?? [laesoe(3)],
    development: [],
  });
}

describe('diffReports', () => {
  it('finds nothing between a report and itself (or its JSON copy)', () => {
    const r = report(BASE);
    assert.deepEqual(diffReports(r, r), []);
    assert.deepEqual(diffReports(r, JSON.parse(JSON.stringify(r)) as ContractReport), []);
  });

  it('sees an exact change hidden by rounding (69,99 → 70 both shown as 70,0), and the status it flips', () => {
    const before = report(BASE);
    const after = report({ ...BASE, 'nps-drift': value('70') });
    assert.deepEqual(diffReports(before, after), [
      { where: 'Sammenfatning', field: 'Opfyldte mål', before: '1', after: '2' },
      { where: 'Sammenfatning', field: 'Ikke opfyldte mål', before: '5', after: '4' },
      { where: 'Mål 3', field: 'Status', before: 'Ikke opfyldt', after: 'Opfyldt' },
      { where: 'Mål 3', field: 'Opfyldelse', before: '0 %', after: '100 %' },
      { where: 'Mål 3 · NPS, driftssegmentet', field: 'Resultat', before: '70,0 (6999/100)', after: '70,0 (70)' },
      { where: 'Mål 3 · NPS, driftssegmentet', field: 'Opfyldt', before: 'nej', after: 'ja' },
    ]);
  });

  it('reports n, a missing figure becoming known, activity statuses and spread rows, in a stable order', () => {
    const before = report(BASE);
    const after = report({ ...BASE, 'nps-vaekst': value('72', 95), 'digital-effekt': value('71', 40) }, { goal8Done: true, spread: [laesoe(5), { ...laesoe(2), municipalityCode: '860', municipalityName: 'Hjørring' }] });
    const found = diffReports(before, after);
    const wheres = found.map((d) => `${d.where} | ${d.field}`);
    assert.deepEqual(wheres, [
      'Sammenfatning | Opfyldte mål',
      'Sammenfatning | Ikke opfyldte mål',
      'Sammenfatning | Ikke målbare mål',
      'Mål 3 · NPS, vækstsegmentet | n',
      'Mål 7 | Status',
      'Mål 7 | Opfyldelse',
      'Mål 7 · Andel med digitaliseringsvejledning, der i høj grad forventer en positiv effekt | Resultat',
      'Mål 7 · Andel med digitaliseringsvejledning, der i høj grad forventer en positiv effekt | n',
      'Mål 7 · Andel med digitaliseringsvejledning, der i høj grad forventer en positiv effekt | Opfyldt',
      'Mål 7 · Andel med digitaliseringsvejledning, der i høj grad forventer en positiv effekt | Mangler',
      'Mål 8 | Status',
      'Mål 8 | Opfyldelse',
      'Mål 8 · Indsatser | Opfyldt',
      'Mål 8 · Indsatser · Nye midler til strategiens 8 indsatsområder | Status',
      'Mål 8 · Indsatser · AddSmart og CO2Vision | Status',
      'Mål 8 · Indsatser · Processen for strategien 2024-27 | Status',
      'Geografisk spredning · Læsø | Vejledte virksomheder',
      'Geografisk spredning · Hjørring | Kommune',
    ]);
    const digital = found.find((d) => d.where.startsWith('Mål 7 ·') && d.field === 'Resultat')!;
    assert.deepEqual([digital.before, digital.after], [null, '71,0 %']);
    const activity = found.find((d) => d.where.endsWith('AddSmart og CO2Vision'))!;
    assert.deepEqual([activity.before, activity.after], ['Ikke påbegyndt', 'Tilfredsstillende gennemført']);
    assert.deepEqual(found.at(-1), { where: 'Geografisk spredning · Hjørring', field: 'Kommune', before: null, after: 'Hjørring' });
    // Reversed, the same places differ.
    assert.deepEqual(
      diffReports(after, before).map((d) => `${d.where} | ${d.field}`).sort(),
      [...wheres].sort(),
    );
  });
});
