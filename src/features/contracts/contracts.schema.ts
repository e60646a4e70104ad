// The JSON form of a contract's evaluation, shared by `knudepunkt contract evaluate --json` and
// GET /api/v1/contracts/{id}/evaluation (docs/formats.md, "Resultatkontrakter"): each goal's status and
// fulfilment, each target's value (one decimal) next to its exact value (the fraction it is judged
// on), n, 95 % interval, data period and how many records lie behind it.
import { z } from 'zod';
import { goalStatuses, type GoalEvaluation, type TargetEvaluation } from '../../domain/contracts/contracts.ts';
import type { Rational } from '../../domain/money/rational.ts';
import type { EvaluatedContract } from './contracts.service.ts';

const round1 = (value: number) => {
  const rounded = Number(value.toFixed(1));
  return Object.is(rounded, -0) ? 0 : rounded;
};
const exact = (value: Rational) => value.toString();

const targetJson = z.object({
  id: z.string(),
  kind: z.enum(['metric', 'count', 'activities', 'external']),
  label: z.string(),
  comparison: z.string().nullable(),
  threshold: z.string().nullable().meta({ description: 'exact, e.g. "47/2" or "70"' }),
  value: z.number().nullable().meta({ description: 'rounded to one decimal' }),
  exact: z.string().nullable().meta({ description: 'the exact value the target is judged on, e.g. "181/250"' }),
  n: z.number().int().nullable(),
  interval95: z.object({ low: z.number(), high: z.number() }).nullable(),
  period: z.object({ from: z.string(), to: z.string() }).nullable(),
  source: z.string().nullable(),
  holds: z.boolean().nullable(),
  missing: z.string().nullable(),
  recordCount: z.number().int(),
  activities: z.object({ done: z.number().int(), total: z.number().int(), items: z.array(z.object({ id: z.string(), name: z.string(), status: z.string() })) }).nullable(),
});

const goalJson = z.object({
  number: z.number().int(),
  title: z.string(),
  status: z.enum(goalStatuses),
  fulfilment: z.number().nullable().meta({ description: 'percent, one decimal; null when not measurable' }),
  fulfilmentExact: z.string().nullable(),
  explanation: z.string(),
  missing: z.array(z.string()),
  targets: z.array(targetJson),
});

export const contractEvaluationResponse = z.object({
  contract: z.object({ id: z.string(), slug: z.string(), title: z.string(), hub: z.string(), kkr: z.string(), year: z.number().int(), status: z.string() }),
  computedAt: z.string(),
  summary: z.object({ fulfilled: z.number().int(), partlyFulfilled: z.number().int(), notFulfilled: z.number().int(), notMeasurable: z.number().int(), total: z.number().int() }),
  goals: z.array(goalJson),
});
export type ContractEvaluationJson = z.infer<typeof contractEvaluationResponse>;

function targetToJson(e: TargetEvaluation): z.infer<typeof targetJson> {
  const t = e.target;
  const m = e.measurement?.kind === 'value' ? e.measurement : null;
  return {
    id: t.id,
    kind: t.kind,
    label: t.label,
    comparison: t.kind === 'activities' ? null : t.comparison,
    threshold: t.kind === 'activities' ? null : exact(t.threshold),
    value: m ? round1(Number(m.value.toFixed(4))) : null,
    exact: m ? exact(m.value) : null,
    n: m?.n ?? null,
    interval95: m?.interval ? { low: round1(m.interval.low), high: round1(m.interval.high) } : null,
    period: m?.period ?? null,
    source: m?.source ?? null,
    holds: e.holds,
    missing: e.missing,
    recordCount: m?.recordIds.length ?? 0,
    activities:
      t.kind === 'activities' && e.activities ? { done: e.activities.done, total: e.activities.total, items: t.activities.map((a) => ({ id: a.id, name: a.name, status: a.status })) } : null,
  };
}

function goalToJson(g: GoalEvaluation): z.infer<typeof goalJson> {
  return {
    number: g.goalNumber,
    title: g.title,
    status: g.status,
    fulfilment: g.percent === null ? null : round1(Number(g.percent.toFixed(4))),
    fulfilmentExact: g.percent === null ? null : exact(g.percent),
    explanation: g.explanation,
    missing: g.missing,
    targets: g.targets.map(targetToJson),
  };
}

export function contractEvaluationJson(e: EvaluatedContract): ContractEvaluationJson {
  const summary = { fulfilled: 0, partlyFulfilled: 0, notFulfilled: 0, notMeasurable: 0, total: e.evaluation.goals.length };
  for (const g of e.evaluation.goals) summary[g.status] += 1;
  return {
    contract: { id: e.row.id, slug: e.row.slug, title: e.contract.title, hub: e.row.hub_name, kkr: e.row.kkr_name, year: e.row.year, status: e.contract.status },
    computedAt: e.computedAt.toISOString(),
    summary,
    goals: e.evaluation.goals.map(goalToJson),
  };
}
