// The shape of a result contract (04-contracts.md, "What a contract is"), read with zod v4. The input
// form is plain JSON (thresholds and amounts as exact decimals written like "60" or "47,5"); the
// output carries exact Rationals. Objects are strict: a misspelt key ("treshold") is refused rather
// than silently ignored, because it would change how a goal is judged. Every issue becomes a
// FieldError with a Danish message that names the field and the value.
import { z } from 'zod';
import type { FieldError } from '../errors.ts';
import { guidanceCategories, guidanceSegments, guidanceThemes } from '../guidance/guidance.types.ts';
import { Rational } from '../money/rational.ts';
import {
  activityStatuses,
  comparisons,
  contractStatusLabels,
  contractStatuses,
  countKeys,
  evidenceKinds,
  goalKinds,
  metricKeys,
} from './contract.vocabulary.ts';
import { HUNDRED, formatContractDecimal, readContractDecimal } from './decimal.ts';

/** An exact decimal ("60", "47,5", or a JSON number), as a Rational. */
const exactDecimal = z.unknown().transform((value, ctx): Rational => {
  const parsed = readContractDecimal(value);
  if (parsed !== null) return parsed;
  ctx.addIssue({
    code: 'custom',
    message:
      value === undefined
        ? 'skal udfyldes med et tal (fx "60" eller "47,5")'
        : `${JSON.stringify(value)} er ikke et eksakt decimaltal – skriv fx "60" eller "47,5" (decimalkomma, ingen tusindtalsseparator)`,
    input: value,
  });
  return z.NEVER;
});

const text = z.string().trim().min(1);
const optionalText = z.string().trim().min(1).optional();

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoDate = z.string().refine(
  (value) => {
    const m = ISO_DATE.exec(value);
    if (!m) return false;
    const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
    return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
  },
  { message: 'er ikke en gyldig dato (ÅÅÅÅ-MM-DD)' },
);

/** Ids of targets and activities: referred to by tier conditions and by stored measurements. */
const id = z.string().regex(/^[a-z0-9][a-zA-Z0-9-]*$/, { message: 'er ikke et gyldigt id (små bogstaver, tal og bindestreg)' });

const year = z.int().min(2000).max(2100);

/**
 * Filters of a metric or count (03-evaluation.md: year, segment, municipality, theme, source — the
 * names of EvaluationFilter in src/domain/evaluation/metrics.ts; the hub is the contract's).
 */
export const targetFiltersSchema = z.strictObject({
  year: year.optional(),
  segment: z.enum(guidanceSegments).optional(),
  theme: z.enum(guidanceThemes).optional(),
  categories: z.array(z.enum(guidanceCategories)).min(1).optional(),
  municipalityCode: z.string().regex(/^\d{3}$/).optional(),
  source: z.enum(['erst', 'own']).optional(),
  /** Referral service goal in calendar hours (02-crm.md: default 48). */
  serviceGoalHours: z.int().positive().optional(),
  /** Kind of the referring organisation (Midtjylland 2020: a municipality's referrals). */
  referredFrom: z.enum(['localOffice', 'hub', 'external']).optional(),
});

/** A stated starting point ("36 % i september 2021"), shown next to the result; never judged. */
const baselineSchema = z.strictObject({ value: exactDecimal, date: isoDate.optional(), note: optionalText });

/** A stated step on the way ("45 % i 2021 → 47 % i 2022 → 50 % i 2023"); shown, not judged. */
const milestoneSchema = z.strictObject({ year, comparison: z.enum(comparisons), threshold: exactDecimal });

const comparisonFields = {
  comparison: z.enum(comparisons),
  threshold: exactDecimal,
};

const metricTargetSchema = z.strictObject({
  kind: z.literal('metric'),
  id,
  label: text,
  metric: z.enum(metricKeys),
  filters: targetFiltersSchema.default({}),
  ...comparisonFields,
  baseline: baselineSchema.optional(),
  milestones: z.array(milestoneSchema).optional(),
});

