import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Rational } from '../money/rational.ts';
import type { EvaluationAnswers, EvaluationResponse } from './evaluation.types.ts';
import { degreeAnswers, effectItems, satisfactionAnswers, yesNoAnswers, type DegreeAnswer, type EffectItem } from './instrument.ts';
import {
  computeEvaluationMetrics,
  evaluatedCompanyKeys,
  meetsThreshold,
  newCompanyShare,
  shareMetricNames,
  type EvaluationFilter,
  type ShareMetricName,
} from './metrics.ts';

const noEffect: Record<EffectItem, DegreeAnswer | null> = Object.fromEntries(effectItems.map((item) => [item, null])) as Record<EffectItem, DegreeAnswer | null>;
const unanswered: EvaluationAnswers = {
  recommend: null,
  staffCompetence: null,
  expectedEffect: null,
  effect: noEffect,
  referred: null,
  usedReferral: null,
  digitalGuidance: null,
};
let nextId = 1;
function response(answers: Partial<EvaluationAnswers> = {}, fields: Partial<Omit<EvaluationResponse, 'answers'>> = {}): EvaluationResponse {
  return {
    responseId: `R-${nextId++}`,
    source: 'erst',
    cvr: null,
    hub: 'Erhvervshus Nordjylland',
    municipalityCode: '851',
    segment: 'operations',
    guidanceYear: 2023,
    answeredAt: null,
    themes: [],
    ...fields,
    answers: { ...unanswered, ...answers, effect: { ...noEffect, ...answers.effect } },
  };
}
const recommending = (...scores: number[]) => scores.map((recommend) => response({ recommend }));
const pct = (num: number, den = 1) => Rational.of(num, den);

