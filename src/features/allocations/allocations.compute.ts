// From a stored or submitted allocation to the engine's input (src/domain/allocation) and back:
// recipients from the scope, criteria values from the data sets, special rules per municipality.
import type { Executor } from '../../db/database.ts';
import {
  allocate,
  compareWithPerRowRounding,
  describeAmount,
  describeDistributionKey,
  type AllocationDraft,
  type AllocationError,
  type AllocationResult,
  type AllocationUnit,
  type RoundingMethod,
} from '../../domain/allocation/allocation.ts';
import { validationFailed, type FieldError } from '../../domain/errors.ts';
import { parseDecimal, type Rational } from '../../domain/money/rational.ts';
import { findDataSet, findValuesOf } from '../data-sets/data-sets.repository.ts';
import type { AllocationInput } from './allocations.schema.ts';
import { type NewVersion, type StoredCriterion, type StoredDerived, type StoredRule, type StoredVersion } from './allocations.repository.ts';
import { resolveRecipients, type RecipientMunicipality } from './allocations.recipients.ts';

/** What the engine needs of a version, stored or not yet stored. */
export interface VersionSpec {
  name: string;
  total: Rational;
  unit: AllocationUnit;
  resolution: Rational;
  method: RoundingMethod;
  recipients: string;
  criteria: Omit<StoredCriterion, 'position' | 'dataSetName'>[];
  rules: StoredRule[];
  derived: StoredDerived[];
}

/** "17.645 (1.000 kr.) fordelt efter bopælskommunefolketal pr. 1. kvt. 2022." */
export function explain(spec: Pick<VersionSpec, 'total' | 'unit' | 'criteria'>): string {
  const key = describeDistributionKey(spec.criteria.map((c) => ({ key: c.key, label: c.label, period: c.periodLabel, weight: c.weight })));
  return `${describeAmount(spec.total, spec.unit)}${key ? ` ${key}` : ''}.`;
}

function buildDraft(spec: VersionSpec, recipients: RecipientMunicipality[], values: Map<string, { municipalityCode: string; value: string }[]>): AllocationDraft {
  const byDataSet = new Map([...values].map(([id, rows]) => [id, new Map(rows.map((r) => [r.municipalityCode, parseDecimal(r.value)!]))]));
  const ruleOf = new Map(spec.rules.map((r) => [r.municipalityCode, r]));
  return {
    name: spec.name,
    total: spec.total,
    unit: spec.unit,
    resolution: spec.resolution,
    method: spec.method,
    criteria: spec.criteria.map((c) => ({ key: c.key, weight: c.weight, label: c.label, period: c.periodLabel })),
    recipients: recipients.map((m) => {
      const rule = ruleOf.get(m.code);
      const own: Record<string, Rational> = Object.create(null) as Record<string, Rational>;
      for (const c of spec.criteria) {
        const value = byDataSet.get(c.dataSetId)?.get(m.code);
        if (value !== undefined) own[c.key] = value;
      }
      return {
        id: m.code,
        name: m.name,
        values: own,
        ...(rule?.kind === 'fixedShare' ? { fixedShare: rule.fixedShare! } : {}),
        ...(rule?.kind === 'exempt' ? { exempt: true } : {}),
        ...(rule?.kind === 'transferTo' ? { transferTo: rule.transferTo! } : {}),
      };
    }),
    derived: spec.derived.map((d) => ({ name: d.name, factor: d.factor, method: d.method })),
  };
}

/** The engine's errors on the form's fields (most are caught by the schema first). */
function toFieldErrors(errors: AllocationError[], spec: VersionSpec, recipients: RecipientMunicipality[]): FieldError[] {
  return errors.map((e) => {
    const recipient = /^recipients\[(\d+)\]\.(fixedShare|transferTo)/.exec(e.field);
    if (recipient) {
      const code = recipients[Number(recipient[1])]?.code;
      const rule = spec.rules.findIndex((r) => r.municipalityCode === code);
      if (rule >= 0) return { field: `rules.${rule}.${recipient[2]}`, message: e.message };
    }
    const indexed = /^(criteria|derived)\[(\d+)\]\.(\w+)/.exec(e.field);
    if (indexed) return { field: `${indexed[1]}.${indexed[2]}.${indexed[3]}`, message: e.message };
    if (e.field === 'criteria') return { field: 'criteria.0.weight', message: e.message };
    if (e.field === 'total' || e.field === 'resolution') return { field: e.field, message: e.message };
    return { field: 'form', message: e.message };
  });
}

/**
 * Checks a submitted allocation against the database (recipients, data sets, rules) and computes
 * it. Throws a validation error naming the form field; returns what is to be stored and the result.
 */
