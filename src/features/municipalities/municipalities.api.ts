import { z } from 'zod';
import { defineOperation } from '../../web/api/operation.ts';
import { municipalityQuery, municipalityResponse } from './municipalities.schema.ts';
import { listMunicipalities } from './municipalities.service.ts';

export const municipalityOperations = [
  defineOperation({
    method: 'get',
    path: '/municipalities',
    operationId: 'listMunicipalities',
    summary: 'De 98 kommuner med region og erhvervshus (filtrér med ?region=1081)',
    tag: 'Referencedata',
    roles: [],
    query: municipalityQuery,
    response: z.object({ municipalities: z.array(municipalityResponse) }),
    handler: async (c, actor, { query }) => ({
      municipalities: await listMunicipalities(c.get('deps').database.db, actor, { regionCode: query.region }),
    }),
  }),
];
