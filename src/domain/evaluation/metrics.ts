// The metrics of 03-evaluation.md ("Metric definitions") — the rules four of the national goals are
// judged by. Values are exact Rationals (percent, or NPS points); "goal fulfilment is judged on the
// exact value, never on the displayed one (an NPS of 59.96 does not meet 'at least 60')". With n = 0 a
// metric has no value (null), so a goal judged on it is "not measurable", never 0 % or 100 %.
//
// "Answered" means a non-empty value; "Ved ikke" is an answer and stays in the denominator.
// Decisions (the spec is silent or the brief settles it):
// - referralUptakeShare: among `referred` = Ja *with `used_referral` answered* (a blank is not an
//   answer, so it leaves the denominator like every other blank); `used_referral` given without
//   `referred` = Ja is not counted ("asked when referred = Ja").
// - digitalEffectHighShare: among `digital_guidance` = Ja with `expected_effect` answered.
// - A theme filter keeps the responses that carry the theme; a response without themes never matches.
import { Rational } from '../money/rational.ts';
import type { GuidanceSegment, GuidanceTheme } from '../guidance/guidance.types.ts';
import type { EvaluationResponse, EvaluationSource } from './evaluation.types.ts';
import { effectItems } from './instrument.ts';
import { npsInterval, wilsonInterval, type ConfidenceInterval } from './intervals.ts';

export interface EvaluationFilter {
  hub?: string;
  /** The guidance year the responses evaluate (`guidance_year`). */
  year?: number;
  segment?: GuidanceSegment;
  municipalityCode?: string;
  source?: EvaluationSource;
  theme?: GuidanceTheme;
}

export interface ShareMetric {
  /** Exact percent (0-100); null when n = 0. */
  value: Rational | null;
  /** The denominator: responses in the metric's population. */
  n: number;
  /** The numerator. */
  count: number;
  /** Wilson score, percent; null when n = 0. */
  interval: ConfidenceInterval | null;
}

export interface NpsMetric {
  /** Exact NPS (−100 to 100); null when n = 0. */
  value: Rational | null;
  n: number;
  promoters: number;
  passives: number;
  detractors: number;
  interval: ConfidenceInterval | null;
}

export interface EvaluationMetrics {
  /** Responses that pass the filter. */
  n: number;
  nps: NpsMetric;
  veryPleasedShare: ShareMetric;
  expectedEffectHighShare: ShareMetric;
  effectMediumShare: ShareMetric;
  effectHighShare: ShareMetric;
  referralUptakeShare: ShareMetric;
  digitalEffectHighShare: ShareMetric;
}

export const shareMetricNames = [
  'veryPleasedShare',
  'expectedEffectHighShare',
  'effectMediumShare',
  'effectHighShare',
  'referralUptakeShare',
  'digitalEffectHighShare',
] as const;
export type ShareMetricName = (typeof shareMetricNames)[number];

export function matchesFilter(response: EvaluationResponse, filter: EvaluationFilter): boolean {
  if (filter.hub !== undefined && response.hub !== filter.hub) return false;
  if (filter.year !== undefined && response.guidanceYear !== filter.year) return false;
  if (filter.segment !== undefined && response.segment !== filter.segment) return false;
  if (filter.municipalityCode !== undefined && response.municipalityCode !== filter.municipalityCode) return false;
  if (filter.source !== undefined && response.source !== filter.source) return false;
  if (filter.theme !== undefined && !response.themes.includes(filter.theme)) return false;
  return true;
}

/** Counts one response at a time, so a file of any size streams through. */
export interface MetricsAccumulator {
  add(response: EvaluationResponse): void;
  result(): EvaluationMetrics;
}

type Tally = { n: number; count: number };

