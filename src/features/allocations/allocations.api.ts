import { z } from 'zod';
import type { AppContext } from '../../web/context.ts';
import { defineOperation } from '../../web/api/operation.ts';
import type { UserActor } from '../../domain/actor.ts';
import { toResultResponse } from './allocations.compute.ts';
import { allocationRequest, allocationResultResponse, allocationSummaryResponse, allocationVersionResponse } from './allocations.schema.ts';
import { createAllocation, createAllocationVersion, getVersionView, listAllocations, versionSnapshot } from './allocations.service.ts';

const versionWithResult = z
  .object({
    version: allocationVersionResponse,
    result: allocationResultResponse,
    versions: z.array(z.object({ version: z.number().int(), total: z.string(), lockedAt: z.string().nullable(), createdAt: z.string(), createdBy: z.string() })),
  })
  .meta({ id: 'AllocationVersionWithResult' });

const idParams = z.object({ id: z.string().meta({ description: 'Fordelingens id (uuid)' }) });
const versionParams = idParams.extend({
  version: z.coerce.number({ message: 'Versionen skal være et tal.' }).int('Versionen skal være et helt tal.').min(1, 'Versionen starter ved 1.').meta({ description: 'Versionsnummer (1, 2, …)' }),
});

async function present(c: AppContext, actor: UserActor, allocationId: string, version?: number) {
  const view = await getVersionView(c.get('deps').database.db, actor, allocationId, version, 'da');
  return {
    version: { ...versionSnapshot(view.version), recipientsLabel: view.recipientsLabel },
    result: toResultResponse(view.result),
    versions: view.versions.map((v) => ({
      version: v.version,
      total: v.total,
      lockedAt: v.locked_at ? v.locked_at.toISOString() : null,
      createdAt: v.created_at.toISOString(),
      createdBy: v.created_by_name,
    })),
  };
}

export const allocationOperations = [
  defineOperation({
    method: 'get',
    path: '/allocations',
    operationId: 'listAllocations',
    summary: 'Alle fordelingsnøgler med deres nyeste version',
    tag: 'Fordelingsnøgler',
    roles: [],
    response: z.object({ allocations: z.array(allocationSummaryResponse) }),
    handler: async (c, actor) => ({ allocations: await listAllocations(c.get('deps').database.db, actor) }),
  }),
  defineOperation({
    method: 'get',
    path: '/allocations/:id',
    operationId: 'getAllocation',
    summary: 'Den nyeste version af en fordelingsnøgle med det beregnede resultat',
    tag: 'Fordelingsnøgler',
    roles: [],
    params: idParams,
    response: versionWithResult,
    handler: (c, actor, { params }) => present(c, actor, params.id),
  }),
  defineOperation({
    method: 'get',
    path: '/allocations/:id/versions/:version',
    operationId: 'getAllocationVersion',
    summary: 'En bestemt version med det beregnede resultat (andel, præcist beløb, tildelt, regnearkets afrunding)',
    description:
      'The same result as files, with the same token: GET /oekonomi/fordelingsnoegler/{id}/versioner/{version}/fordeling.csv or fordeling.xlsx (columns in docs/formats.md).',
    tag: 'Fordelingsnøgler',
    roles: [],
    params: versionParams,
    response: versionWithResult,
    handler: (c, actor, { params }) => present(c, actor, params.id, params.version),
  }),
  defineOperation({
    method: 'post',
    path: '/allocations',
    operationId: 'createAllocation',
    summary: 'Opret en fordelingsnøgle (version 1)',
    description: 'Numbers as decimal strings ("17645", "0.01") or fractions ("1/3"); criterion weights are fractions of 1 and sum to 1.',
    tag: 'Fordelingsnøgler',
    roles: ['kkr', 'admin'],
    body: allocationRequest,
    response: versionWithResult,
    status: 201,
    // The service validates the raw body with the full schema (Danish messages naming each field).
    handler: async (c, actor) => {
      const body = await c.req.json();
      const version = await c.get('deps').database.db.transaction().execute((tx) => createAllocation(tx, actor, body));
      return present(c, actor, version.allocationId, version.version);
    },
  }),
  defineOperation({
    method: 'post',
    path: '/allocations/:id/versions',
    operationId: 'createAllocationVersion',
    summary: 'Ændr en fordelingsnøgle: gemmes altid som en ny version; de tidligere forbliver uændrede',
    tag: 'Fordelingsnøgler',
    roles: ['kkr', 'admin'],
    params: idParams,
    body: allocationRequest,
    response: versionWithResult,
    status: 201,
    handler: async (c, actor, { params }) => {
      const body = await c.req.json();
      const version = await c.get('deps').database.db.transaction().execute((tx) => createAllocationVersion(tx, actor, params.id, body));
      return present(c, actor, version.allocationId, version.version);
    },
  }),
];
