// The JSON format of spec 05 ("The command"), read with zod. Zod checks the shape and turns numbers
// into exact Rationals; the rules that need the whole allocation (weights sum to 1, transfers …)
// live in allocation.validate.ts. Every zod issue becomes an AllocationError with a Danish message.
import { z } from 'zod';
import { fromNumber, parseRational } from '../money/rational.ts';
import type { Rational } from '../money/rational.ts';
import { allocationErrors } from './allocation.messages.ts';
import type { AllocationError, AllocationInput, ValidationResult } from './allocation.types.ts';
import { validateAllocationDraft } from './allocation.validate.ts';

/**
 * A number in the JSON: a JSON number (read through its shortest decimal string, so 0.1 is exactly
 * 1/10), a decimal string ("0.072") or a fraction string ("1/3", an extension so weights like thirds
 * can sum to exactly 1). Anything else is `not_a_number`.
 */
const numeric = z.unknown().transform((value, ctx): Rational => {
  let parsed: Rational | null = null;
  if (typeof value === 'number' && Number.isFinite(value)) parsed = fromNumber(value);
  else if (typeof value === 'string') parsed = parseRational(value);
  if (parsed !== null) return parsed;
  ctx.addIssue({
    code: 'custom',
    message: value === undefined ? 'required' : 'not_a_number',
    params: { code: value === undefined ? 'required' : 'not_a_number' },
    input: value,
  });
  return z.NEVER;
});

const nonEmptyText = z.string().refine((s) => s.trim() !== '', { params: { code: 'empty_text' } });

// Strict objects: an unknown key is refused rather than ignored, because a misspelt optional key
// ("fixedshare", "transferto") would otherwise silently change who pays what.
const criterionSchema = z.strictObject({
  key: nonEmptyText,
  weight: numeric,
  label: z.string().optional(),
  period: z.string().optional(),
});

const recipientSchema = z.strictObject({
  id: nonEmptyText,
  name: nonEmptyText,
  values: z.record(z.string(), numeric).optional(),
  fixedShare: numeric.optional(),
  exempt: z.boolean().optional(),
  transferTo: z.string().optional(),
});

const derivedSchema = z.strictObject({
  name: nonEmptyText,
  factor: numeric,
  method: z.string().optional(),
});

export const allocationJsonSchema = z.strictObject({
  name: nonEmptyText,
  total: numeric,
  unit: z.string(),
  resolution: numeric.optional(),
  method: z.string().optional(),
  criteria: z.array(criterionSchema),
  recipients: z.array(recipientSchema),
  derived: z.array(derivedSchema).optional(),
});

/**
 * Reads an allocation from parsed JSON (e.g. the result of JSON.parse) and validates it fully.
 * Defaults where the JSON is silent: `resolution` 1, `method` largestRemainder (spec 05's default,
 * also for derived columns), `values` {} (exempt and fixed-share recipients need none).
 */
export function parseAllocationJson(data: unknown): ValidationResult<AllocationInput> {
  const parsed = allocationJsonSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, errors: parsed.error.issues.flatMap(toAllocationErrors) };
  const d = parsed.data;
  return validateAllocationDraft({
    name: d.name,
    total: d.total,
    unit: d.unit,
    resolution: d.resolution,
    method: d.method,
    criteria: d.criteria.map((c) => ({ key: c.key, weight: c.weight, label: c.label, period: c.period })),
    recipients: d.recipients.map((r) => ({
      id: r.id,
      name: r.name,
      // Copy into a prototype-less object so keys like "constructor" are plain data.
      values: Object.assign(Object.create(null) as Record<string, Rational>, r.values ?? {}),
      fixedShare: r.fixedShare,
      exempt: r.exempt,
      transferTo: r.transferTo,
    })),
    derived: (d.derived ?? []).map((x) => ({ name: x.name, factor: x.factor, method: x.method })),
  });
}

/** `['recipients', 2, 'values', 'population']` → `recipients[2].values.population`; '' is the root. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const segment of path) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out;
}

const EXPECTED_DA: Record<string, string> = {
  string: 'en tekst',
  number: 'et tal',
  boolean: 'true eller false',
  array: 'en liste ([…])',
  object: 'et objekt ({…})',
  record: 'et objekt ({…})',
};

function toAllocationErrors(issue: z.core.$ZodIssue): AllocationError[] {
  const field = formatFieldPath(issue.path);
  const code = (issue as { params?: { code?: unknown } }).params?.code;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => allocationErrors.unknownField(formatFieldPath([...issue.path, key])));
    case 'invalid_type':
      if (issue.path.length === 0) return [allocationErrors.rootNotObject(issue.input)];
      return [
        issue.input === undefined
          ? allocationErrors.required(field)
          : allocationErrors.invalidType(field, EXPECTED_DA[issue.expected] ?? issue.expected, issue.input),
      ];
    case 'custom':
      if (code === 'required') return [allocationErrors.required(field)];
      if (code === 'not_a_number') return [allocationErrors.notANumber(field, issue.input)];
      if (code === 'empty_text') return [allocationErrors.emptyText(field)];
      break;
    default:
      break;
  }
  return [{ field, code: 'invalid', message: `Feltet "${field}" er ugyldigt.` }];
}
