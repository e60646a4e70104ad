// The input of an allocation version (form, API and CLI alike) and the API's answers. Numbers come in
// as decimal strings ("17645000", "0.01"), fractions ("1/3") or JSON numbers, and become exact
// Rationals here; the form turns Danish notation ("17.645", "33,5 %") into these first.
import { z } from 'zod';
import { ALLOCATION_UNITS, formatDanishNumber, formatDanishPercent, ROUNDING_METHODS } from '../../domain/allocation/allocation.ts';
import { fromNumber, parseRational, Rational, sumRationals } from '../../domain/money/rational.ts';

const exact = (message: string) =>
  z
    .union([z.string(), z.number()], { message })
    .transform((value, ctx): Rational => {
      const parsed = typeof value === 'number' ? (Number.isFinite(value) ? fromNumber(value) : null) : parseRational(value);
      if (parsed !== null) return parsed;
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    });

const municipalityCode = z.string({ message: 'Vælg en kommune.' }).regex(/^\d{3}$/, 'Vælg en kommune.');

export const ruleKinds = ['fixedShare', 'exempt', 'transferTo'] as const;

const ruleInput = z.object({
  municipalityCode,
  kind: z.enum(ruleKinds, { message: 'Vælg reglen: fast andel, fritaget eller overtages af en anden kommune.' }),
  fixedShare: exact('Skriv den faste andel som et tal, fx 7,2 (procent).').optional(),
  transferTo: municipalityCode.optional(),
});

const criterionInput = z.object({
  dataSetId: z.uuid({ message: 'Vælg et datasæt.' }),
  weight: exact('Skriv vægten som et tal, fx 100 (procent).'),
});

const derivedInput = z.object({
  name: z.string().trim().min(1, 'Giv kolonnen et navn, fx "10 pct. frafald".').max(100, 'Navnet må højst være 100 tegn.'),
  factor: exact('Skriv faktoren som et tal, fx 0,9.'),
  method: z.enum(ROUNDING_METHODS, { message: 'Vælg afrundingen.' }).default('roundEach'),
});

