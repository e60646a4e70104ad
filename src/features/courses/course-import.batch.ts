// One batch of valid rows of a courses file (02-crm.md, "Imports"): find or plan the companies, compare
// each row with the course imported before under the same `course_id`, and — unless it is a dry run —
// write the batch with a few multi-row statements. A dry run plans exactly as the real run does (ids
// are made here, not by the database), so its counts are the ones the real run will report.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { recordAuditBatch, type AuditChange } from '../audit/audit.service.ts';
import { addRegionsOfCompanies } from '../companies/companies.repository.ts';
import type { CourseCsvError } from '../../domain/guidance/courses-csv.ts';
import type { GuidanceCourse } from '../../domain/guidance/guidance.types.ts';
import { companyKey, normaliseCompanyName } from '../../domain/guidance/year-counting.ts';
import {
  findCompaniesByCvr,
  findCompaniesByImportKey,
  findImportedCourses,
  findUnkeyedPreStarters,
  insertCompanyImportKeys,
  insertImportedCompanies,
  insertImportedCourses,
  updateImportedCourse,
  type ImportOrganisation,
  type ImportedCourseValues,
  type StoredImportedCourse,
} from './course-import.repository.ts';

export interface BatchRow {
  line: number;
  course: GuidanceCourse;
  hubId: string;
  organisation: ImportOrganisation;
}

interface PlannedCompany {
  id: string;
  /** Set until the company is written: it was not in the database. */
  create?: { cvr: string | null; name: string; municipalityCode: string } | undefined;
  /** Set until written: a pre-starter found by name whose import key is not stored yet. */
  storeKey?: boolean | undefined;
}

/** What the whole import remembers between batches: companies by key, pre-starters by municipality. */
export interface ImportMemory {
  companies: Map<string, PlannedCompany>;
  preStartersByMunicipality: Map<string, Map<string, string>>;
  municipalityRegions: Map<string, number>;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  companiesCreated: number;
  errors: CourseCsvError[];
}

export async function runBatch(db: Executor, actor: Actor, memory: ImportMemory, rows: BatchRow[], write: boolean): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, companiesCreated: 0, errors: [] };
  outcome.companiesCreated = await planCompanies(db, memory, rows);
  const stored = new Map((await findImportedCourses(db, rows.map((r) => r.course.courseId))).map((c) => [c.source_id, c]));

  const inserts: (ImportedCourseValues & { id: string; source_id: string })[] = [];
  const updates: { stored: StoredImportedCourse; values: ImportedCourseValues; changed: (keyof ImportedCourseValues)[] }[] = [];
  for (const row of rows) {
    const values = courseValues(row, memory.companies.get(companyKey(row.course))!.id);
    const before = stored.get(row.course.courseId);
    if (!before) {
      inserts.push({ ...values, id: randomUUID(), source_id: row.course.courseId });
      continue;
    }
    if (before.organisation_id !== row.organisation.id) {
      // course_id is unique in the whole installation; one organisation's import must not take over
      // another's course (two source systems may well use the same ids).
      const message = `Linje ${row.line}, kolonne "course_id": forløbet "${row.course.courseId}" er allerede importeret under ${before.organisation_name} og kan ikke flyttes til ${row.organisation.name} ved en import.`;
      outcome.errors.push({ line: row.line, column: 'course_id', value: row.course.courseId, message });
      continue;
    }
    const changed = changedFields(before, values);
    if (changed.length === 0) outcome.unchanged++;
    else updates.push({ stored: before, values, changed });
  }
  outcome.created = inserts.length;
  outcome.updated = updates.length;
  if (write && outcome.errors.length === 0) await writeBatch(db, actor, memory, rows, inserts, updates);
  return outcome;
}

