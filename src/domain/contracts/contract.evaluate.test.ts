import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Rational, parseRational } from '../money/rational.ts';
import { compareExact, evaluateContract, evaluateGoal, measurementsByTargetId } from './contract.evaluate.ts';
import type { Measurement, MeasurementProvider } from './contract.evaluate.ts';
import { parseGoal } from './contract.schema.ts';
import type { Goal, GoalInput } from './contract.schema.ts';
import type { Comparison, GoalStatus } from './contract.vocabulary.ts';
import { midtjylland2020, nordjylland2019, nordjylland2023 } from './seeds/index.ts';

const q = (text: string): Rational => {
  const value = parseRational(text);
  if (value === null) throw new Error(`bad literal ${text}`);
  return value;
};

const PERIOD = { from: '2023-01-01', to: '2023-12-31' };

function value(text: string, n: number | null = 120, recordIds: string[] = ['resp-1', 'resp-2']): Measurement {
  return { kind: 'value', value: q(text), n, period: PERIOD, recordIds };
}
const missing = (why: string): Measurement => ({ kind: 'missing', missing: why });

function goal(input: GoalInput): Goal {
  const parsed = parseGoal(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.value;
}

function goalOf(contract: { goals: readonly Goal[] }, number: number): Goal {
  const found = contract.goals.find((g) => g.number === number);
  if (found === undefined) throw new Error(`no goal ${number}`);
  return found;
}

function judge(g: Goal, measurements: Record<string, Measurement>) {
  return evaluateGoal(g, measurementsByTargetId(measurements));
}

const activitiesGoal = (statuses: string[], partial: 'none' | 'proportional' = 'none'): Goal =>
  goal({
    number: 8,
    title: 'Indsatser',
    kind: 'local',
    text: 'Tre indsatser.',
    targets: [
      {
        kind: 'activities',
        id: 'indsatser',
        label: 'Indsatser',
        activities: statuses.map((status, i) => ({ id: `a${i + 1}`, name: `Aktivitet ${i + 1}`, status: status as 'done' })),
      },
    ],
    rule: { kind: 'activities', partial },
  });

describe('compareExact', () => {
  const cases: [string, Comparison, string, boolean][] = [
    ['60', '>=', '60', true],
    ['59.96', '>=', '60', false],
    ['59.9999999999999999999', '>=', '60', false],
    ['1799/30', '>=', '60', false], // an NPS of 59,966… from 30 answers
    ['60.0000000000000000001', '>=', '60', true],
    ['47.5', '>=', '47.5', true],
    ['47.4999', '>=', '47.5', false],
    ['10', '<=', '10', true],
    ['10.0001', '<=', '10', false],
    ['0', '>', '0', false],
    ['1/1000000', '>', '0', true],
    ['5', '<', '5', false],
    ['4.99', '<', '5', true],
  ];
  for (const [v, comparison, threshold, expected] of cases) {
    it(`${v} ${comparison} ${threshold} is ${expected}`, () => {
      assert.equal(compareExact(q(v), comparison, q(threshold)), expected);
    });
  }

  it('holds exactly at the threshold and fails just beyond it, for any exact threshold (property)', () => {
    const rational = fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 9n }));
    fc.assert(
      fc.property(rational, rational, ([tn, td], [en, ed]) => {
        const t = Rational.of(tn, td);
        const eps = Rational.of(en < 0n ? -en : en, ed);
        if (eps.isZero()) return;
        assert.equal(compareExact(t, '>=', t), true);
        assert.equal(compareExact(t.sub(eps), '>=', t), false);
        assert.equal(compareExact(t, '<=', t), true);
        assert.equal(compareExact(t.add(eps), '<=', t), false);
        assert.equal(compareExact(t, '>', t), false);
        assert.equal(compareExact(t.add(eps), '>', t), true);
      }),
    );
  });
});