describe('the evaluation metrics (03-evaluation.md, Metric definitions)', () => {
  it('gives no value, and no interval, for every metric when n = 0', () => {
    const metrics = computeEvaluationMetrics([response(), response()]);
    assert.equal(metrics.n, 2);
    assert.deepEqual(metrics.nps, { value: null, n: 0, promoters: 0, passives: 0, detractors: 0, interval: null });
    for (const name of shareMetricNames) assert.deepEqual(metrics[name], { value: null, n: 0, count: 0, interval: null }, name);
    assert.deepEqual(computeEvaluationMetrics([]).nps.value, null);
  });

  const npsCases: { scores: number[]; value: Rational; promoters: number; passives: number; detractors: number }[] = [
    { scores: [10, 9, 8, 7, 6, 0], value: pct(0), promoters: 2, passives: 2, detractors: 2 },
    { scores: [10, 10, 10], value: pct(100), promoters: 3, passives: 0, detractors: 0 },
    { scores: [0, 6, 5], value: pct(-100), promoters: 0, passives: 0, detractors: 3 },
    { scores: [9, 9, 7], value: pct(200, 3), promoters: 2, passives: 1, detractors: 0 },
    { scores: [8, 7], value: pct(0), promoters: 0, passives: 2, detractors: 0 },
  ];
  for (const c of npsCases) {
    it(`NPS of ${c.scores.join(', ')} is exactly ${c.value} with ${c.promoters}/${c.passives}/${c.detractors}`, () => {
      const { nps } = computeEvaluationMetrics([...recommending(...c.scores), response()]);
      assert.deepEqual(
        { value: nps.value, n: nps.n, promoters: nps.promoters, passives: nps.passives, detractors: nps.detractors },
        { value: c.value, n: c.scores.length, promoters: c.promoters, passives: c.passives, detractors: c.detractors },
      );
    });
  }

  it('judges 59.96 as not at least 60: the exact value, never the displayed one', () => {
    // 1499 promoters and 1001 passives: NPS = 100 × 1499 / 2500 = 59.96 exactly.
    const responses = [...Array.from({ length: 1499 }, () => response({ recommend: 10 })), ...Array.from({ length: 1001 }, () => response({ recommend: 8 }))];
    const { nps } = computeEvaluationMetrics(responses);
    assert.deepEqual(nps.value, pct(5996, 100));
    assert.equal(nps.value?.toFixed(1), '60.0'); // displayed with one decimal …
    assert.equal(meetsThreshold(nps.value, '>=', pct(60)), false); // … but the goal is not met
    assert.equal(meetsThreshold(nps.value, '>=', pct(50)), true);
    assert.equal(meetsThreshold(pct(60), '>=', pct(60)), true);
    assert.equal(meetsThreshold(pct(60), '<=', pct(60)), true);
    assert.equal(meetsThreshold(null, '>=', pct(60)), null); // not measurable
  });

  type ShareCase = { name: string; metric: ShareMetricName; answers: Partial<EvaluationAnswers>[]; count: number; n: number };
  const effect = (e: Partial<Record<EffectItem, DegreeAnswer>>): Partial<EvaluationAnswers> => ({ effect: { ...noEffect, ...e } });
  const shareCases: ShareCase[] = [
    {
      name: '"Ved ikke" stays in the denominator of veryPleasedShare; blanks do not',
      metric: 'veryPleasedShare',
      answers: [{ staffCompetence: 'veryPleased' }, { staffCompetence: 'pleased' }, { staffCompetence: 'dontKnow' }, { staffCompetence: 'veryPleased' }, {}],
      count: 2,
      n: 4,
    },
    {
      name: 'expectedEffectHighShare counts "I høj grad" among the answered, "Ved ikke" included',
      metric: 'expectedEffectHighShare',
      answers: [{ expectedEffect: 'high' }, { expectedEffect: 'some' }, { expectedEffect: 'dontKnow' }, {}],
      count: 1,
      n: 3,
    },
    {
      name: 'effectMediumShare: at least one effect item answered; high or some on at least one, with only some items answered',
      metric: 'effectMediumShare',
      answers: [effect({ strategy: 'some' }), effect({ strategy: 'low', operations: 'high' }), effect({ organisation: 'dontKnow' }), effect({ strategy: 'notAtAll', salesMarketing: 'low' }), {}],
      count: 2,
      n: 4,
    },
    {
      name: 'effectHighShare: same population, "I høj grad" on at least one item',
      metric: 'effectHighShare',
      answers: [effect({ strategy: 'some' }), effect({ strategy: 'low', operations: 'high' }), effect({ organisation: 'dontKnow' }), effect({ strategy: 'notAtAll', salesMarketing: 'low' }), {}],
      count: 1,
      n: 4,
    },
    {
      name: 'referralUptakeShare counts used_referral only among referred = Ja, blanks left out',
      metric: 'referralUptakeShare',
      answers: [
        { referred: 'yes', usedReferral: 'yes' },
        { referred: 'yes', usedReferral: 'no' },
        { referred: 'yes', usedReferral: 'yes' },
        { referred: 'yes' },
        { referred: 'no', usedReferral: 'yes' },
        { usedReferral: 'yes' },
      ],
      count: 2,
      n: 3,
    },
    {
      name: 'digitalEffectHighShare is expectedEffectHighShare among digital_guidance = Ja',
      metric: 'digitalEffectHighShare',
      answers: [
        { digitalGuidance: 'yes', expectedEffect: 'high' },
        { digitalGuidance: 'yes', expectedEffect: 'dontKnow' },
        { digitalGuidance: 'yes' },
        { digitalGuidance: 'no', expectedEffect: 'high' },
        { expectedEffect: 'high' },
      ],
      count: 1,
      n: 2,
    },
  ];
  for (const c of shareCases) {
    it(c.name, () => {
      const metric = computeEvaluationMetrics(c.answers.map((a) => response(a)))[c.metric];
      assert.deepEqual([metric.count, metric.n, metric.value], [c.count, c.n, pct(100 * c.count, c.n)]);
      assert.ok(metric.interval !== null && metric.interval.low <= 100 * (c.count / c.n) && metric.interval.high >= 100 * (c.count / c.n));
    });
  }

  const filterCases: { filter: EvaluationFilter; ids: string[] }[] = [
    { filter: {}, ids: ['a', 'b', 'c', 'd', 'e'] },
    { filter: { hub: 'Erhvervshus Midtjylland' }, ids: ['b'] },
    { filter: { year: 2022 }, ids: ['c'] },
    { filter: { segment: 'growth' }, ids: ['d'] },
    { filter: { municipalityCode: '860' }, ids: ['e'] },
    { filter: { source: 'own' }, ids: ['a'] },
    { filter: { theme: 'innovation' }, ids: ['a', 'e'] },
    { filter: { hub: 'Erhvervshus Nordjylland', year: 2023, segment: 'operations' }, ids: ['a', 'e'] },
  ];
  const filtered = [
    response({ recommend: 10 }, { responseId: 'a', source: 'own', themes: ['innovation'] }),
    response({ recommend: 10 }, { responseId: 'b', hub: 'Erhvervshus Midtjylland', municipalityCode: '751' }),
    response({ recommend: 10 }, { responseId: 'c', guidanceYear: 2022 }),
    response({ recommend: 10 }, { responseId: 'd', segment: 'growth' }),
    response({ recommend: 10 }, { responseId: 'e', municipalityCode: '860', themes: ['finance', 'innovation'] }),
  ];
  for (const c of filterCases) {
    it(`filters by ${JSON.stringify(c.filter)}`, () => {
      const metrics = computeEvaluationMetrics(filtered, c.filter);
      assert.equal(metrics.n, c.ids.length);
      assert.equal(metrics.nps.promoters, c.ids.length);
    });
  }

  it('newCompanyShare: among companies guided in Y and evaluated for Y, the share not guided in Y-1', () => {
    const responses = [
      response({}, { cvr: '30521439' }),
      response({}, { cvr: '20134623' }),
      response({}, { cvr: '20134623' }), // the same company twice counts once
      response({}, { cvr: '20174218' }), // evaluated, but not guided in Y: outside the population
      response({}, { cvr: '20237570', guidanceYear: 2022 }), // evaluated for another year
      response({}, { cvr: null }), // a pre-starter cannot be matched to the CRM
    ];
    const evaluated = evaluatedCompanyKeys(responses, { year: 2023 });
    assert.deepEqual([...evaluated], ['cvr:30521439', 'cvr:20134623', 'cvr:20174218']);
    const share = newCompanyShare({
      evaluatedCompanies: evaluated,
      guidedInYear: new Set(['cvr:30521439', 'cvr:20134623', 'cvr:20237570', 'name:hals camping|851']),
      guidedInPreviousYear: new Set(['cvr:30521439']),
    });
    assert.deepEqual([share.count, share.n, share.value], [1, 2, pct(50)]);
    assert.deepEqual(newCompanyShare({ evaluatedCompanies: [], guidedInYear: new Set(), guidedInPreviousYear: new Set() }).value, null);
  });
});

