import { insertByColumns, type ColumnTypes } from '../../db/bulk.ts';
import type { Executor } from '../../db/database.ts';
import type { AuditAction } from '../../db/schema.ts';

export interface AuditEntryInsert {
  actorUserId: string | null;
  actorName: string;
  actorOrganisationId: string | null;
  actorOrganisationName: string | null;
  action: AuditAction;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export interface AuditFilter {
  entityType?: string | undefined;
  entityId?: string | undefined;
  actor?: string | undefined;
  organisationId?: string | undefined;
  action?: AuditAction | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

const auditRow = (entry: AuditEntryInsert) => ({
  actor_user_id: entry.actorUserId,
  actor_name: entry.actorName,
  actor_organisation_id: entry.actorOrganisationId,
  actor_organisation_name: entry.actorOrganisationName,
  action: entry.action,
  entity_type: entry.entityType,
  entity_id: entry.entityId,
  before: entry.before === undefined || entry.before === null ? null : JSON.stringify(entry.before),
  after: entry.after === undefined || entry.after === null ? null : JSON.stringify(entry.after),
  request_id: entry.requestId,
});

export async function insertAuditEntry(db: Executor, entry: AuditEntryInsert): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(entry)).execute();
}

const auditColumnTypes: ColumnTypes<ReturnType<typeof auditRow>> = {
  actor_user_id: 'uuid', actor_name: 'text', actor_organisation_id: 'uuid', actor_organisation_name: 'text', action: 'text',
  entity_type: 'text', entity_id: 'text', before: 'jsonb', after: 'jsonb', request_id: 'text',
};

/** Many entries in one statement (an import's batch), in the order given. */
export async function insertAuditEntries(db: Executor, entries: AuditEntryInsert[]): Promise<void> {
  if (entries.length > 0) await insertByColumns('audit_log', auditColumnTypes, entries.map(auditRow)).execute(db);
}

function filtered(db: Executor, filter: AuditFilter) {
  let query = db.selectFrom('audit_log');
  if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  if (filter.actor) query = query.where('actor_name', 'ilike', `%${filter.actor.replace(/[%_\\]/g, '\\$&')}%`);
  if (filter.organisationId) query = query.where('actor_organisation_id', '=', filter.organisationId);
  if (filter.action) query = query.where('action', '=', filter.action);
  if (filter.from) query = query.where('occurred_at', '>=', filter.from);
  if (filter.to) query = query.where('occurred_at', '<', filter.to);
  return query;
}

export async function findAuditEntries(db: Executor, filter: AuditFilter, page: { limit: number; offset: number }) {
  const [rows, total] = await Promise.all([
    filtered(db, filter).selectAll().orderBy('id', 'desc').limit(page.limit).offset(page.offset).execute(),
    filtered(db, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: total.n };
}

/** Reads in batches by id so an export of a long log never holds it all in memory. */
export async function* streamAuditEntries(db: Executor, filter: AuditFilter, batchSize = 1000) {
  let beforeId = Number.MAX_SAFE_INTEGER;
  for (;;) {
    const rows = await filtered(db, filter).selectAll().where('id', '<', beforeId).orderBy('id', 'desc').limit(batchSize).execute();
    if (rows.length === 0) return;
    yield* rows;
    beforeId = rows.at(-1)!.id;
  }
}

export async function distinctEntityTypes(db: Executor): Promise<string[]> {
  const rows = await db.selectFrom('audit_log').select('entity_type').distinct().orderBy('entity_type').execute();
  return rows.map((row) => row.entity_type);
}

/** Who changed an entity and when, newest first (the values are left out: they may be internal). */
export async function findEntityHistory(db: Executor, entityType: string, entityId: string, limit = 50) {
  const rows = await db
    .selectFrom('audit_log')
    .select(['occurred_at', 'actor_name', 'actor_organisation_name', 'action'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', entityId)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({ occurredAt: row.occurred_at, actorName: row.actor_name, actorOrganisationName: row.actor_organisation_name, action: row.action }));
}