const countTargetSchema = z.strictObject({
  kind: z.literal('count'),
  id,
  label: text,
  count: z.enum(countKeys),
  filters: targetFiltersSchema.default({}),
  ...comparisonFields,
});

/** A figure measured by someone else, entered with its source, date and document. */
const externalRecordSchema = z.strictObject({
  value: exactDecimal,
  source: text,
  date: isoDate,
  document: optionalText,
  n: z.int().nonnegative().optional(),
});

const externalTargetSchema = z.strictObject({
  kind: z.literal('external'),
  id,
  label: text,
  /** Who measures, e.g. "Erhvervsstyrelsens kendskabsmåling". */
  measuredBy: text,
  unit: z.enum(['%', 'procentpoint', '']).default(''),
  ...comparisonFields,
  baseline: baselineSchema.optional(),
  milestones: z.array(milestoneSchema).optional(),
  recorded: externalRecordSchema.optional(),
});

const evidenceSchema = z.strictObject({
  kind: z.enum(evidenceKinds),
  value: text,
  label: optionalText,
  date: isoDate.optional(),
});

const activitySchema = z.strictObject({
  id,
  name: text,
  status: z.enum(activityStatuses).default('notStarted'),
  evidence: z.array(evidenceSchema).default([]),
  note: optionalText,
});

const activitiesTargetSchema = z.strictObject({
  kind: z.literal('activities'),
  id,
  label: text,
  activities: z.array(activitySchema).min(1),
});

export const targetSchema = z.discriminatedUnion('kind', [
  metricTargetSchema,
  countTargetSchema,
  activitiesTargetSchema,
  externalTargetSchema,
]);

/**
 * A tier condition: the target's measured value compared with this tier's threshold, or — without
 * comparison and threshold — "the target holds" (its own comparison, or all activities done).
 */
const conditionSchema = z
  .strictObject({ target: id, comparison: z.enum(comparisons).optional(), threshold: exactDecimal.optional() })
  .refine((c) => (c.comparison === undefined) === (c.threshold === undefined), {
    message: 'comparison og threshold skal angives sammen (eller begge udelades)',
  });

const percent = exactDecimal.refine((p) => !p.isNegative() && !p.gt(HUNDRED), {
  message: 'er ikke en opfyldelsesprocent mellem 0 og 100',
});

const tierSchema = z.strictObject({ when: z.array(conditionSchema).min(1), percent });

export const fulfilmentRuleSchema = z.discriminatedUnion('kind', [
  /** Ordered (condition → percent), first match wins, else 0 %. */
  z.strictObject({ kind: z.literal('tiers'), tiers: z.array(tierSchema).min(1) }),
  /** 100 % when every target holds, else 0 %. */
  z.strictObject({ kind: z.literal('all') }),
  /** Over the goal's activities: 100 % when every one is done; or done/total when proportional. */
  z.strictObject({ kind: z.literal('activities'), partial: z.enum(['none', 'proportional']).default('none') }),
]);

/** A stated correction of the source document (2022 goal 9: the method says 4 activities, the rule 5). */
const correctionSchema = z.strictObject({
  field: z.enum(['text', 'method', 'rationale', 'targets', 'rule']),
  stated: text,
  applied: text,
  reason: text,
});

const reportingLineSchema = z.strictObject({ from: text, to: text, frequency: text });