describe('the evaluation metrics, property-based', () => {
  const answersArb: fc.Arbitrary<Partial<EvaluationAnswers>> = fc.record({
    recommend: fc.option(fc.integer({ min: 0, max: 10 })),
    staffCompetence: fc.option(fc.constantFrom(...satisfactionAnswers)),
    expectedEffect: fc.option(fc.constantFrom(...degreeAnswers)),
    effect: fc.record(Object.fromEntries(effectItems.map((item) => [item, fc.option(fc.constantFrom(...degreeAnswers))])) as Record<EffectItem, fc.Arbitrary<DegreeAnswer | null>>),
    referred: fc.option(fc.constantFrom(...yesNoAnswers)),
    usedReferral: fc.option(fc.constantFrom(...yesNoAnswers)),
    digitalGuidance: fc.option(fc.constantFrom(...yesNoAnswers)),
  });
  const responsesArb = fc.array(answersArb.map((a) => response(a)), { maxLength: 60 });

  it('keeps NPS within [−100, 100] and promoters + passives + detractors = n, the interval around the value', () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const { nps } = computeEvaluationMetrics(responses);
        assert.equal(nps.promoters + nps.passives + nps.detractors, nps.n);
        assert.equal(nps.n, responses.filter((r) => r.answers.recommend !== null).length);
        if (nps.value === null) return assert.equal(nps.n, 0);
        assert.ok(!nps.value.lt(pct(-100)) && !nps.value.gt(pct(100)));
        const value = Number(nps.value.num) / Number(nps.value.den);
        assert.ok(nps.interval !== null && nps.interval.low <= value + 1e-9 && nps.interval.high >= value - 1e-9);
        assert.ok(nps.interval.low >= -100 && nps.interval.high <= 100);
      }),
    );
  });

  it('keeps every share within [0, 100], count ≤ n, and the Wilson interval within [0, 100] around it', () => {
    fc.assert(
      fc.property(responsesArb, (responses) => {
        const metrics = computeEvaluationMetrics(responses);
        for (const name of shareMetricNames) {
          const m = metrics[name];
          assert.ok(m.count <= m.n && m.n <= responses.length);
          if (m.value === null) {
            assert.equal(m.n, 0);
            continue;
          }
          assert.ok(!m.value.lt(pct(0)) && !m.value.gt(pct(100)));
          const share = (100 * m.count) / m.n;
          assert.ok(m.interval !== null && m.interval.low >= 0 && m.interval.high <= 100);
          assert.ok(m.interval.low <= share + 1e-9 && m.interval.high >= share - 1e-9);
        }
        // effectHighShare ⊆ effectMediumShare, same population; digital ⊆ expected effect.
        assert.equal(metrics.effectHighShare.n, metrics.effectMediumShare.n);
        assert.ok(metrics.effectHighShare.count <= metrics.effectMediumShare.count);
        assert.ok(metrics.digitalEffectHighShare.n <= metrics.expectedEffectHighShare.n);
      }),
    );
  });

  it('splits additively: the counts for segment growth plus operations equal the unfiltered counts', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(answersArb, fc.constantFrom('growth' as const, 'operations' as const)), { maxLength: 40 }), (rows) => {
        const responses = rows.map(([a, segment]) => response(a, { segment }));
        const all = computeEvaluationMetrics(responses);
        const growth = computeEvaluationMetrics(responses, { segment: 'growth' });
        const operations = computeEvaluationMetrics(responses, { segment: 'operations' });
        assert.equal(growth.n + operations.n, all.n);
        assert.equal(growth.nps.promoters + operations.nps.promoters, all.nps.promoters);
        for (const name of shareMetricNames) {
          assert.equal(growth[name].n + operations[name].n, all[name].n);
          assert.equal(growth[name].count + operations[name].count, all[name].count);
        }
      }),
    );
  });
});