export function createMetricsAccumulator(filter: EvaluationFilter = {}): MetricsAccumulator {
  let n = 0;
  const nps = { promoters: 0, passives: 0, detractors: 0 };
  const tallies = Object.fromEntries(shareMetricNames.map((name) => [name, { n: 0, count: 0 }])) as Record<ShareMetricName, Tally>;
  const tally = (name: ShareMetricName, inPopulation: boolean, hit: boolean) => {
    if (!inPopulation) return;
    tallies[name].n++;
    if (hit) tallies[name].count++;
  };

  return {
    add(response) {
      if (!matchesFilter(response, filter)) return;
      n++;
      const a = response.answers;
      if (a.recommend !== null) {
        if (a.recommend >= 9) nps.promoters++;
        else if (a.recommend >= 7) nps.passives++;
        else nps.detractors++;
      }
      tally('veryPleasedShare', a.staffCompetence !== null, a.staffCompetence === 'veryPleased');
      tally('expectedEffectHighShare', a.expectedEffect !== null, a.expectedEffect === 'high');
      const effects = effectItems.map((item) => a.effect[item]).filter((answer) => answer !== null);
      tally('effectMediumShare', effects.length > 0, effects.some((answer) => answer === 'high' || answer === 'some'));
      tally('effectHighShare', effects.length > 0, effects.includes('high'));
      tally('referralUptakeShare', a.referred === 'yes' && a.usedReferral !== null, a.usedReferral === 'yes');
      tally('digitalEffectHighShare', a.digitalGuidance === 'yes' && a.expectedEffect !== null, a.expectedEffect === 'high');
    },
    result() {
      const answered = nps.promoters + nps.passives + nps.detractors;
      const shares = Object.fromEntries(shareMetricNames.map((name) => [name, shareMetric(tallies[name].count, tallies[name].n)])) as Record<ShareMetricName, ShareMetric>;
      return {
        n,
        nps: {
          value: answered === 0 ? null : Rational.of(100 * (nps.promoters - nps.detractors), answered),
          n: answered,
          ...nps,
          interval: npsInterval(nps.promoters, nps.detractors, answered),
        },
        ...shares,
      };
    },
  };
}

export function computeEvaluationMetrics(responses: Iterable<EvaluationResponse>, filter: EvaluationFilter = {}): EvaluationMetrics {
  const accumulator = createMetricsAccumulator(filter);
  for (const response of responses) accumulator.add(response);
  return accumulator.result();
}

/** `count` of `n` as an exact percent with its Wilson interval; no value when n = 0. */
export function shareMetric(count: number, n: number): ShareMetric {
  if (!Number.isInteger(count) || !Number.isInteger(n) || count < 0 || count > n) throw new RangeError(`shareMetric: ${count} of ${n}`);
  return { value: n === 0 ? null : Rational.of(100 * count, n), n, count, interval: wilsonInterval(count, n) };
}

/**
 * newCompanyShare (2022-23 goal 1): among the companies guided in Y by the hub *and* evaluated for Y,
 * the share not guided by the same hub in Y-1. The guided sets come from the CRM (the year counting
 * rule of 02-crm.md); all three sets hold the same company keys (e.g. `companyKey` of
 * guidance/year-counting.ts, "cvr:12345678" — see `evaluatedCompanyKeys`).
 */
export function newCompanyShare(input: {
  evaluatedCompanies: Iterable<string>;
  guidedInYear: ReadonlySet<string>;
  guidedInPreviousYear: ReadonlySet<string>;
}): ShareMetric {
  const population = new Set([...input.evaluatedCompanies].filter((company) => input.guidedInYear.has(company)));
  const count = [...population].filter((company) => !input.guidedInPreviousYear.has(company)).length;
  return shareMetric(count, population.size);
}

/**
 * The companies evaluated, as `cvr:<8 digits>` keys, among the responses that pass the filter.
 * A response without CVR number cannot be matched to the CRM and is left out.
 */
export function evaluatedCompanyKeys(responses: Iterable<EvaluationResponse>, filter: EvaluationFilter = {}): Set<string> {
  const keys = new Set<string>();
  for (const response of responses) if (response.cvr !== null && matchesFilter(response, filter)) keys.add(`cvr:${response.cvr}`);
  return keys;
}

/**
 * Whether a metric meets a goal's threshold, judged on the exact value: true/false, or null when the
 * metric has no value (n = 0) and the goal is "not measurable".
 */
export function meetsThreshold(value: Rational | null, comparison: '>=' | '<=', threshold: Rational): boolean | null {
  if (value === null) return null;
  const order = value.compare(threshold);
  return comparison === '>=' ? order >= 0 : order <= 0;
}