describe('tiers (2019 goal 1: NPS ≥ 60 → 100 %; ≥ 50 → 50 %; else 0 %)', () => {
  const g = goalOf(nordjylland2019, 1);
  const cases: [string, string, GoalStatus, number | null][] = [
    ['75', '100', 'fulfilled', 0],
    ['60', '100', 'fulfilled', 0],
    ['59.96', '50', 'partlyFulfilled', 1],
    ['1799/30', '50', 'partlyFulfilled', 1],
    ['50', '50', 'partlyFulfilled', 1],
    ['49.999999', '0', 'notFulfilled', null],
    ['-20', '0', 'notFulfilled', null],
  ];
  for (const [nps, percent, status, tier] of cases) {
    it(`NPS ${nps} → ${percent} % (${status})`, () => {
      const result = judge(g, { nps: value(nps) });
      assert.equal(result.status, status);
      assert.deepEqual(result.percent, q(percent));
      assert.equal(result.matchedTier, tier);
      assert.deepEqual(result.missing, []);
    });
  }

  it('n = 0 is not measurable, never 0 % or 100 %', () => {
    const result = judge(g, { nps: value('0', 0, []) });
    assert.equal(result.status, 'notMeasurable');
    assert.equal(result.percent, null);
    assert.deepEqual(result.missing, ['NPS for specialiseret vejledning: ingen besvarelser (n = 0)']);
  });

  it('a missing metric is not measurable and says what is missing', () => {
    const result = judge(g, { nps: missing('ingen besvarelser for 2019') });
    assert.equal(result.status, 'notMeasurable');
    assert.equal(result.percent, null);
    assert.deepEqual(result.missing, ['NPS for specialiseret vejledning: ingen besvarelser for 2019']);
    assert.match(result.explanation, /^Ikke målbart: /);
  });

  it('keeps n, the data period and the records behind the figure', () => {
    const result = judge(g, { nps: value('62', 87, ['resp-7', 'resp-9']) });
    const target = result.targets[0];
    assert.ok(target !== undefined && target.measurement?.kind === 'value');
    assert.equal(target.measurement.n, 87);
    assert.deepEqual(target.measurement.period, PERIOD);
    assert.deepEqual(target.measurement.recordIds, ['resp-7', 'resp-9']);
    assert.equal(target.holds, true);
    assert.equal(result.explanation, 'NPS ≥ 60 → 100 %.');
  });

  it('reads the tiers top to bottom: the first match wins even when a later tier gives more', () => {
    const g2 = goal({
      number: 1,
      title: 'Omvendt rækkefølge',
      kind: 'national',
      text: 'Trin i omvendt rækkefølge.',
      targets: [{ kind: 'metric', id: 'nps', label: 'NPS', metric: 'nps', comparison: '>=', threshold: '60' }],
      rule: {
        kind: 'tiers',
        tiers: [
          { when: [{ target: 'nps', comparison: '>=', threshold: '50' }], percent: '50' },
          { when: [{ target: 'nps', comparison: '>=', threshold: '60' }], percent: '100' },
        ],
      },
    });
    const result = judge(g2, { nps: value('70') });
    assert.deepEqual(result.percent, q('50'));
    assert.equal(result.matchedTier, 0);
  });

  it('a tier with several conditions needs all of them; a condition without threshold uses the target itself', () => {
    const g3 = goal({
      number: 2,
      title: 'To betingelser',
      kind: 'national',
      text: 'NPS og tilfredshed.',
      targets: [
        { kind: 'metric', id: 'nps', label: 'NPS', metric: 'nps', comparison: '>=', threshold: '60' },
        { kind: 'metric', id: 'tilfredse', label: 'Meget tilfredse', metric: 'veryPleasedShare', comparison: '>=', threshold: '80' },
      ],
      rule: {
        kind: 'tiers',
        tiers: [
          { when: [{ target: 'nps' }, { target: 'tilfredse' }], percent: '100' },
          { when: [{ target: 'nps' }], percent: '47,5' },
        ],
      },
    });
    assert.equal(judge(g3, { nps: value('60'), tilfredse: value('80') }).status, 'fulfilled');
    const partly = judge(g3, { nps: value('60'), tilfredse: value('79.99') });
    assert.deepEqual(partly.percent, q('47.5'));
    assert.equal(partly.status, 'partlyFulfilled');
    assert.equal(judge(g3, { nps: value('59'), tilfredse: value('99') }).status, 'notFulfilled');
    assert.equal(judge(g3, { nps: value('70'), tilfredse: missing('ikke målt') }).status, 'notMeasurable');
  });

  it('the percent is always one of the tiers or 0, and never falls as NPS rises (property)', () => {
    const nps = fc.tuple(fc.integer({ min: -100_000, max: 100_000 }), fc.integer({ min: 1, max: 1000 }));
    fc.assert(
      fc.property(nps, nps, ([an, ad], [bn, bd]) => {
        let a = Rational.of(an, ad);
        let b = Rational.of(bn, bd);
        if (a.gt(b)) [a, b] = [b, a];
        const pa = judge(g, { nps: { kind: 'value', value: a, n: 10, period: null, recordIds: [] } }).percent;
        const pb = judge(g, { nps: { kind: 'value', value: b, n: 10, period: null, recordIds: [] } }).percent;
        assert.ok(pa !== null && pb !== null);
        for (const p of [pa, pb]) assert.ok(['0', '50', '100'].includes(p.toString()));
        assert.ok(!pa.gt(pb));
      }),
    );
  });
});

