// Input of the metrics explorer (/evaluering) and its API (/api/v1/evaluation/…): the filters of
// 03-evaluation.md ("Each metric can be filtered by hub, year, segment, municipality, theme and
// source"), every one optional, with Danish messages that name the field and the value.
import { z } from 'zod';
import { evaluationSources } from '../../domain/evaluation/evaluation.types.ts';
import { shareMetricNames } from '../../domain/evaluation/metrics.ts';
import { guidanceSegments, guidanceThemes } from '../../domain/guidance/guidance.types.ts';

/** The metrics the explorer shows, in the order of the spec's definitions table. */
export const evaluationMetricNames = ['nps', ...shareMetricNames] as const;
export type EvaluationMetricName = (typeof evaluationMetricNames)[number];
/** With `newCompanyShare` (needs the CRM's courses; only for a single guidance year). */
export const figureMetricNames = [...evaluationMetricNames, 'newCompanyShare'] as const;
export type FigureMetricName = (typeof figureMetricNames)[number];
/** A drill-down names a metric, or `all` for every response that passes the filters. */
export const drillDownTargets = ['all', ...evaluationMetricNames] as const;
export type DrillDownTarget = (typeof drillDownTargets)[number];

const optionalText = (max: number, field: string) =>
  z
    .string()
    .trim()
    .max(max, `${field} må højst være ${max} tegn.`)
    .optional()
    .transform((value) => value || undefined);

const oneOf = <T extends string>(values: readonly T[], field: string, aliases: Record<string, T> = {}) =>
  optionalText(100, field).transform((value, context): T | undefined => {
    if (value === undefined) return undefined;
    const key = value.toLowerCase();
    const found = (values as readonly string[]).includes(key) ? (key as T) : aliases[key];
    if (found !== undefined) return found;
    context.addIssue({ code: 'custom', message: `${field} "${value}" findes ikke – brug ${values.join(', ')}.` });
    return z.NEVER;
  });

export const evaluationFilterQuery = z.object({
  hub: optionalText(100, 'Erhvervshuset').meta({ description: 'Erhvervshusets id (nordjylland) eller navn; standard: dit eget' }),
  year: optionalText(10, 'Året')
    .transform((value, context) => {
      if (value === undefined) return undefined;
      const year = /^\d{4}$/.test(value) ? Number(value) : Number.NaN;
      if (year >= 1990 && year <= 2100) return year;
      context.addIssue({ code: 'custom', message: `Året skal være et årstal mellem 1990 og 2100, fx 2023 – ikke "${value}".` });
      return z.NEVER;
    })
    .meta({ description: 'Vejledningsåret (guidance_year); standard: alle år' }),
  segment: oneOf(guidanceSegments, 'Segmentet', { vækst: 'growth', vaekst: 'growth', drift: 'operations' }).meta({ description: 'growth eller operations' }),
  municipality: optionalText(4, 'Kommunekoden')
    .transform((value, context) => {
      if (value === undefined) return undefined;
      if (/^\d{3,4}$/.test(value)) return value.replace(/^0(?=\d{3}$)/, '');
      context.addIssue({ code: 'custom', message: `Kommunekoden skal være tre cifre, fx 851 – ikke "${value}".` });
      return z.NEVER;
    })
    .meta({ description: 'Kommunekode, tre cifre' }),
  source: oneOf(evaluationSources, 'Kilden').meta({ description: 'erst eller own; standard: begge' }),
  theme: oneOf(guidanceThemes, 'Tematikken').meta({ description: 'Tematik (nøgle), fx innovation' }),
});
export type EvaluationFilterQuery = z.infer<typeof evaluationFilterQuery>;