export async function prepareVersion(db: Executor, input: AllocationInput): Promise<{ spec: VersionSpec; criteria: NewVersion['criteria']; result: AllocationResult; recipientsCount: number }> {
  const errors: FieldError[] = [];
  const recipients = await resolveRecipients(db, input.recipients);
  if (!recipients) throw validationFailed([{ field: 'recipients', message: 'Vælg modtagerne: et erhvervshus, et KKR eller alle 98 kommuner.' }]);
  const codes = new Set(recipients.map((m) => m.code));
  const dataSets = await Promise.all(input.criteria.map((c) => findDataSet(db, c.dataSetId)));
  const values = await findValuesOf(db, dataSets.flatMap((d) => (d ? [d.id] : [])));
  const usedKeys = new Set<string>();
  const criteria: NewVersion['criteria'] = [];
  input.criteria.forEach((c, i) => {
    const dataSet = dataSets[i];
    if (!dataSet) return void errors.push({ field: `criteria.${i}.dataSetId`, message: 'Datasættet findes ikke – vælg et af de importerede datasæt.' });
    const key = usedKeys.has(dataSet.kind) ? `${dataSet.kind}-${i + 1}` : dataSet.kind;
    usedKeys.add(key);
    criteria.push({ key, dataSetId: dataSet.id, weight: c.weight, label: dataSet.valueLabel, periodLabel: dataSet.periodLabel });
  });
  input.rules.forEach((rule, i) => {
    if (!codes.has(rule.municipalityCode)) errors.push({ field: `rules.${i}.municipalityCode`, message: `Kommunen ${rule.municipalityCode} er ikke blandt modtagerne.` });
    if (rule.kind === 'transferTo' && rule.transferTo && !codes.has(rule.transferTo)) {
      errors.push({ field: `rules.${i}.transferTo`, message: `Kommunen ${rule.transferTo} er ikke blandt modtagerne og kan ikke overtage andelen.` });
    }
  });
  // Spec 05: exempt and fixed-share recipients are left out of the criteria sums and need no values.
  const outside = new Set(input.rules.filter((r) => r.kind !== 'transferTo').map((r) => r.municipalityCode));
  criteria.forEach((c) => {
    const have = new Set((values.get(c.dataSetId) ?? []).map((v) => v.municipalityCode));
    const missing = recipients.filter((m) => !outside.has(m.code) && !have.has(m.code));
    if (missing.length === 0) return;
    const named = missing.slice(0, 3).map((m) => `${m.name} (${m.code})`).join(', ');
    const more = missing.length > 3 ? ` og ${missing.length - 3} andre` : '';
    errors.push({
      field: `criteria.${input.criteria.findIndex((x) => x.dataSetId === c.dataSetId)}.dataSetId`,
      message: `Datasættet har ingen værdi for ${named}${more} – vælg et datasæt, der dækker modtagerne, eller fritag kommunen.`,
    });
  });
  if (errors.length > 0) throw validationFailed(errors);
  const spec: VersionSpec = {
    name: input.name,
    total: input.total,
    unit: input.unit,
    resolution: input.resolution,
    method: input.method,
    recipients: input.recipients,
    criteria,
    rules: input.rules.map((r) => ({
      municipalityCode: r.municipalityCode,
      kind: r.kind,
      ...(r.kind === 'fixedShare' && r.fixedShare ? { fixedShare: r.fixedShare } : {}),
      ...(r.kind === 'transferTo' && r.transferTo ? { transferTo: r.transferTo } : {}),
    })),
    derived: input.derived.map((d) => ({ name: d.name, factor: d.factor, method: d.method })),
  };
  const computed = allocate(buildDraft(spec, recipients, values));
  if (!computed.ok) throw validationFailed(toFieldErrors(computed.errors, spec, recipients));
  return { spec, criteria, result: computed.value, recipientsCount: recipients.length };
}

/** Computes a stored version. Its inputs are immutable, so this gives the same result every time. */
export async function computeStoredVersion(db: Executor, version: StoredVersion): Promise<AllocationResult> {
  const recipients = await resolveRecipients(db, version.recipients);
  if (!recipients) throw new Error(`allocation version ${version.id}: unknown recipients ${version.recipients}`);
  const values = await findValuesOf(db, version.criteria.map((c) => c.dataSetId));
  const computed = allocate(buildDraft(version, recipients, values));
  if (!computed.ok) throw new Error(`allocation version ${version.id} no longer computes: ${computed.errors.map((e) => e.message).join('; ')}`);
  return computed.value;
}

/** The API's result shape: every number an exact decimal string. */
export function toResultResponse(result: AllocationResult) {
  const comparison = compareWithPerRowRounding(result);
  return {
    total: result.total.toDecimalString(),
    allocatedTotal: result.allocatedTotal.toDecimalString(),
    difference: result.difference.toDecimalString(),
    perRowTotal: comparison.perRowTotal.toDecimalString(),
    perRowDifferenceToTotal: comparison.perRowDifferenceToTotal.toDecimalString(),
    recipients: result.recipients.map((r, i) => ({
      municipalityCode: r.id,
      name: r.name,
      share: r.share.toDecimalString(),
      exact: r.exact.toDecimalString(),
      allocated: r.allocated.toDecimalString(),
      perRowRounded: comparison.rows[i]!.perRowRounded.toDecimalString(),
      difference: comparison.rows[i]!.difference.toDecimalString(),
      derived: Object.fromEntries(r.derived.map((d) => [d.name, d.value.toDecimalString()])),
      note: r.note,
    })),
  };
}