export const allocationInput = z
  .object({
    name: z.string({ message: 'Skriv fordelingens navn.' }).trim().min(2, 'Skriv fordelingens navn (mindst 2 tegn).').max(200, 'Navnet må højst være 200 tegn.'),
    total: exact('Skriv totalen som et tal, fx 17645.'),
    unit: z.enum(ALLOCATION_UNITS, { message: 'Vælg enheden: kr., 1.000 kr., pladser eller personer.' }),
    resolution: exact('Skriv opløsningen som et tal, fx 1 eller 0,01.').prefault('1'),
    method: z.enum(ROUNDING_METHODS, { message: 'Vælg afrundingsmetoden.' }).default('largestRemainder'),
    recipients: z.string({ message: 'Vælg modtagerne.' }).regex(/^(all|hub:[a-z0-9-]+|kkr:[a-z0-9-]+)$/, 'Vælg modtagerne: et erhvervshus, et KKR eller alle 98 kommuner.'),
    criteria: z.array(criterionInput, { message: 'Vælg mindst ét datasæt.' }).min(1, 'Vælg mindst ét datasæt.').max(5, 'Højst 5 kriterier.'),
    rules: z.array(ruleInput).max(98).default([]),
    derived: z.array(derivedInput).max(5, 'Højst 5 afledte kolonner.').default([]),
    note: z
      .string()
      .trim()
      .max(2000, 'Noten må højst være 2000 tegn.')
      .transform((value) => (value === '' ? null : value))
      .nullable()
      .optional(),
  })
  // Runs even when single fields failed (`when`), so the form shows every mistake at once; it reads
  // only the parts that did parse.
  .superRefine(
    (parsed, context) => {
      if (typeof parsed !== 'object' || parsed === null) return;
      const value = parsed as Partial<typeof parsed>;
      const issue = (path: (string | number)[], message: string) => context.addIssue({ code: 'custom', path, message });
      const total = value.total instanceof Rational ? value.total : undefined;
      const resolution = value.resolution instanceof Rational ? value.resolution : undefined;
      if (total?.isNegative()) issue(['total'], 'Totalen må ikke være negativ.');
      if (resolution && !resolution.isPositive()) issue(['resolution'], 'Opløsningen skal være større end 0, fx 1 eller 0,01.');
      else if (resolution && !resolution.isTerminatingDecimal()) issue(['resolution'], 'Opløsningen skal være et decimaltal, fx 1 eller 0,01.');
      else if (total && resolution && !total.isNegative() && !total.isMultipleOf(resolution)) {
        issue(['total'], `Totalen ${formatDanishNumber(total)} går ikke op i opløsningen ${formatDanishNumber(resolution)} – ret totalen eller opløsningen.`);
      }
      // Spec 05: weights sum to 1. The form shows them as percentages, so the message does too.
      const criteria = Array.isArray(value.criteria) ? value.criteria : [];
      criteria.forEach((c, i) => {
        if (c?.weight instanceof Rational && c.weight.isNegative()) issue(['criteria', i, 'weight'], 'Vægten må ikke være negativ.');
        if (criteria.findIndex((other) => other?.dataSetId === c?.dataSetId) < i) issue(['criteria', i, 'dataSetId'], 'Datasættet er allerede valgt som kriterium.');
      });
      if (criteria.length > 0 && criteria.every((c) => c?.weight instanceof Rational)) {
        const weights = sumRationals(criteria.map((c) => c.weight));
        if (!weights.equals(Rational.ONE)) issue(['criteria', 0, 'weight'], `Vægtene summerer til ${formatDanishPercent(weights, 4)} – de skal summere til 100 %.`);
      }
      const rules = Array.isArray(value.rules) ? value.rules : [];
      rules.forEach((rule, i) => {
        if (!rule) return;
        if (rules.findIndex((other) => other?.municipalityCode === rule.municipalityCode) < i) {
          issue(['rules', i, 'municipalityCode'], 'Kommunen har allerede en regel – én regel pr. kommune.');
        }
        if (rule.kind === 'fixedShare') {
          if (!(rule.fixedShare instanceof Rational)) issue(['rules', i, 'fixedShare'], 'Skriv den faste andel, fx 7,2 (procent).');
          else if (rule.fixedShare.isNegative() || rule.fixedShare.gt(Rational.ONE)) issue(['rules', i, 'fixedShare'], 'Den faste andel skal være mellem 0 og 100 %.');
        }
        if (rule.kind === 'transferTo') {
          if (!rule.transferTo) issue(['rules', i, 'transferTo'], 'Vælg den kommune, der overtager andelen.');
          else if (rule.transferTo === rule.municipalityCode) issue(['rules', i, 'transferTo'], 'En kommune kan ikke overtage sin egen andel.');
        }
      });
      const fixed = sumRationals(rules.flatMap((r) => (r?.kind === 'fixedShare' && r.fixedShare instanceof Rational ? [r.fixedShare] : [])));
      if (fixed.gt(Rational.ONE)) {
        issue(['rules', rules.findIndex((r) => r?.kind === 'fixedShare'), 'fixedShare'], `De faste andele summerer til ${formatDanishPercent(fixed, 4)} – højst 100 %.`);
      }
      const derived = Array.isArray(value.derived) ? value.derived : [];
      derived.forEach((d, i) => {
        if (d?.factor instanceof Rational && !d.factor.isPositive()) issue(['derived', i, 'factor'], 'Faktoren skal være større end 0, fx 0,9.');
      });
    },
    { when: () => true },
  );
export type AllocationInput = z.infer<typeof allocationInput>;
export type RuleInput = AllocationInput['rules'][number];
export type DerivedInput = AllocationInput['derived'][number];

// ---- API answers: every amount as an exact decimal string (never a binary double) ----

