// Output of `knudepunkt evaluation metrics`: the JSON of 03-evaluation.md, or a readable Danish table.
// Numbers (docs/formats.md, "Brugerevaluering: nøgletal"): `value` is the exact value rounded half away
// from zero to one decimal (as the spec displays it) and written as a JSON number; `exact` is the exact
// value as a fraction string ("1499/25", "50", "-100/3"), which is what a goal must be judged on —
// 59.96 is shown as 60.0 but does not meet "at least 60". Intervals are floats, rounded to one decimal.
import type { EvaluationFilter, EvaluationMetrics, NpsMetric, ShareMetric, ShareMetricName } from '../../domain/evaluation/metrics.ts';
import { shareMetricNames } from '../../domain/evaluation/metrics.ts';
import type { ConfidenceInterval } from '../../domain/evaluation/intervals.ts';
import type { Rational } from '../../domain/money/rational.ts';
import { guidanceSegmentLabels, guidanceThemeLabels } from '../../domain/guidance/guidance.types.ts';
import { evaluationSourceLabels } from '../../domain/evaluation/evaluation.types.ts';

/** Fraction digits of `value` and of the interval bounds in the JSON and the table. */
export const DISPLAY_DECIMALS = 1;

const display = (value: Rational): number => Number(value.toFixed(DISPLAY_DECIMALS));
const displayFloat = (value: number): number => {
  const rounded = Number(value.toFixed(DISPLAY_DECIMALS));
  return Object.is(rounded, -0) ? 0 : rounded;
};
const intervalJson = (interval: ConfidenceInterval | null) => (interval === null ? null : { low: displayFloat(interval.low), high: displayFloat(interval.high) });

function shareJson(metric: ShareMetric) {
  return {
    value: metric.value === null ? null : display(metric.value),
    n: metric.n,
    count: metric.count,
    exact: metric.value === null ? null : metric.value.toString(),
    interval95: intervalJson(metric.interval),
  };
}

function npsJson(metric: NpsMetric) {
  return {
    value: metric.value === null ? null : display(metric.value),
    n: metric.n,
    promoters: metric.promoters,
    passives: metric.passives,
    detractors: metric.detractors,
    exact: metric.value === null ? null : metric.value.toString(),
    interval95: intervalJson(metric.interval),
  };
}

export function formatEvaluationMetricsJson(metrics: EvaluationMetrics, newCompanies: ShareMetric | null): string {
  // Key order as in the spec: n, then metrics in the order of the definitions table.
  const out = {
    n: metrics.n,
    metrics: {
      nps: npsJson(metrics.nps),
      ...Object.fromEntries(shareMetricNames.map((name) => [name, shareJson(metrics[name])])),
      ...(newCompanies === null ? {} : { newCompanyShare: shareJson(newCompanies) }),
    },
  };
  return `${JSON.stringify(out, null, 2)}\n`;
}

const shareLabels: Readonly<Record<ShareMetricName | 'newCompanyShare', string>> = {
  veryPleasedShare: 'Meget tilfreds med medarbejderens kompetencer',
  expectedEffectHighShare: 'Forventer positiv effekt i høj grad',
  effectMediumShare: 'Effekt i høj eller nogen grad (2019-2020)',
  effectHighShare: 'Effekt i høj grad (2019-2020)',
  referralUptakeShare: 'Har benyttet henvisningen',
  digitalEffectHighShare: 'Effekt i høj grad, digital vejledning',
  newCompanyShare: 'Nye virksomheder blandt de evaluerede',
};

const danish = (value: number | string): string => String(value).replace('.', ',').replace('-', '−');
const danishFixed = (value: number): string => danish(displayFloat(value).toFixed(DISPLAY_DECIMALS));

export function formatEvaluationMetricsTable(
  metrics: EvaluationMetrics,
  newCompanies: ShareMetric | null,
  context: { path: string; filter: EvaluationFilter; coursesPath: string | null },
): string {
  const rows: [label: string, value: string, n: string, interval: string][] = [];
  const row = (label: string, metric: { value: Rational | null; n: number; interval: ConfidenceInterval | null }, unit: string) => {
    if (metric.value === null) rows.push([label, 'ingen besvarelser', '0', '']);
    else {
      const interval = metric.interval === null ? '' : `${danishFixed(metric.interval.low)} til ${danishFixed(metric.interval.high)}`;
      rows.push([label, `${danish(metric.value.toFixed(DISPLAY_DECIMALS))}${unit}`, String(metric.n), interval]);
    }
  };
  row('NPS', metrics.nps, '');
  for (const name of shareMetricNames) row(shareLabels[name], metrics[name], ' %');
  if (newCompanies !== null) row(shareLabels.newCompanyShare, newCompanies, ' %');

  const widths = [0, 1, 2, 3].map((i) => Math.max(...[['Nøgletal', 'Værdi', 'n', '95 %-interval'], ...rows].map((r) => r[i]!.length)));
  const line = (r: readonly string[]) => `  ${r[0]!.padEnd(widths[0]!)}  ${r[1]!.padStart(widths[1]!)}  ${r[2]!.padStart(widths[2]!)}  ${r[3]!}`.trimEnd();
  const { nps } = metrics;
  const lines = [
    'Brugerevaluering – nøgletal',
    `Fil: ${context.path}`,
    `Udvalg: ${describeFilter(context.filter)}`,
    `Besvarelser: ${metrics.n}`,
    'Værdier vises med én decimal; et mål vurderes på den eksakte værdi (NPS 59,96 opfylder ikke "mindst 60").',
    '',
    line(['Nøgletal', 'Værdi', 'n', '95 %-interval']),
    ...rows.map(line),
    '',
    `NPS: ${count(nps.promoters, 'anbefaler', 'anbefalere')} (9-10), ${count(nps.passives, 'passiv', 'passive')} (7-8), ${count(nps.detractors, 'kritiker', 'kritikere')} (0-6).`,
  ];
  if (newCompanies === null) lines.push('Andelen af nye virksomheder kræver forløbsdata: angiv --courses forløb.csv sammen med --hub og --year.');
  else lines.push(`Nye virksomheder: blandt de evaluerede med forløb i ${context.filter.year} (fra ${context.coursesPath}), dem uden forløb i ${(context.filter.year ?? 0) - 1}.`);
  return `${lines.join('\n')}\n`;
}

const count = (value: number, one: string, many: string): string => `${value} ${value === 1 ? one : many}`;

function describeFilter(filter: EvaluationFilter): string {
  const parts: string[] = [];
  if (filter.hub !== undefined) parts.push(filter.hub);
  if (filter.year !== undefined) parts.push(`vejledningsår ${filter.year}`);
  if (filter.segment !== undefined) parts.push(`segment ${guidanceSegmentLabels[filter.segment].da}`);
  if (filter.municipalityCode !== undefined) parts.push(`kommune ${filter.municipalityCode}`);
  if (filter.source !== undefined) parts.push(`kilde ${evaluationSourceLabels[filter.source].da}`);
  if (filter.theme !== undefined) parts.push(`tema ${guidanceThemeLabels[filter.theme].da}`);
  return parts.length === 0 ? 'alle besvarelser i filen' : parts.join(', ');
}
