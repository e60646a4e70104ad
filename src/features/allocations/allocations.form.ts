// The allocation form speaks Danish notation ("17.645", "0,01", weights and fixed shares in percent)
// and has numbered rows (criteria.0.weight, rules.2.kind). This turns a submitted form into the
// service's input and back, and maps the service's field names onto the form's rows.
import { formatDanishNumber } from '../../domain/allocation/allocation.ts';
import { parseRational, Rational } from '../../domain/money/rational.ts';
import { parseLocaleNumber } from '../../domain/population/csv-text.ts';
import type { FieldError } from '../../domain/errors.ts';
import type { FormValues } from '../../web/components/forms.tsx';
import { exactText, type StoredVersion } from './allocations.repository.ts';

export const CRITERIA_ROWS = 3;
export const MIN_RULE_ROWS = 3;

const text = (body: FormValues, name: string): string => {
  const value = body[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
};

/** A Danish number ("17.645", "0,01", "1 234,5") or a fraction ("100/3") as exact text; else as typed. */
function danishNumber(raw: string): Rational | null {
  if (raw === '') return null;
  if (raw.includes('/')) return parseRational(raw);
  return parseLocaleNumber(raw, 'danish');
}
const exactOrRaw = (raw: string): string => {
  const value = danishNumber(raw);
  return value === null ? raw : exactText(value);
};
const percentToFraction = (raw: string): string => {
  const value = danishNumber(raw.replace(/%$/, '').trim());
  return value === null ? raw : exactText(value.div(Rational.of(100n)));
};

export function ruleRowCount(body: FormValues): number {
  let filled = 0;
  for (let i = 0; i < 98; i++) if (text(body, `rules.${i}.municipalityCode`) !== '') filled = i + 1;
  return Math.max(MIN_RULE_ROWS, filled + 1);
}

export interface ConvertedForm {
  input: Record<string, unknown>;
  /** Turns a field of the service's input (criteria.0.weight) into the form's field (criteria.2.weight). */
  formField(field: string): string;
}

export function formToInput(body: FormValues): ConvertedForm {
  const criteriaRows: number[] = [];
  for (let i = 0; i < CRITERIA_ROWS; i++) if (text(body, `criteria.${i}.dataSetId`) !== '' || text(body, `criteria.${i}.weight`) !== '') criteriaRows.push(i);
  if (criteriaRows.length === 0) criteriaRows.push(0);
  const ruleRows: number[] = [];
  for (let i = 0; i < ruleRowCount(body); i++) if (text(body, `rules.${i}.municipalityCode`) !== '' || text(body, `rules.${i}.kind`) !== '') ruleRows.push(i);
  const derivedFilled = text(body, 'derived.0.name') !== '' || text(body, 'derived.0.factor') !== '';
  const input = {
    name: text(body, 'name'),
    total: exactOrRaw(text(body, 'total')),
    unit: text(body, 'unit'),
    resolution: exactOrRaw(text(body, 'resolution') || '1'),
    method: text(body, 'method') || 'largestRemainder',
    recipients: text(body, 'recipients'),
    // One criterion with no weight typed means the whole key (100 %).
    criteria: criteriaRows.map((i) => ({
      dataSetId: text(body, `criteria.${i}.dataSetId`),
      weight: percentToFraction(text(body, `criteria.${i}.weight`) || (criteriaRows.length === 1 ? '100' : '')),
    })),
    rules: ruleRows.map((i) => {
      const kind = text(body, `rules.${i}.kind`);
      return {
        municipalityCode: text(body, `rules.${i}.municipalityCode`),
        kind,
        ...(kind === 'fixedShare' ? { fixedShare: percentToFraction(text(body, `rules.${i}.fixedShare`)) } : {}),
        ...(kind === 'transferTo' ? { transferTo: text(body, `rules.${i}.transferTo`) } : {}),
      };
    }),
    derived: derivedFilled
      ? [{ name: text(body, 'derived.0.name'), factor: exactOrRaw(text(body, 'derived.0.factor')), method: text(body, 'derived.0.method') || 'roundEach' }]
      : [],
    note: text(body, 'note'),
  };
  return {
    input,
    formField(field) {
      const row = /^(criteria|rules)\.(\d+)(\..*)?$/.exec(field);
      if (!row) return field;
      const rows = row[1] === 'criteria' ? criteriaRows : ruleRows;
      return `${row[1]}.${rows[Number(row[2])] ?? row[2]}${row[3] ?? ''}`;
    },
  };
}

export function formErrors(converted: ConvertedForm, fields: FieldError[]): FieldError[] {
  return fields.map((f) => ({ field: converted.formField(f.field), message: f.message }));
}

const percentText = (fraction: Rational): string => {
  const percent = fraction.mul(Rational.of(100n));
  return percent.isTerminatingDecimal() ? formatDanishNumber(percent, 20) : percent.toString();
};

/** A stored version as form values, for "Ny version" (the form starts from the version it changes). */
export function versionToForm(version: StoredVersion): FormValues {
  const values: FormValues = {
    name: version.name,
    total: formatDanishNumber(version.total, 20),
    unit: version.unit,
    resolution: formatDanishNumber(version.resolution, 20),
    method: version.method,
    recipients: version.recipients,
    note: version.note ?? '',
  };
  version.criteria.forEach((c, i) => {
    values[`criteria.${i}.dataSetId`] = c.dataSetId;
    values[`criteria.${i}.weight`] = percentText(c.weight);
  });
  version.rules.forEach((r, i) => {
    values[`rules.${i}.municipalityCode`] = r.municipalityCode;
    values[`rules.${i}.kind`] = r.kind;
    if (r.fixedShare) values[`rules.${i}.fixedShare`] = percentText(r.fixedShare);
    if (r.transferTo) values[`rules.${i}.transferTo`] = r.transferTo;
  });
  const derived = version.derived[0];
  if (derived) {
    values['derived.0.name'] = derived.name;
    values['derived.0.factor'] = formatDanishNumber(derived.factor, 20);
    values['derived.0.method'] = derived.method;
  }
  return values;
}