const decimal = z.string().meta({ description: 'Exact decimal, e.g. "6592" or "0.3735695643"' });

export const allocationVersionResponse = z
  .object({
    id: z.uuid(),
    allocationId: z.uuid(),
    version: z.number().int(),
    name: z.string(),
    total: decimal,
    unit: z.enum(ALLOCATION_UNITS),
    resolution: decimal,
    method: z.enum(ROUNDING_METHODS),
    recipients: z.string().meta({ description: '"hub:<id>", "kkr:<id>" or "all"' }),
    recipientsLabel: z.string(),
    criteria: z.array(
      z.object({
        key: z.string(),
        dataSetId: z.uuid(),
        dataSetName: z.string(),
        weight: z.string().meta({ description: 'Exact fraction of 1, e.g. "0.5" or "1/3"' }),
        label: z.string(),
        periodLabel: z.string(),
      }),
    ),
    rules: z.array(z.object({ municipalityCode: z.string(), kind: z.enum(ruleKinds), fixedShare: z.string().optional(), transferTo: z.string().optional() })),
    derived: z.array(z.object({ name: z.string(), factor: z.string(), method: z.enum(ROUNDING_METHODS) })),
    note: z.string().nullable(),
    explanation: z.string().meta({ description: 'The Danish sentence, e.g. "17.645 (1.000 kr.) fordelt efter bopælskommunefolketal pr. 1. kvt. 2022."' }),
    lockedAt: z.string().nullable(),
    lockedReason: z.string().nullable(),
    createdAt: z.string(),
    createdBy: z.string(),
  })
  .meta({ id: 'AllocationVersion' });
export type AllocationVersionResponse = z.infer<typeof allocationVersionResponse>;

export const allocationResultResponse = z
  .object({
    total: decimal,
    allocatedTotal: decimal,
    difference: decimal,
    perRowTotal: decimal.meta({ description: 'What a spreadsheet that rounds each row on its own adds up to' }),
    perRowDifferenceToTotal: decimal,
    recipients: z.array(
      z.object({
        municipalityCode: z.string(),
        name: z.string(),
        share: decimal,
        exact: decimal,
        allocated: decimal,
        perRowRounded: decimal,
        difference: decimal.meta({ description: 'allocated − perRowRounded' }),
        derived: z.record(z.string(), decimal),
        note: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'AllocationResult' });

export const allocationSummaryResponse = z
  .object({
    id: z.uuid(),
    name: z.string(),
    origin: z.enum(['knudepunkt', 'published']),
    latestVersion: z.number().int(),
    total: decimal,
    unit: z.enum(ALLOCATION_UNITS),
    locked: z.boolean().meta({ description: 'true when the latest version is used for invoices' }),
    updatedAt: z.string(),
  })
  .meta({ id: 'AllocationSummary' });
export type AllocationSummary = z.infer<typeof allocationSummaryResponse>;

export const allocationRequest = z
  .object({
    name: z.string(),
    total: z.union([z.string(), z.number()]),
    unit: z.enum(ALLOCATION_UNITS),
    resolution: z.union([z.string(), z.number()]).optional(),
    method: z.enum(ROUNDING_METHODS).optional(),
    recipients: z.string().meta({ description: '"hub:nordjylland", "kkr:kkr-syddanmark" or "all"' }),
    criteria: z.array(z.object({ dataSetId: z.string(), weight: z.union([z.string(), z.number()]).meta({ description: 'Fraction of 1; weights sum to 1' }) })),
    rules: z
      .array(z.object({ municipalityCode: z.string(), kind: z.enum(ruleKinds), fixedShare: z.union([z.string(), z.number()]).optional(), transferTo: z.string().optional() }))
      .optional(),
    derived: z.array(z.object({ name: z.string(), factor: z.union([z.string(), z.number()]), method: z.enum(ROUNDING_METHODS).optional() })).optional(),
    note: z.string().nullable().optional(),
  })
  .meta({ id: 'AllocationRequest' });
