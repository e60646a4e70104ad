import { z } from 'zod';
import { defineOperation } from '../../web/api/operation.ts';
import { dataSetResponse, dataSetWithValuesResponse, importRequest, importResultResponse } from './data-sets.schema.ts';
import { getDataSet, importDataSet, listDataSets, previewDataSetImport } from './data-sets.service.ts';

const idParams = z.object({ id: z.string().meta({ description: 'Datasættets id (uuid)' }) });

export const dataSetOperations = [
  defineOperation({
    method: 'get',
    path: '/data-sets',
    operationId: 'listDataSets',
    summary: 'Alle datasæt (tal pr. kommune), nyeste først',
    tag: 'Fordelingsnøgler',
    roles: [],
    response: z.object({ dataSets: z.array(dataSetResponse) }),
    handler: async (c, actor) => ({ dataSets: await listDataSets(c.get('deps').database.db, actor) }),
  }),
  defineOperation({
    method: 'get',
    path: '/data-sets/:id',
    operationId: 'getDataSet',
    summary: 'Ét datasæt med værdierne pr. kommune (præcise decimaltal som tekst)',
    tag: 'Fordelingsnøgler',
    roles: [],
    params: idParams,
    response: dataSetWithValuesResponse,
    handler: async (c, actor, { params }) => getDataSet(c.get('deps').database.db, actor, params.id),
  }),
  defineOperation({
    method: 'post',
    path: '/data-sets',
    operationId: 'importDataSet',
    summary: 'Importér en FOLK1A-CSV eller en CSV med kommunekode og værdi (dryRun: kun forhåndsvisning)',
    description:
      'All or nothing: a file with any error is refused (422, every error with its line). Idempotent: the same figures again return the existing data set with created=false.',
    tag: 'Fordelingsnøgler',
    roles: ['kkr', 'admin'],
    body: importRequest,
    response: importResultResponse,
    status: 201,
    handler: async (c, actor, { body }) => {
      const db = c.get('deps').database.db;
      const { content, dryRun, ...options } = body;
      if (dryRun) {
        const preview = await previewDataSetImport(db, actor, options, content);
        return { created: false, dataSet: null, preview };
      }
      return db.transaction().execute((tx) => importDataSet(tx, actor, options, content));
    },
  }),
];
