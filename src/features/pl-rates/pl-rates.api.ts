import { z } from 'zod';
import { defineOperation } from '../../web/api/operation.ts';
import { plRateInput, plRateResponse } from './pl-rates.schema.ts';
import { createPlRate, listPlRates } from './pl-rates.service.ts';

export const plRateOperations = [
  defineOperation({
    method: 'get',
    path: '/pl-rates',
    operationId: 'listPlRates',
    summary: 'KL’s pris- og lønsatser (PL); den nyeste udgivelse for et år og en kategori er gældende',
    tag: 'Fordelingsnøgler',
    roles: [],
    response: z.object({ plRates: z.array(plRateResponse) }),
    handler: async (c, actor) => ({ plRates: await listPlRates(c.get('deps').database.db, actor) }),
  }),
  defineOperation({
    method: 'post',
    path: '/pl-rates',
    operationId: 'createPlRate',
    summary: 'Tilføj en PL-sats eller en revision (ny udgivelsesdato)',
    tag: 'Fordelingsnøgler',
    roles: ['kkr', 'admin'],
    body: plRateInput,
    response: plRateResponse,
    status: 201,
    handler: async (c, actor) => {
      const body = await c.req.json();
      return c.get('deps').database.db.transaction().execute((tx) => createPlRate(tx, actor, body));
    },
  }),
];
