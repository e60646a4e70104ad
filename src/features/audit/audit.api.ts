import { z } from 'zod';
import { defineOperation } from '../../web/api/operation.ts';
import { auditEntryResponse, auditFilterQuery, toAuditFilter } from './audit.schema.ts';
import { listAuditLog } from './audit.service.ts';

const PAGE_SIZE = 100;

export const auditOperations = [
  defineOperation({
    method: 'get',
    path: '/audit-log',
    operationId: 'listAuditLog',
    summary: 'Revisionsloggen, nyeste først, 100 pr. side',
    tag: 'Administration',
    roles: ['admin'],
    query: auditFilterQuery,
    response: z.object({ total: z.number().int(), page: z.number().int(), entries: z.array(auditEntryResponse) }),
    handler: async (c, actor, { query }) => {
      const result = await listAuditLog(c.get('deps').database.db, actor, toAuditFilter(query), { page: query.side, pageSize: PAGE_SIZE });
      return {
        total: result.total,
        page: query.side,
        entries: result.entries.map((row) => ({
          id: row.id,
          occurredAt: row.occurred_at.toISOString(),
          actorName: row.actor_name,
          actorOrganisationName: row.actor_organisation_name,
          action: row.action,
          entityType: row.entity_type,
          entityId: row.entity_id,
          before: row.before,
          after: row.after,
          requestId: row.request_id,
        })),
      };
    },
  }),
];
