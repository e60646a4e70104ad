import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Rational, parseRational } from '../money/rational.ts';
import { evaluateContract, measurementsByTargetId } from './contract.evaluate.ts';
import type { Measurement } from './contract.evaluate.ts';
import { parseContract } from './contract.schema.ts';
import type { Contract, ContractInput } from './contract.schema.ts';
import { buildContractReport, formatDanish, reportPeriod } from './report.build.ts';
import type { ContractReport, ReportTarget } from './report.types.ts';
import { seedContractInputs } from './seeds/index.ts';

const q = (text: string): Rational => {
  const value = parseRational(text);
  if (value === null) throw new Error(`bad literal ${text}`);
  return value;
};
const YEAR = { from: '2023-01-01', to: '2023-12-31' };
const value = (text: string, n: number | null, extra: Partial<Extract<Measurement, { kind: 'value' }>> = {}): Measurement => ({
  kind: 'value',
  value: q(text),
  n,
  period: YEAR,
  recordIds: ['r1', 'r2', 'r3'],
  ...extra,
});

/** Nordjylland 2023 with goal 8 proportional and two of its activities done (with evidence). */
function contract2023(): Contract {
  const input = structuredClone(seedContractInputs.find((c) => c.id === 'nordjylland-2023')) as ContractInput;
  const goal8 = input.goals!.find((g) => g.number === 8)!;
  goal8.rule = { kind: 'activities', partial: 'proportional' };
  const list = goal8.targets[0]!;
  if (list.kind !== 'activities') throw new Error('goal 8 has an activity list');
  list.activities[0]!.status = 'done';
  list.activities[0]!.evidence = [{ kind: 'link', value: 'https://example.dk/strategi', label: 'Strategien', date: '2023-06-01' }];
  list.activities[1]!.status = 'done';
  list.activities[1]!.evidence = [{ kind: 'file', value: 'f-123', label: 'Referat' }];
  list.activities[2]!.status = 'inProgress';
  const parsed = parseContract(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

const measurements: Record<string, Measurement> = {
  kendskab: value('50', 1000, { source: 'ERST kendskabsmåling', period: { from: '2023-09-30', to: '2023-09-30' }, recordIds: ['doc-1'] }),
  'nye-virksomheder': value('181/250', 250, { value: q('181/250').mul(Rational.of(100n)), interval: { low: 66.55, high: 77.6 } }),
  'meget-tilfredse-drift': value('80', 90),
  'nps-drift': value('6999/100', 90, { interval: { low: 55.04, high: 84.96 } }),
  'meget-tilfredse-vaekst': value('0', 0),
  'nps-vaekst': value('75', 40),
  'henvisninger-benyttet': value('50', 64),
  'digital-effekt': value('1399/20', 30),
  'unikke-virksomheder': value('1234', null),
  'vaekst-drift': value('350', null),
  'korte-early-warning': value('599', null),
};

function build(computedAt = new Date('2024-02-15T10:00:00Z')): ContractReport {
  const contract = contract2023();
  return buildContractReport({
    contract,
    evaluation: evaluateContract(contract, measurementsByTargetId(measurements)),
    computedAt,
    drillDownPaths: { 'nps-drift': '/kontrakter/nordjylland-2023/maal/3/nps-drift' },
    spread: [{ municipalityCode: '825', municipalityName: 'Læsø', guidedCompanies: 12, courses: 15, companyPopulation: 240, guidedShare: { exact: '5', shown: '5,0' } }],
    development: [],
  });
}

const targetOf = (report: ContractReport, goal: number, id: string): ReportTarget => {
  const found = report.goals.find((g) => g.number === goal)?.targets.find((t) => t.id === id);
  if (found === undefined) throw new Error(`no target ${goal}/${id}`);
  return found;
};

describe('buildContractReport on Nordjylland 2023', () => {
  const report = build();

  it('carries the parties, the year, the status in Danish and the base grant', () => {
    assert.equal(report.title, 'Resultatkontrakt 2023 mellem KKR Nordjylland og Erhvervshus Nordjylland');
    assert.equal(report.hub, 'Erhvervshus Nordjylland');
    assert.equal(report.kkr, 'KKR Nordjylland');
    assert.equal(report.contractStatus, 'underskrevet');
    assert.equal(report.computedAt, '2024-02-15T10:00:00.000Z');
    assert.deepEqual(report.period, YEAR);
    assert.deepEqual(report.baseGrant, { amount: { exact: '17645000', shown: '17.645.000' }, distributionKey: 'Folketal 1. kvartal 2022 efter bopælskommune' });
  });

  // goal, target id → requirement, result exact/shown, n, holds, missing
  const cases: [number, string, string, string | null, string | null, number | null, boolean | null, string | null][] = [
    [1, 'kendskab', '≥ 50 %', '50', '50,0', 1000, true, null],
    [1, 'nye-virksomheder', '≥ 50 %', '362/5', '72,4', 250, true, null],
    [3, 'meget-tilfredse-drift', '≥ 80 %', '80', '80,0', 90, true, null],
    // shown as 70,0 but judged on the exact 69,99: not met
    [3, 'nps-drift', '≥ 70', '6999/100', '70,0', 90, false, null],
    [3, 'meget-tilfredse-vaekst', '≥ 80 %', null, null, null, null, 'ingen besvarelser (n = 0)'],
    [3, 'nps-vaekst', '≥ 70', '75', '75,0', 40, true, null],
    [4, 'henvisninger-benyttet', '≥ 50 %', '50', '50,0', 64, true, null],
    [5, 'kendskab-groenne-tilbud', '≥ 74 %', null, null, null, null, 'ingen værdi indtastet fra Erhvervsstyrelsens kendskabsmåling'],
    [6, 'forventet-effekt', '≥ 70 %', null, null, null, null, 'ingen måling'],
    [6, 'produktivitet-drift', '> 0 procentpoint', null, null, null, null, 'ingen værdi indtastet fra Danmarks Statistik (kontrolgruppeanalyse)'],
    [7, 'digital-effekt', '≥ 70 %', '1399/20', '70,0', 30, false, null],
    [8, 'indsatser', 'indsatserne tilfredsstillende gennemført (forholdsmæssig opfyldelse)', null, null, null, false, null],
    [9, 'indsatser', 'alle indsatser tilfredsstillende gennemført', null, null, null, false, null],
    [11, 'unikke-virksomheder', '≥ 800', '1234', '1.234', null, true, null],
    [11, 'vaekst-drift', '≥ 350', '350', '350', null, true, null],
    [11, 'korte-early-warning', '≥ 600', '599', '599', null, false, null],
  ];
  for (const [goal, id, requirement, exact, shown, n, holds, missing] of cases) {
    it(`goal ${goal}, ${id}: ${requirement} → ${shown ?? missing ?? 'activities'}`, () => {
      const t = targetOf(report, goal, id);
      assert.equal(t.requirement, requirement);
      assert.deepEqual(t.result, exact === null ? null : { exact, shown });
      assert.equal(t.n, n);
      assert.equal(t.holds, holds);
      if (id === 'produktivitet-drift') assert.match(t.missing ?? '', /^ingen værdi indtastet fra /);
      else assert.equal(t.missing, missing);
    });
  }

  // goal → status, label, fulfilment shown
  const goals: [number, string, string, string | null][] = [
    [1, 'fulfilled', 'Opfyldt', '100'],
    [2, 'notFulfilled', 'Ikke opfyldt', '0'],
    [3, 'notMeasurable', 'Ikke målbart', null],
    [4, 'fulfilled', 'Opfyldt', '100'],
    [5, 'notMeasurable', 'Ikke målbart', null],
    [6, 'notMeasurable', 'Ikke målbart', null],
    [7, 'notFulfilled', 'Ikke opfyldt', '0'],
    [8, 'partlyFulfilled', 'Delvist opfyldt', '66,7'],
    [9, 'notFulfilled', 'Ikke opfyldt', '0'],
    [10, 'notFulfilled', 'Ikke opfyldt', '0'],
    [11, 'notFulfilled', 'Ikke opfyldt', '0'],
  ];
  for (const [number, status, label, fulfilment] of goals) {
    it(`goal ${number} is ${label}${fulfilment === null ? '' : ` (${fulfilment} %)`}`, () => {
      const g = report.goals.find((x) => x.number === number)!;
      assert.equal(g.status, status);
      assert.equal(g.statusLabel, label);
      assert.equal(g.fulfilment?.shown ?? null, fulfilment);
      if (status === 'notMeasurable') assert.ok(g.missing.length > 0 && g.explanation.startsWith('Ikke målbart'));
    });
  }

  it('counts the goals per status', () => {
    assert.deepEqual(report.summary, { fulfilled: 2, partlyFulfilled: 1, notFulfilled: 5, notMeasurable: 3, total: 11 });
  });

  it('keeps the exact fulfilment of a proportional goal', () => {
    assert.deepEqual(report.goals.find((g) => g.number === 8)!.fulfilment, { exact: '200/3', shown: '66,7' });
  });

  it('gives n, interval, period, source, record count and drill-down of a measured target', () => {
    const nps = targetOf(report, 3, 'nps-drift');
    assert.deepEqual(nps.interval, { low: '55,0', high: '85,0' });
    assert.deepEqual(nps.period, YEAR);
    assert.equal(nps.recordCount, 3);
    assert.equal(nps.drillDownPath, '/kontrakter/nordjylland-2023/maal/3/nps-drift');
    assert.equal(nps.comparison, '>=');
    assert.deepEqual(nps.threshold, { exact: '70', shown: '70,0' });
    assert.equal(nps.unit, '');
    assert.equal(targetOf(report, 1, 'nye-virksomheder').unit, '%');
    assert.equal(targetOf(report, 1, 'nye-virksomheder').drillDownPath, null);
    assert.equal(targetOf(report, 1, 'kendskab').source, 'ERST kendskabsmåling, 2023-09-30');
    assert.equal(targetOf(report, 11, 'unikke-virksomheder').threshold?.shown, '800');
  });

  it('states the baseline of a target', () => {
    assert.equal(targetOf(report, 1, 'kendskab').baseline, '36 % (september 2021)');
    assert.equal(targetOf(report, 3, 'nps-drift').baseline, null);
  });

  it('lists activities with their Danish status and evidence', () => {
    const list = targetOf(report, 8, 'indsatser').activities;
    assert.deepEqual(
      list.map((a) => [a.name, a.statusLabel]),
      [
        ['Nye midler til strategiens 8 indsatsområder', 'Tilfredsstillende gennemført'],
        ['AddSmart og CO2Vision', 'Tilfredsstillende gennemført'],
        ['Processen for strategien 2024-27', 'I gang'],
      ],
    );
    assert.deepEqual(list[0]!.evidence, [{ kind: 'link', value: 'https://example.dk/strategi', label: 'Strategien', date: '2023-06-01' }]);
    assert.deepEqual(list[1]!.evidence, [{ kind: 'file', value: 'f-123', label: 'Referat', date: null }]);
  });

  it('passes the spread through and is plain JSON (a snapshot round-trips unchanged)', () => {
    assert.equal(report.spread[0]!.municipalityName, 'Læsø');
    assert.deepEqual(JSON.parse(JSON.stringify(report)), report);
  });

  it('states a correction of the source document (2022 goal 9)', () => {
    const input = seedContractInputs.find((c) => c.id === 'nordjylland-2022')!;
    const parsed = parseContract(input);
    assert.ok(parsed.ok);
    const c = parsed.value;
    const r = buildContractReport({ contract: c, evaluation: evaluateContract(c, measurementsByTargetId({})), computedAt: new Date('2023-03-01T00:00:00Z'), drillDownPaths: {}, spread: [], development: [] });
    const goal9 = r.goals.find((g) => g.number === 9)!;
    assert.equal(goal9.corrections.length, 1);
    assert.match(`${goal9.corrections[0]!.stated} ${goal9.corrections[0]!.applied}`, /4.*5|5.*4/);
  });
});

describe('reportPeriod', () => {
  const cases: [number, string, string, string][] = [
    [2023, '2024-02-15T10:00:00Z', '2023-01-01', '2023-12-31'],
    [2023, '2023-06-30T21:30:00Z', '2023-01-01', '2023-06-30'], // 23:30 in Copenhagen
    [2023, '2023-06-30T22:30:00Z', '2023-01-01', '2023-07-01'], // already 1 July in Copenhagen
    [2023, '2022-11-01T12:00:00Z', '2023-01-01', '2023-01-01'], // the year has not begun
  ];
  for (const [year, at, from, to] of cases) {
    it(`${year} computed at ${at} → ${from}..${to}`, () => assert.deepEqual(reportPeriod(year, new Date(at)), { from, to }));
  }
});

describe('formatDanish', () => {
  const cases: [string, number, string][] = [
    ['1234', 0, '1.234'],
    ['1234567/10', 1, '123.456,7'],
    ['-13/2', 1, '-6,5'],
    ['999', 0, '999'],
    ['1399/20', 1, '70,0'],
  ];
  for (const [v, digits, shown] of cases) it(`${v} → ${shown}`, () => assert.equal(formatDanish(q(v), digits), shown));
});