export const drillDownQuery = evaluationFilterQuery.extend({
  metric: oneOf(drillDownTargets, 'Nøgletallet').meta({ description: 'Nøgletallet, hvis besvarelser vises (nps, veryPleasedShare …); standard: all' }),
  page: optionalText(6, 'Siden')
    .transform((value, context) => {
      if (value === undefined) return 1;
      const page = /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (page >= 1 && page <= 100000) return page;
      context.addIssue({ code: 'custom', message: `Siden skal være et helt tal fra 1 – ikke "${value}".` });
      return z.NEVER;
    })
    .meta({ description: 'Siden, fra 1' }),
});
export type DrillDownQuery = z.infer<typeof drillDownQuery>;

// Responses of the API.
const interval = z.object({ low: z.number(), high: z.number() }).nullable().meta({ description: '95 % konfidensinterval, én decimal (Wilson; NPS: SE af forskellen)' });
const figure = z
  .object({
    status: z.enum(['ok', 'none', 'suppressed']).meta({ description: 'ok; none = ingen besvarelser (n = 0); suppressed = færre end 5 svar (tallet vises ikke)' }),
    value: z.number().nullable().meta({ description: 'Værdien afrundet til én decimal (procent eller NPS-point)' }),
    exact: z.string().nullable().meta({ description: 'Den eksakte værdi som brøk ("1499/25"); mål vurderes på den' }),
    n: z.number().int().nullable(),
    count: z.number().int().nullable().meta({ description: 'Tælleren (andele); for NPS antal promotorer' }),
    promoters: z.number().int().nullable().optional(),
    passives: z.number().int().nullable().optional(),
    detractors: z.number().int().nullable().optional(),
    interval95: interval,
  })
  .meta({ id: 'EvaluationFigure' });

const metrics = z.object({
  ...(Object.fromEntries(evaluationMetricNames.map((name) => [name, figure])) as Record<EvaluationMetricName, typeof figure>),
  newCompanyShare: figure.optional().meta({ description: 'Kun med et vejledningsår: blandt de evaluerede virksomheder (kendt CVR), som erhvervshuset vejledte i året, andelen det ikke vejledte året før' }),
});

export const evaluationMetricsResponse = z
  .object({
    hub: z.object({ id: z.string(), name: z.string() }),
    filter: z.object({
      year: z.number().int().nullable(),
      segment: z.string().nullable(),
      municipality: z.string().nullable(),
      source: z.string().nullable(),
      theme: z.string().nullable(),
    }),
    rawAccess: z.boolean().meta({ description: 'Om du må se de enkelte besvarelser; ellers vises intet tal bygget på færre end 5 svar' }),
    n: z.number().int().nullable().meta({ description: 'Besvarelser, der opfylder filtrene; null når færre end 5 og tallet er skjult' }),
    metrics,
    trend: z.array(z.object({ year: z.number().int(), n: z.number().int().nullable(), metrics })),
    distribution: z.array(
      z.object({
        question: z.string(),
        text: z.string(),
        total: z.number().int().nullable(),
        suppressed: z.boolean(),
        answers: z.array(z.object({ key: z.string(), label: z.string(), count: z.number().int().nullable() })),
      }),
    ),
  })
  .meta({ id: 'EvaluationMetrics' });

export const evaluationResponsesResponse = z
  .object({
    metric: z.string(),
    page: z.number().int(),
    pageSize: z.number().int(),
    total: z.number().int(),
    responses: z.array(
      z.object({
        id: z.string(),
        responseId: z.string(),
        source: z.string(),
        cvr: z.string().nullable(),
        company: z.object({ id: z.string(), name: z.string() }).nullable(),
        municipalityCode: z.string(),
        segment: z.string(),
        guidanceYear: z.number().int(),
        answeredAt: z.string().nullable(),
        themes: z.array(z.string()),
        counted: z.boolean().meta({ description: 'Om besvarelsen tæller i nøgletallets tæller (fx promotor, "Meget tilfreds")' }),
        answers: z.record(z.string(), z.union([z.string(), z.number()]).nullable()),
      }),
    ),
  })
  .meta({ id: 'EvaluationResponses' });
