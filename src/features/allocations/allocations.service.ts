// Distribution keys (issue 3, spec 05): allocations with versions. Everyone signed in reads them;
// kkr and admin create them. A version is never edited: every change is a new version, and a version
// used for invoices is also locked (docs/decisions/004-allocations-storage.md).
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import type { AllocationResult } from '../../domain/allocation/allocation.ts';
import { AppError, notFound, validationFailed } from '../../domain/errors.ts';
import { requireRole } from '../authorization.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { fieldErrors } from '../validation.ts';
import { computeStoredVersion, explain, prepareVersion, type VersionSpec } from './allocations.compute.ts';
import { describeRecipients } from './allocations.recipients.ts';
import {
  exactText,
  findAllocationSummaries,
  findVersion,
  findVersionList,
  insertAllocation,
  insertVersion,
  nextVersionNumber,
  type StoredVersion,
} from './allocations.repository.ts';
import { allocationInput, type AllocationInput, type AllocationSummary, type AllocationVersionResponse } from './allocations.schema.ts';

export const READERS = ['adviser', 'manager', 'kkr', 'admin', 'viewer'] as const;
export const WRITERS = ['kkr', 'admin'] as const;

export async function listAllocations(db: Executor, actor: Actor, filter: { origin?: 'knudepunkt' | 'published' } = {}): Promise<AllocationSummary[]> {
  requireRole(actor, ...READERS);
  const rows = await findAllocationSummaries(db, filter);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    origin: r.origin,
    latestVersion: r.version,
    total: r.total,
    unit: r.unit as AllocationSummary['unit'],
    locked: r.locked_at !== null,
    updatedAt: r.updated_at.toISOString(),
  }));
}

export async function getVersion(db: Executor, actor: Actor, allocationId: string, version?: number): Promise<StoredVersion> {
  requireRole(actor, ...READERS);
  const found = await findVersion(db, allocationId, version);
  if (!found) throw notFound(version === undefined ? 'Fordelingen' : `Version ${version} af fordelingen`, 'The allocation (version) was not found.');
  return found;
}

export interface VersionView {
  version: StoredVersion;
  result: AllocationResult;
  explanation: string;
  recipientsLabel: string;
  versions: Awaited<ReturnType<typeof findVersionList>>;
}

/** A version with its computed result, the explanation sentence and the list of all versions. */
export async function getVersionView(db: Executor, actor: Actor, allocationId: string, version?: number, locale: 'da' | 'en' = 'da'): Promise<VersionView> {
  const found = await getVersion(db, actor, allocationId, version);
  const [result, recipientsLabel, versions] = await Promise.all([
    computeStoredVersion(db, found),
    describeRecipients(db, found.recipients, locale),
    findVersionList(db, allocationId),
  ]);
  return { version: found, result, explanation: explain(found), recipientsLabel, versions };
}

function parseInput(input: unknown): AllocationInput {
  const parsed = allocationInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  return parsed.data;
}

/** The result of a submitted allocation without saving it (the form's preview). */
export async function previewAllocation(db: Executor, actor: Actor, input: unknown): Promise<{ spec: VersionSpec; result: AllocationResult; explanation: string }> {
  requireRole(actor, ...WRITERS);
  const { spec, result } = await prepareVersion(db, parseInput(input));
  return { spec, result, explanation: explain(spec) };
}

type Prepared = Awaited<ReturnType<typeof prepareVersion>>;

async function storeVersion(db: Executor, actor: Actor, allocationId: string, input: AllocationInput, { spec, criteria }: Prepared): Promise<StoredVersion> {
  const number = await nextVersionNumber(db, allocationId);
  await insertVersion(db, allocationId, number, {
    ...spec,
    criteria,
    note: input.note ?? null,
    createdByUserId: actor.kind === 'user' ? actor.userId : null,
    createdByName: actor.name,
  });
  return (await findVersion(db, allocationId, number))!;
}

export async function createAllocation(db: Executor, actor: Actor, input: unknown, options: { origin?: 'knudepunkt' | 'published' } = {}): Promise<StoredVersion> {
  requireRole(actor, ...WRITERS);
  const parsed = parseInput(input);
  const prepared = await prepareVersion(db, parsed); // refuses before anything is inserted
  const allocationId = await insertAllocation(db, parsed.name, options.origin ?? 'knudepunkt');
  const version = await storeVersion(db, actor, allocationId, parsed, prepared);
  await recordAudit(db, actor, { action: 'create', entityType: 'allocation', entityId: allocationId, after: versionSnapshot(version) });
  return version;
}

/** A change to an allocation: always a new version; the earlier ones stay as they were. */
export async function createAllocationVersion(db: Executor, actor: Actor, allocationId: string, input: unknown): Promise<StoredVersion> {
  requireRole(actor, ...WRITERS);
  const previous = await getVersion(db, actor, allocationId);
  if (previous.origin === 'published') {
    throw new AppError('conflict', 'En udgivet, historisk tabel kan ikke få nye versioner – opret en ny fordelingsnøgle.', { en: 'A published table cannot get new versions.' });
  }
  const parsed = parseInput(input);
  const version = await storeVersion(db, actor, allocationId, parsed, await prepareVersion(db, parsed));
  await recordAudit(db, actor, { action: 'update', entityType: 'allocation', entityId: allocationId, before: versionSnapshot(previous), after: versionSnapshot(version) });
  return version;
}

/** A version as plain JSON (API answers and audit snapshots; no Rationals). */
export function versionSnapshot(v: StoredVersion): Omit<AllocationVersionResponse, 'recipientsLabel'> {
  return {
    id: v.id,
    allocationId: v.allocationId,
    version: v.version,
    name: v.name,
    total: v.total.toDecimalString(),
    unit: v.unit,
    resolution: v.resolution.toDecimalString(),
    method: v.method,
    recipients: v.recipients,
    criteria: v.criteria.map((c) => ({ key: c.key, dataSetId: c.dataSetId, dataSetName: c.dataSetName, weight: exactText(c.weight), label: c.label, periodLabel: c.periodLabel })),
    rules: v.rules.map((r) => ({
      municipalityCode: r.municipalityCode,
      kind: r.kind,
      ...(r.fixedShare ? { fixedShare: exactText(r.fixedShare) } : {}),
      ...(r.transferTo ? { transferTo: r.transferTo } : {}),
    })),
    derived: v.derived.map((d) => ({ name: d.name, factor: exactText(d.factor), method: d.method })),
    note: v.note,
    explanation: explain(v),
    lockedAt: v.lockedAt ? v.lockedAt.toISOString() : null,
    lockedReason: v.lockedReason,
    createdAt: v.createdAt.toISOString(),
    createdBy: v.createdBy,
  };
}
