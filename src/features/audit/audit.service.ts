// The append-only audit log (issue 2): every create, update and delete done through a service records
// who, when, which organisation, the entity and the before/after values. Secrets never enter it.
import type { Executor } from '../../db/database.ts';
import type { AuditAction } from '../../db/schema.ts';
import type { Actor } from '../../domain/actor.ts';
import { requireRole } from '../authorization.ts';
import { distinctEntityTypes, findAuditEntries, insertAuditEntries, insertAuditEntry, streamAuditEntries, type AuditFilter } from './audit.repository.ts';

export interface AuditChange {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

const secretKey = /password|token_hash|tokenHash|secret/i;

/** Removes secrets (password hashes, token hashes) from a snapshot before it is logged. */
export function withoutSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecrets);
  if (value instanceof Date) return value.toISOString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => !secretKey.test(key))
        .map(([key, inner]) => [key, withoutSecrets(inner)]),
    );
  }
  return value;
}

function auditEntry(actor: Actor, change: AuditChange) {
  return {
    actorUserId: actor.kind === 'user' ? actor.userId : null,
    actorName: actor.name,
    actorOrganisationId: actor.kind === 'user' ? actor.organisationId : null,
    actorOrganisationName: actor.kind === 'user' ? actor.organisationName : null,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: withoutSecrets(change.before ?? null),
    after: withoutSecrets(change.after ?? null),
    requestId: actor.requestId ?? null,
  };
}

export async function recordAudit(db: Executor, actor: Actor, change: AuditChange): Promise<void> {
  await insertAuditEntry(db, auditEntry(actor, change));
}

/** Several changes by one actor, written in one statement (imports). */
export async function recordAuditBatch(db: Executor, actor: Actor, changes: AuditChange[]): Promise<void> {
  await insertAuditEntries(db, changes.map((change) => auditEntry(actor, change)));
}

export async function listAuditLog(db: Executor, actor: Actor, filter: AuditFilter, page: { page: number; pageSize: number }) {
  requireRole(actor, 'admin');
  const { rows, total } = await findAuditEntries(db, filter, { limit: page.pageSize, offset: (page.page - 1) * page.pageSize });
  return { entries: rows, total, entityTypes: await distinctEntityTypes(db) };
}

const csvColumns = ['id', 'tidspunkt', 'bruger', 'organisation', 'handling', 'entitet', 'entitet_id', 'før', 'efter', 'request_id'];

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : typeof value === 'string' ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  // Cells that a spreadsheet would run as a formula are prefixed (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r;]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** CSV of the filtered log, newest first, as lines (header first) so the route can stream it. */
export async function* exportAuditCsv(db: Executor, actor: Actor, filter: AuditFilter): AsyncGenerator<string> {
  requireRole(actor, 'admin');
  yield '\uFEFF' + csvColumns.join(',') + '\r\n';
  for await (const row of streamAuditEntries(db, filter)) {
    yield [
      row.id,
      row.occurred_at,
      row.actor_name,
      row.actor_organisation_name,
      row.action,
      row.entity_type,
      row.entity_id,
      row.before,
      row.after,
      row.request_id,
    ]
      .map(csvCell)
      .join(',') + '\r\n';
  }
}