export const goalSchema = z
  .strictObject({
    number: z.int().positive(),
    title: text,
    kind: z.enum(goalKinds),
    text,
    method: optionalText,
    rationale: optionalText,
    reporting: z.array(reportingLineSchema).default([]),
    targets: z.array(targetSchema).min(1),
    rule: fulfilmentRuleSchema,
    corrections: z.array(correctionSchema).default([]),
  })
  .superRefine((goal, ctx) => {
    const ids = new Set<string>();
    goal.targets.forEach((target, i) => {
      if (ids.has(target.id)) ctx.addIssue({ code: 'custom', message: `målepunktet "${target.id}" findes to gange i mål ${goal.number}`, path: ['targets', i, 'id'], input: target.id });
      ids.add(target.id);
      if (target.kind === 'activities') {
        const activityIds = new Set<string>();
        target.activities.forEach((a, j) => {
          if (activityIds.has(a.id)) ctx.addIssue({ code: 'custom', message: `indsatsen "${a.id}" findes to gange`, path: ['targets', i, 'activities', j, 'id'], input: a.id });
          activityIds.add(a.id);
        });
      }
    });
    if (goal.rule.kind === 'tiers') {
      goal.rule.tiers.forEach((tier, i) =>
        tier.when.forEach((condition, j) => {
          const target = goal.targets.find((t) => t.id === condition.target);
          if (target === undefined) {
            ctx.addIssue({ code: 'custom', message: `"${condition.target}" er ikke et målepunkt i mål ${goal.number}`, path: ['rule', 'tiers', i, 'when', j, 'target'], input: condition.target });
          } else if (target.kind === 'activities' && condition.threshold !== undefined) {
            ctx.addIssue({ code: 'custom', message: `en indsatsliste ("${condition.target}") kan ikke sammenlignes med en tærskel`, path: ['rule', 'tiers', i, 'when', j, 'threshold'], input: condition.target });
          }
        }),
      );
    }
    if (goal.rule.kind === 'activities' && !goal.targets.some((t) => t.kind === 'activities')) {
      ctx.addIssue({ code: 'custom', message: `mål ${goal.number} har opfyldelse efter indsatser, men ingen indsatsliste`, path: ['rule', 'kind'], input: goal.rule.kind });
    }
  });

const partySchema = z.strictObject({ role: z.enum(['kkr', 'hub']), name: text });

const signatorySchema = z.strictObject({
  party: z.enum(['kkr', 'hub']),
  title: text,
  name: optionalText,
  signedOn: isoDate.optional(),
});

export const contractSchema = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { message: 'er ikke et gyldigt id (små bogstaver, tal og bindestreg)' }),
    year,
    title: text,
    hub: text,
    kkr: text,
    parties: z.array(partySchema).min(2),
    signatories: z.array(signatorySchema).default([]),
    dates: z.strictObject({
      effectiveFrom: isoDate,
      agreedOn: isoDate.optional(),
      signedOn: isoDate.optional(),
      sentToKlAndErstOn: isoDate.optional(),
    }),
    status: z.enum(contractStatuses),
    /** Required once the contract is agreed; a draft may not know it yet. */
    baseGrant: z
      .strictObject({
        /** Kroner, exact. */
        amount: exactDecimal,
        distributionKey: text,
        /** When the source's table rows do not sum to the stated amount, the sum as printed. */
        tableRowsTotal: exactDecimal.optional(),
        invoicedTotal: exactDecimal.optional(),
        note: optionalText,
      })
      .optional(),
    followUp: z.strictObject({ year, quarter: z.int().min(1).max(4) }),
    goals: z.array(goalSchema),
    note: optionalText,
  })
  .superRefine((contract, ctx) => {
    const numbers = new Set<number>();
    contract.goals.forEach((goal, i) => {
      if (numbers.has(goal.number)) ctx.addIssue({ code: 'custom', message: `mål ${goal.number} findes to gange`, path: ['goals', i, 'number'], input: goal.number });
      numbers.add(goal.number);
    });
    if (contract.followUp.year < contract.year) {
      ctx.addIssue({ code: 'custom', message: `opfølgningsåret ${contract.followUp.year} ligger før kontraktåret ${contract.year}`, path: ['followUp', 'year'], input: contract.followUp.year });
    }
    if (contract.baseGrant === undefined && contract.status !== 'draft') {
      ctx.addIssue({ code: 'custom', message: `basisbevillingen skal angives, når kontrakten har status "${contractStatusLabels[contract.status].da}"`, path: ['baseGrant'], input: undefined });
    }
    if (!contract.parties.some((p) => p.role === 'kkr') || !contract.parties.some((p) => p.role === 'hub')) {
      ctx.addIssue({ code: 'custom', message: 'en resultatkontrakt har både en KKR og et erhvervshus som parter', path: ['parties'], input: contract.parties });
    }
  });

