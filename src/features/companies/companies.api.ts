import { z } from 'zod';
import { defineOperation } from '../../web/api/operation.ts';
import { companyInput, companyResponse, companySearchQuery } from './companies.schema.ts';
import { createCompany, getCompany, searchCompanies, updateCompany } from './companies.service.ts';

const idParams = z.object({ id: z.string().meta({ description: 'Virksomhedens id (uuid)' }) });

export const companyOperations = [
  defineOperation({
    method: 'get',
    path: '/companies',
    operationId: 'searchCompanies',
    summary: 'Søg virksomheder i din region: navn (præfiks og stavefejl) eller CVR-nummer; et fuldt CVR-nummer søger i hele landet',
    tag: 'Virksomheder',
    roles: [],
    query: companySearchQuery,
    response: z.object({
      total: z.number().int().meta({ description: 'Antal virksomheder, der matcher – præcist op til 1.000 ud over den viste side.' }),
      totalCapped: z.boolean().meta({ description: 'true når der er flere end `total`: tællingen stopper ved loftet.' }),
      page: z.number().int(), pageSize: z.number().int(), companies: z.array(companyResponse) }),
    handler: async (c, actor, { query }) => {
      const result = await searchCompanies(c.get('deps').database.db, actor, query);
      return { total: result.total, totalCapped: result.totalCapped, page: result.page, pageSize: result.pageSize, companies: result.companies };
    },
  }),
  defineOperation({
    method: 'get',
    path: '/companies/:id',
    operationId: 'getCompany',
    summary: 'Én virksomhed med produktionsenheder',
    tag: 'Virksomheder',
    roles: [],
    params: idParams,
    response: companyResponse.extend({ productionUnits: z.array(z.object({ pNumber: z.string(), active: z.boolean() })) }),
    handler: async (c, actor, { params }) => {
      const { company, productionUnits } = await getCompany(c.get('deps').database.db, actor, params.id);
      return { ...company, productionUnits: productionUnits.map((unit) => ({ pNumber: unit.p_number, active: unit.active })) };
    },
  }),
  defineOperation({
    method: 'post',
    path: '/companies',
    operationId: 'createCompany',
    summary: 'Registrér en virksomhed (uden CVR-nummer for en før-starter)',
    tag: 'Virksomheder',
    roles: ['adviser', 'manager', 'admin'],
    body: companyInput,
    response: companyResponse,
    status: 201,
    handler: async (c, actor) => {
      const body = await c.req.json();
      return c.get('deps').database.db.transaction().execute((tx) => createCompany(tx, actor, body));
    },
  }),
  defineOperation({
    method: 'put',
    path: '/companies/:id',
    operationId: 'updateCompany',
    summary: 'Ret en virksomhed i din region',
    tag: 'Virksomheder',
    roles: ['adviser', 'manager', 'admin'],
    params: idParams,
    body: companyInput,
    response: companyResponse,
    handler: async (c, actor, { params }) => {
      const body = await c.req.json();
      return c.get('deps').database.db.transaction().execute((tx) => updateCompany(tx, actor, params.id, body));
    },
  }),
];
