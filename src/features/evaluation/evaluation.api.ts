// GET /api/v1/evaluation/metrics and /evaluation/responses: the metrics explorer's figures and the
// drill-down, with the same filters, region scope and suppression as the pages (the service enforces
// them). Values as in `knudepunkt evaluation metrics --json` (docs/formats.md, "Brugerevaluering"):
// `value` rounded to one decimal, `exact` the fraction a goal is judged on.
import { defineOperation } from '../../web/api/operation.ts';
import { answersByQuestion, getEvaluationOverview, listEvaluationResponses, type Figure } from './evaluation.service.ts';
import { drillDownQuery, evaluationFilterQuery, evaluationMetricsResponse, evaluationResponsesResponse } from './evaluation.schema.ts';

const round1 = (value: number) => {
  const rounded = Number(value.toFixed(1));
  return Object.is(rounded, -0) ? 0 : rounded;
};

function figureJson(f: Figure) {
  return {
    status: f.status,
    value: f.value === null ? null : Number(f.value.toFixed(1)),
    exact: f.value === null ? null : f.value.toString(),
    n: f.n,
    count: f.count,
    ...(f.metric === 'nps' ? { promoters: f.nps?.promoters ?? null, passives: f.nps?.passives ?? null, detractors: f.nps?.detractors ?? null } : {}),
    interval95: f.interval === null ? null : { low: round1(f.interval.low), high: round1(f.interval.high) },
  };
}
const metricsJson = (figures: Figure[]) => Object.fromEntries(figures.map((f) => [f.metric, figureJson(f)]));

/** The query as the service reads it (the API's schema already checked it; the service checks again). */
const rawFilters = (query: Record<string, unknown>) => Object.fromEntries(Object.entries(query).map(([key, value]) => [key, value === undefined ? undefined : String(value)]));

export const evaluationOperations = [
  defineOperation({
    method: 'get',
    path: '/evaluation/metrics',
    operationId: 'getEvaluationMetrics',
    summary: 'Brugerevalueringens nøgletal for et erhvervshus (NPS og andele med n og 95 %-interval, udvikling pr. år, svarfordeling)',
    description:
      'Reglerne i 03-evaluation.md. Kun erhvervshuse i din egen region; standard er dit eget. Tal bygget på færre end 5 svar har status "suppressed" og ingen værdier, medmindre du er administrator eller leder/konsulent i erhvervshuset.',
    tag: 'Brugerevaluering',
    roles: [],
    query: evaluationFilterQuery,
    response: evaluationMetricsResponse,
    handler: async (c, actor, { query }) => {
      const o = await getEvaluationOverview(c.get('deps').database.db, actor, rawFilters(query));
      return {
        hub: o.hub,
        filter: { year: o.filters.year, segment: o.filters.segment, municipality: o.filters.municipalityCode, source: o.filters.source, theme: o.filters.theme },
        rawAccess: o.rawAccess,
        n: o.n,
        metrics: metricsJson(o.figures) as never,
        trend: o.trend.map((year) => ({ year: year.year, n: year.n, metrics: metricsJson(year.figures) as never })),
        distribution: o.distribution.map((q) => ({
          question: q.question,
          text: q.text.da,
          total: q.total,
          suppressed: q.suppressed,
          answers: q.answers.map((a) => ({ key: a.key, label: a.label.da, count: a.count })),
        })),
      };
    },
  }),
  defineOperation({
    method: 'get',
    path: '/evaluation/responses',
    operationId: 'listEvaluationResponses',
    summary: 'Besvarelserne bag et nøgletal (sidevis, 50 pr. side)',
    description: 'Kun for administratorer og for ledere og konsulenter i erhvervshusets egen organisation; andre får 403.',
    tag: 'Brugerevaluering',
    roles: [],
    query: drillDownQuery,
    response: evaluationResponsesResponse,
    handler: async (c, actor, { query }) => {
      const d = await listEvaluationResponses(c.get('deps').database.db, actor, rawFilters(query));
      return {
        metric: d.metric,
        page: d.page,
        pageSize: d.pageSize,
        total: d.total,
        responses: d.rows.map((row) => ({
          id: row.id,
          responseId: row.response.responseId,
          source: row.response.source,
          cvr: row.response.cvr,
          company: row.company,
          municipalityCode: row.response.municipalityCode,
          segment: row.response.segment,
          guidanceYear: row.response.guidanceYear,
          answeredAt: row.response.answeredAt,
          themes: [...row.response.themes],
          counted: row.counted,
          answers: answersByQuestion(row.response),
        })),
      };
    },
  }),
];