describe('all (2023 goal 3: very pleased ≥ 80 % and NPS ≥ 70 in both segments)', () => {
  const g = goalOf(nordjylland2023, 3);
  const good = {
    'meget-tilfredse-drift': value('85', 140),
    'nps-drift': value('72', 140),
    'meget-tilfredse-vaekst': value('80', 60),
    'nps-vaekst': value('70', 60),
  };
  const cases: [string, Record<string, Measurement>, GoalStatus, string | null][] = [
    ['every target met (growth exactly at both thresholds)', good, 'fulfilled', '100'],
    ['NPS growth 69.96', { ...good, 'nps-vaekst': value('69.96', 60) }, 'notFulfilled', '0'],
    ['very pleased operations 4799/60 (79,98 %)', { ...good, 'meget-tilfredse-drift': value('4799/60', 60) }, 'notFulfilled', '0'],
    ['very pleased growth n = 0', { ...good, 'meget-tilfredse-vaekst': value('0', 0, []) }, 'notMeasurable', null],
    ['growth segment missing', { 'meget-tilfredse-drift': good['meget-tilfredse-drift'], 'nps-drift': good['nps-drift'] }, 'notMeasurable', null],
    ['one failing and one missing: still not measurable', { ...good, 'nps-drift': value('10'), 'nps-vaekst': missing('ikke målt') }, 'notMeasurable', null],
  ];
  for (const [name, measurements, status, percent] of cases) {
    it(name, () => {
      const result = judge(g, measurements);
      assert.equal(result.status, status);
      assert.deepEqual(result.percent, percent === null ? null : q(percent));
    });
  }

  it('names each missing target', () => {
    const result = judge(g, { 'meget-tilfredse-drift': value('85'), 'nps-drift': value('72') });
    assert.deepEqual(result.missing, [
      'Meget tilfredse med medarbejderens faglige kompetencer, vækstsegmentet: ingen måling',
      'NPS, vækstsegmentet: ingen måling',
    ]);
    assert.deepEqual(
      result.targets.map((t) => t.holds),
      [true, true, null, null],
    );
  });

  it('says which target failed', () => {
    const result = judge(g, { ...good, 'nps-vaekst': value('69.96', 60) });
    assert.equal(result.explanation, 'Ikke opfyldt: NPS, vækstsegmentet.');
  });
});

