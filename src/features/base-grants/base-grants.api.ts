import { z } from 'zod';
import { defineOperation } from '../../web/api/operation.ts';
import { baseGrantInput, baseGrantResponse } from './base-grants.schema.ts';
import { getBaseGrant, linkBaseGrant, listBaseGrants } from './base-grants.service.ts';

const idParams = z.object({ id: z.string().meta({ description: 'Basisbevillingens id (uuid)' }) });

export const baseGrantOperations = [
  defineOperation({
    method: 'get',
    path: '/base-grants',
    operationId: 'listBaseGrants',
    summary: 'Basisbevillinger pr. erhvervshus og år (uden linjer)',
    tag: 'Fordelingsnøgler',
    roles: [],
    response: z.object({ baseGrants: z.array(baseGrantResponse.omit({ lines: true })) }),
    handler: async (c, actor) => ({ baseGrants: await listBaseGrants(c.get('deps').database.db, actor) }),
  }),
  defineOperation({
    method: 'get',
    path: '/base-grants/:id',
    operationId: 'getBaseGrant',
    summary: 'En basisbevilling med fakturalisten pr. kommune',
    description: 'The invoice list as a file, with the same token: GET /oekonomi/basisbevillinger/{id}/fakturaliste.xlsx or fakturaliste.csv.',
    tag: 'Fordelingsnøgler',
    roles: [],
    params: idParams,
    response: baseGrantResponse,
    handler: async (c, actor, { params }) => getBaseGrant(c.get('deps').database.db, actor, params.id),
  }),
  defineOperation({
    method: 'post',
    path: '/base-grants',
    operationId: 'linkBaseGrant',
    summary: 'Brug en version af en fordelingsnøgle som basisbevilling for et erhvervshus og et år (låser versionen)',
    tag: 'Fordelingsnøgler',
    roles: ['kkr', 'admin'],
    body: baseGrantInput,
    response: baseGrantResponse,
    status: 201,
    handler: async (c, actor) => {
      const body = await c.req.json();
      const { database, clock } = c.get('deps');
      return database.db.transaction().execute((tx) => linkBaseGrant(tx, clock, actor, body));
    },
  }),
];
