import { z } from 'zod';
import { copenhagenMidnight, nextDay } from '../../domain/danish-time.ts';
import type { AuditFilter } from './audit.repository.ts';

const optional = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const dayStart = z
  .string()
  .trim()
  .transform((value, context) => {
    if (value === '') return undefined;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value))) {
      context.addIssue({ code: 'custom', message: `"${value}" er ikke en dato på formen ÅÅÅÅ-MM-DD.` });
      return z.NEVER;
    }
    return value;
  })
  .optional();

/** The audit log's filters, from the page's query string or the API's. */
export const auditFilterQuery = z.object({
  entitet: optional,
  entitetId: optional,
  bruger: optional,
  handling: z
    .enum(['create', 'update', 'delete', ''], { message: 'Handling skal være create, update eller delete.' })
    .transform((value) => (value === '' ? undefined : value))
    .optional(),
  fra: dayStart,
  til: dayStart,
  side: z.coerce.number().int().min(1).default(1),
});
export type AuditFilterQuery = z.infer<typeof auditFilterQuery>;

export const auditEntryResponse = z
  .object({
    id: z.number().int(),
    occurredAt: z.string(),
    actorName: z.string(),
    actorOrganisationName: z.string().nullable(),
    action: z.enum(['create', 'update', 'delete']),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export function toAuditFilter(query: AuditFilterQuery): AuditFilter {
  return {
    entityType: query.entitet,
    entityId: query.entitetId,
    actor: query.bruger,
    action: query.handling,
    from: query.fra ? copenhagenMidnight(query.fra) : undefined,
    // "til" is inclusive: everything before the next Danish day begins
    to: query.til ? copenhagenMidnight(nextDay(query.til)) : undefined,
  };
}