describe('external targets and counts', () => {
  it('2023 goal 1 uses the external figure recorded on the target; without it the goal is not measurable', () => {
    const g = goalOf(nordjylland2023, 1);
    const none = judge(g, { 'nye-virksomheder': value('55') });
    assert.equal(none.status, 'notMeasurable');
    assert.deepEqual(none.missing, ['Kendskab til erhvervshuset: ingen værdi indtastet fra Erhvervsstyrelsens kendskabsmåling']);

    const withRecorded = goal({
      number: 1,
      title: 'Kendskab',
      kind: 'national',
      text: 'Kendskab til erhvervshuset.',
      rule: { kind: 'all' },
      targets: [
        {
          kind: 'external',
          id: 'kendskab',
          label: 'Kendskab',
          measuredBy: 'ERST',
          unit: '%',
          comparison: '>=',
          threshold: '50',
          recorded: { value: '50', source: 'ERST kendskabsmåling 2023', date: '2023-09-30', document: 'kendskab-2023.pdf' },
        },
      ],
    });
    const result = judge(withRecorded, {});
    assert.equal(result.status, 'fulfilled');
    assert.deepEqual(result.targets[0]?.measurement, {
      kind: 'value',
      value: q('50'),
      n: null,
      period: { from: '2023-09-30', to: '2023-09-30' },
      recordIds: ['kendskab-2023.pdf'],
      source: 'ERST kendskabsmåling 2023',
    });
  });

  it('an external figure over n = 0 answers is not measurable', () => {
    const g = goalOf(nordjylland2023, 1);
    const result = judge(g, { kendskab: value('60', 0, []), 'nye-virksomheder': value('55') });
    assert.equal(result.status, 'notMeasurable');
    assert.deepEqual(result.missing, ['Kendskab til erhvervshuset: ingen besvarelser (n = 0)']);
  });

  it('2023 goal 6: "higher productivity than the control group" is strict', () => {
    const g = goalOf(nordjylland2023, 6);
    const base = { 'forventet-effekt': value('70'), 'omsaetning-vaekst': value('10', null), 'beskaeftigelse-vaekst': value('5', null) };
    assert.equal(judge(g, { ...base, 'produktivitet-drift': value('0', null) }).status, 'notFulfilled');
    assert.equal(judge(g, { ...base, 'produktivitet-drift': value('0.1', null) }).status, 'fulfilled');
  });

  it('2023 goal 11: a count of 0 is a real value (not fulfilled), not "not measurable"', () => {
    const g = goalOf(nordjylland2023, 11);
    const cases: [string, string, string, GoalStatus][] = [
      ['800', '350', '600', 'fulfilled'],
      ['799', '350', '600', 'notFulfilled'],
      ['800', '349', '600', 'notFulfilled'],
      ['800', '350', '599', 'notFulfilled'],
      ['0', '0', '0', 'notFulfilled'],
    ];
    for (const [companies, growthOperations, shortEarlyWarning, status] of cases) {
      const result = judge(g, {
        'unikke-virksomheder': value(companies, null),
        'vaekst-drift': value(growthOperations, null),
        'korte-early-warning': value(shortEarlyWarning, null),
      });
      assert.equal(result.status, status, `${companies}/${growthOperations}/${shortEarlyWarning}`);
    }
  });
});