export type ContractInput = z.input<typeof contractSchema>;
export type Contract = z.output<typeof contractSchema>;
export type GoalInput = z.input<typeof goalSchema>;
export type Goal = z.output<typeof goalSchema>;
export type Target = z.output<typeof targetSchema>;
export type MetricTarget = Extract<Target, { kind: 'metric' }>;
export type CountTarget = Extract<Target, { kind: 'count' }>;
export type ActivitiesTarget = Extract<Target, { kind: 'activities' }>;
export type ExternalTarget = Extract<Target, { kind: 'external' }>;
export type Activity = ActivitiesTarget['activities'][number];
export type TargetFilters = z.output<typeof targetFiltersSchema>;
export type FulfilmentRule = z.output<typeof fulfilmentRuleSchema>;
export type Tier = Extract<FulfilmentRule, { kind: 'tiers' }>['tiers'][number];
export type TierCondition = Tier['when'][number];

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function parseContract(data: unknown): ParseResult<Contract> {
  return toResult(contractSchema.safeParse(data, { reportInput: true }));
}

export function parseGoal(data: unknown): ParseResult<Goal> {
  return toResult(goalSchema.safeParse(data, { reportInput: true }));
}

/** For shipped data: a contract that does not parse is a bug in the seed, reported with every field. */
export function defineContract(data: ContractInput): Contract {
  const result = parseContract(data);
  if (!result.ok) {
    const id = typeof data === 'object' && data !== null ? String((data as { id?: unknown }).id) : '?';
    throw new Error(`Resultatkontrakten "${id}" er ugyldig:\n${result.errors.map((e) => `  ${e.field}: ${e.message}`).join('\n')}`);
  }
  return result.value;
}

function toResult<T>(parsed: z.ZodSafeParseResult<T>): ParseResult<T> {
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, errors: parsed.error.issues.map(toFieldError) };
}

function toFieldError(issue: z.core.$ZodIssue): FieldError {
  const field = issue.path.map(String).join('.') || '(kontrakten)';
  const shown = 'input' in issue && issue.input !== undefined ? show(issue.input) : undefined;
  switch (issue.code) {
    case 'custom':
      // Refinements phrase their message as a predicate ("er ikke en gyldig dato"): put the value first.
      return { field, message: shown !== undefined && issue.message.startsWith('er ') ? `${shown} ${issue.message}` : issue.message };
    case 'invalid_type':
      return { field, message: shown === undefined ? 'skal udfyldes' : `${shown} har forkert type (forventede ${issue.expected})` };
    case 'invalid_value':
      return { field, message: `${shown ?? 'værdien'} er ikke tilladt – brug ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` };
    case 'invalid_union':
      return { field, message: `${shown ?? 'værdien'} passer ikke til nogen af de tilladte former` };
    case 'unrecognized_keys':
      return { field, message: `ukendt felt: ${issue.keys.join(', ')}` };
    case 'too_small':
      return { field, message: `${shown ?? 'værdien'} er for lille eller for kort (mindst ${String(issue.minimum)})` };
    case 'too_big':
      return { field, message: `${shown ?? 'værdien'} er for stor eller for lang (højst ${String(issue.maximum)})` };
    case 'invalid_format':
      return { field, message: `${shown ?? 'værdien'} har et ugyldigt format` };
    default:
      return { field, message: `${shown ?? 'værdien'} er ugyldig (${issue.message})` };
  }
}

/** The value as the user wrote it: JSON, with exact numbers in Danish notation ("47,5"). */
function show(value: unknown): string {
  if (value instanceof Rational) return `"${formatContractDecimal(value)}"`;
  try {
    return JSON.stringify(value, (_key, v: unknown) => (v instanceof Rational ? formatContractDecimal(v) : typeof v === 'bigint' ? v.toString() : v)) ?? String(value);
  } catch {
    return String(value);
  }
}