function courseValues(row: BatchRow, companyId: string): ImportedCourseValues {
  const { course } = row;
  return {
    company_id: companyId,
    organisation_id: row.organisation.id,
    business_hub_id: row.hubId,
    category: course.category,
    themes: course.themes,
    segment: course.segment,
    target_group: course.targetGroup,
    start_date: course.startDate,
    end_date: course.endDate,
    municipality_code: course.municipalityCode,
    meeting_dates: course.meetingDates,
  };
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

export function changedFields(stored: StoredImportedCourse, values: ImportedCourseValues): (keyof ImportedCourseValues)[] {
  return (Object.keys(values) as (keyof ImportedCourseValues)[]).filter((key) => {
    const before = stored[key];
    const after = values[key];
    return Array.isArray(after) ? !Array.isArray(before) || !sameList(before, after) : (before ?? null) !== (after ?? null);
  });
}

/**
 * Finds every company of the batch: by CVR number; a pre-starter by the key of its name and
 * municipality (02-crm.md) stored by an earlier import, or else among the pre-starters registered by
 * hand in that municipality. The rest are planned as new. Returns how many are new.
 */
async function planCompanies(db: Executor, memory: ImportMemory, rows: BatchRow[]): Promise<number> {
  const unknown = new Map<string, GuidanceCourse>();
  for (const { course } of rows) {
    const key = companyKey(course);
    if (!memory.companies.has(key) && !unknown.has(key)) unknown.set(key, course);
  }
  const keys = [...unknown.keys()];
  for (const found of await findCompaniesByCvr(db, keys.filter((k) => k.startsWith('cvr:')).map((k) => k.slice(4)))) {
    memory.companies.set(`cvr:${found.cvr}`, { id: found.id });
  }
  for (const found of await findCompaniesByImportKey(db, keys.filter((k) => k.startsWith('name:')))) {
    memory.companies.set(found.importKey, { id: found.companyId });
  }
  const nameless = [...unknown].filter(([key]) => key.startsWith('name:') && !memory.companies.has(key));
  const municipalities = [...new Set(nameless.map(([, c]) => c.municipalityCode))].filter((m) => !memory.preStartersByMunicipality.has(m));
  for (const m of municipalities) memory.preStartersByMunicipality.set(m, new Map());
  for (const company of await findUnkeyedPreStarters(db, municipalities)) {
    const byName = memory.preStartersByMunicipality.get(company.municipality_code!)!;
    const name = normaliseCompanyName(company.name);
    if (!byName.has(name)) byName.set(name, company.id);
  }
  let created = 0;
  for (const [key, course] of unknown) {
    if (memory.companies.has(key)) continue;
    const byHand = course.cvr === null ? memory.preStartersByMunicipality.get(course.municipalityCode)?.get(normaliseCompanyName(course.companyName!)) : undefined;
    if (byHand) {
      memory.companies.set(key, { id: byHand, storeKey: true });
      continue;
    }
    // A row with a CVR number but no name gets a placeholder until `import cvr` brings the real one.
    const name = course.companyName ?? `CVR ${course.cvr}`;
    memory.companies.set(key, { id: randomUUID(), create: { cvr: course.cvr, name, municipalityCode: course.municipalityCode } });
    created++;
  }
  return created;
}

async function writeBatch(
  db: Executor,
  actor: Actor,
  memory: ImportMemory,
  rows: BatchRow[],
  inserts: (ImportedCourseValues & { id: string; source_id: string })[],
  updates: { stored: StoredImportedCourse; values: ImportedCourseValues; changed: (keyof ImportedCourseValues)[] }[],
): Promise<void> {
  const audit: AuditChange[] = [];
  const newCompanies: { id: string; cvr: string | null; name: string; municipalityCode: string }[] = [];
  const keys: { importKey: string; companyId: string }[] = [];
  for (const key of new Set(rows.map((r) => companyKey(r.course)))) {
    const company = memory.companies.get(key)!;
    if (company.create) {
      newCompanies.push({ id: company.id, ...company.create });
      audit.push({ action: 'create', entityType: 'company', entityId: company.id, after: { ...company.create, source: 'import' } });
    }
    if (key.startsWith('name:') && (company.create || company.storeKey)) keys.push({ importKey: key, companyId: company.id });
    memory.companies.set(key, { id: company.id });
  }
  await insertImportedCompanies(db, newCompanies);
  await insertCompanyImportKeys(db, keys);
  // docs/decisions/005: the company is shared in its municipality's region and in the region of the
  // organisation that registers the course.
  await addRegionsOfCompanies(
    db,
    rows.flatMap((row) => {
      const companyId = memory.companies.get(companyKey(row.course))!.id;
      const regions = [memory.municipalityRegions.get(row.course.municipalityCode), row.organisation.regionCode];
      return regions.filter((r): r is number => typeof r === 'number').map((regionCode) => ({ companyId, regionCode }));
    }),
  );
  await insertImportedCourses(db, inserts);
  for (const { id, source_id, ...after } of inserts) audit.push({ action: 'create', entityType: 'guidanceCourse', entityId: id, after: { sourceId: source_id, ...after } });
  for (const { stored, values, changed } of updates) {
    await updateImportedCourse(db, stored.id, values, changed.includes('meeting_dates'));
    const pick = (source: Partial<Record<keyof ImportedCourseValues, unknown>>) => Object.fromEntries(changed.map((key) => [key, source[key]]));
    audit.push({ action: 'update', entityType: 'guidanceCourse', entityId: stored.id, before: pick(stored), after: { sourceId: stored.source_id, ...pick(values) } });
  }
  await recordAuditBatch(db, actor, audit);
}