describe('activities', () => {
  const cases: [string, string[], 'none' | 'proportional', GoalStatus, string][] = [
    ['all done', ['done', 'done', 'done'], 'none', 'fulfilled', '100'],
    ['one not done', ['done', 'notDone', 'done'], 'none', 'notFulfilled', '0'],
    ['one still in progress', ['done', 'done', 'inProgress'], 'none', 'notFulfilled', '0'],
    ['proportional, 2 of 3', ['done', 'notDone', 'done'], 'proportional', 'partlyFulfilled', '200/3'],
    ['proportional, 1 of 4', ['done', 'notStarted', 'notDone', 'inProgress'], 'proportional', 'partlyFulfilled', '25'],
    ['proportional, none done', ['notDone', 'notStarted', 'inProgress'], 'proportional', 'notFulfilled', '0'],
    ['proportional, all done', ['done', 'done', 'done'], 'proportional', 'fulfilled', '100'],
  ];
  for (const [name, statuses, partial, status, percent] of cases) {
    it(name, () => {
      const result = judge(activitiesGoal(statuses, partial), {});
      assert.equal(result.status, status);
      assert.deepEqual(result.percent, q(percent));
    });
  }

  it('lists the activities not done with their Danish status', () => {
    const result = judge(activitiesGoal(['done', 'notDone', 'inProgress']), {});
    assert.deepEqual(result.targets[0]?.activities, {
      done: 1,
      total: 3,
      outstanding: [
        { id: 'a2', name: 'Aktivitet 2', status: 'ikke gennemført' },
        { id: 'a3', name: 'Aktivitet 3', status: 'i gang' },
      ],
    });
    assert.equal(result.explanation, '1 af 3 indsatser er tilfredsstillende gennemført.');
  });

  it('a goal with several checklists counts every activity (2019 goal 5: 4 activities + statistics)', () => {
    const template = goalOf(nordjylland2019, 5);
    const markAll = (status: 'done' | 'notDone', exceptLast: boolean): Goal => ({
      ...template,
      targets: template.targets.map((t, i) =>
        t.kind === 'activities'
          ? { ...t, activities: t.activities.map((a) => ({ ...a, status: exceptLast && i === template.targets.length - 1 ? 'notDone' : status })) }
          : t,
      ),
    });
    assert.equal(judge(markAll('done', false), {}).status, 'fulfilled');
    const noStatistics = judge(markAll('done', true), {});
    assert.equal(noStatistics.status, 'notFulfilled');
    assert.equal(noStatistics.explanation, '4 af 5 indsatser er tilfredsstillende gennemført.');
  });

  it('Midtjylland 2020 goal 9: the activities and the 48-hour service goal are judged together', () => {
    const template = goalOf(midtjylland2020, 9);
    const withStatus = (status: 'done' | 'inProgress'): Goal => ({
      ...template,
      targets: template.targets.map((t) => (t.kind === 'activities' ? { ...t, activities: t.activities.map((a) => ({ ...a, status })) } : t)),
    });
    assert.equal(judge(withStatus('done'), { servicemaal: value('100', 41) }).status, 'fulfilled');
    assert.equal(judge(withStatus('done'), { servicemaal: value('4000/41', 41) }).status, 'notFulfilled');
    assert.equal(judge(withStatus('inProgress'), { servicemaal: value('100', 41) }).status, 'notFulfilled');
    const noReferrals = judge(withStatus('done'), { servicemaal: value('0', 0) });
    assert.equal(noReferrals.status, 'notMeasurable');
  });
});

