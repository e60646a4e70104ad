import { z } from 'zod';
import { defineOperation } from '../../web/api/operation.ts';
import { organisationInput, organisationResponse } from './organisations.schema.ts';
import { createOrganisation, getOrganisation, listOrganisations } from './organisations.service.ts';

const idParams = z.object({ id: z.string().meta({ description: 'Organisationens id (uuid)' }) });

export const organisationOperations = [
  defineOperation({
    method: 'get',
    path: '/organisations',
    operationId: 'listOrganisations',
    summary: 'Alle organisationer: erhvervshuse, lokale erhvervskontorer, KKR-sekretariater og eksterne',
    tag: 'Organisationer',
    roles: [],
    response: z.object({ organisations: z.array(organisationResponse) }),
    handler: async (c, actor) => ({ organisations: await listOrganisations(c.get('deps').database.db, actor) }),
  }),
  defineOperation({
    method: 'get',
    path: '/organisations/:id',
    operationId: 'getOrganisation',
    summary: 'Én organisation',
    tag: 'Organisationer',
    roles: [],
    params: idParams,
    response: organisationResponse,
    handler: async (c, actor, { params }) => getOrganisation(c.get('deps').database.db, actor, params.id),
  }),
  defineOperation({
    method: 'post',
    path: '/organisations',
    operationId: 'createOrganisation',
    summary: 'Opret en organisation',
    tag: 'Organisationer',
    roles: ['admin'],
    body: organisationInput,
    response: organisationResponse,
    status: 201,
    // The service validates again with the same schema; the raw body keeps its messages field-true.
    handler: async (c, actor) => {
      const body = await c.req.json();
      return c.get('deps').database.db.transaction().execute((tx) => createOrganisation(tx, actor, body));
    },
  }),
];