describe('2023 goal 3 evaluated through a MeasurementProvider over sample responses', () => {
  interface SampleResponse {
    id: string;
    segment: 'growth' | 'operations';
    year: number;
    recommend: number | null;
    staffCompetence: string | null;
  }

  /** Computes nps and veryPleasedShare exactly as 03-evaluation.md defines them, from the samples. */
  function sampleProvider(responses: SampleResponse[]): MeasurementProvider {
    return {
      measure(target) {
        if (target.kind !== 'metric' || (target.metric !== 'nps' && target.metric !== 'veryPleasedShare')) {
          return { kind: 'missing', missing: 'ikke en del af prøven' };
        }
        const inScope = responses.filter(
          (r) => (target.filters.segment === undefined || r.segment === target.filters.segment) && (target.filters.year === undefined || r.year === target.filters.year),
        );
        const answered =
          target.metric === 'nps' ? inScope.filter((r) => r.recommend !== null) : inScope.filter((r) => r.staffCompetence !== null);
        const n = answered.length;
        const period = { from: `${target.filters.year}-01-01`, to: `${target.filters.year}-12-31` };
        const recordIds = answered.map((r) => r.id);
        if (n === 0) return { kind: 'value', value: Rational.ZERO, n, period, recordIds };
        const hits =
          target.metric === 'nps'
            ? answered.filter((r) => (r.recommend ?? 0) >= 9).length - answered.filter((r) => (r.recommend ?? 0) <= 6).length
            : answered.filter((r) => r.staffCompetence === 'Meget tilfreds').length;
        return { kind: 'value', value: Rational.of(100 * hits, n), n, period, recordIds };
      },
    };
  }

  /** n responses of a segment: `promoters` 10s, `detractors` 3s, the rest 8s; `veryPleased` "Meget tilfreds", the rest "Tilfreds". */
  function sample(segment: 'growth' | 'operations', n: number, promoters: number, detractors: number, veryPleased: number, year = 2023): SampleResponse[] {
    return Array.from({ length: n }, (_, i) => ({
      id: `${segment}-${year}-${i + 1}`,
      segment,
      year,
      recommend: i < promoters ? 10 : i < promoters + detractors ? 3 : 8,
      staffCompetence: i < veryPleased ? 'Meget tilfreds' : 'Tilfreds',
    }));
  }

  const g = goalOf(nordjylland2023, 3);
  const cases: [string, SampleResponse[], GoalStatus][] = [
    ['both segments meet both metrics (growth exactly at 70 and 80 %)', [...sample('operations', 20, 16, 1, 17), ...sample('growth', 10, 8, 1, 8)], 'fulfilled'],
    ['growth NPS 100 × 30/43 ≈ 69,77', [...sample('operations', 20, 16, 1, 17), ...sample('growth', 43, 33, 3, 40)], 'notFulfilled'],
    ['operations very pleased 79/99 ≈ 79,8 %', [...sample('operations', 99, 80, 0, 79), ...sample('growth', 10, 8, 1, 8)], 'notFulfilled'],
    ['no growth responses in 2023 (only 2022)', [...sample('operations', 20, 16, 1, 17), ...sample('growth', 10, 8, 1, 8, 2022)], 'notMeasurable'],
  ];
  for (const [name, responses, status] of cases) {
    it(name, () => {
      const result = evaluateGoal(g, sampleProvider(responses));
      assert.equal(result.status, status);
    });
  }

  it('every figure carries its n, period and the responses behind it', () => {
    const responses = [...sample('operations', 20, 16, 1, 17), ...sample('growth', 10, 8, 1, 8)];
    const result = evaluateGoal(g, sampleProvider(responses));
    const npsGrowth = result.targets.find((t) => t.target.id === 'nps-vaekst');
    assert.ok(npsGrowth?.measurement?.kind === 'value');
    assert.deepEqual(npsGrowth.measurement.value, Rational.of(70));
    assert.equal(npsGrowth.measurement.n, 10);
    assert.deepEqual(npsGrowth.measurement.period, { from: '2023-01-01', to: '2023-12-31' });
    assert.deepEqual(npsGrowth.measurement.recordIds, responses.filter((r) => r.segment === 'growth').map((r) => r.id));
  });

  it('evaluateContract judges every goal of the contract', () => {
    const evaluation = evaluateContract(nordjylland2023, sampleProvider(sample('operations', 20, 16, 1, 17)));
    assert.equal(evaluation.goals.length, 11);
    assert.deepEqual(
      evaluation.goals.map((e) => [e.goalNumber, e.status]),
      [
        [1, 'notMeasurable'], // awareness not entered, new-company share not in the sample
        [2, 'notFulfilled'], // the report is not done yet
        [3, 'notMeasurable'], // no growth responses
        [4, 'notMeasurable'],
        [5, 'notMeasurable'],
        [6, 'notMeasurable'],
        [7, 'notMeasurable'],
        [8, 'notFulfilled'],
        [9, 'notFulfilled'],
        [10, 'notFulfilled'],
        [11, 'notMeasurable'],
      ],
    );
  });
});
