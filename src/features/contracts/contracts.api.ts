// /api/v1/contracts: the result contracts of your region, one contract's document (the JSON form of
// docs/formats.md), its live evaluation (as `knudepunkt contract evaluate --json`), the issued report
// versions and one frozen report. Reading only; the same services and region rule as the pages.
import { z } from 'zod';
import { defineOperation } from '../../web/api/operation.ts';
import { getIssuedReport, listReportVersions } from './contract-report.service.ts';
import { contractEvaluationJson, contractEvaluationResponse } from './contracts.schema.ts';
import { evaluateStoredContract, getContract, listContracts } from './contracts.service.ts';

const idParams = z.object({ id: z.string().meta({ description: 'uuid or slug, e.g. "nordjylland-2023"' }) });
const versionParams = idParams.extend({ version: z.coerce.number().int().positive() });

const contractSummary = z.object({ id: z.string(), slug: z.string(), hub: z.string(), kkr: z.string(), year: z.number().int(), status: z.string(), title: z.string() });
const reportVersion = z.object({ version: z.number().int(), issuedAt: z.string(), issuedBy: z.string(), note: z.string().nullable() });

export const contractOperations = [
  defineOperation({
    method: 'get',
    path: '/contracts',
    operationId: 'listContracts',
    summary: 'Resultatkontrakterne i din region',
    tag: 'Resultatkontrakter',
    roles: [],
    response: z.object({ contracts: z.array(contractSummary) }),
    handler: async (c, actor) => ({
      contracts: (await listContracts(c.get('deps').database.db, actor)).map((k) => ({
        id: k.id,
        slug: k.slug,
        hub: k.hub_name,
        kkr: k.kkr_name,
        year: k.year,
        status: k.status,
        title: String((k.document as { title?: unknown }).title ?? k.slug),
      })),
    }),
  }),
  defineOperation({
    method: 'get',
    path: '/contracts/:id',
    operationId: 'getContract',
    summary: 'En resultatkontrakt: parter, mål, målepunkter, opfyldelsesregler, indsatser og eksterne tal',
    description: 'Dokumentet i kontraktens JSON-form (docs/formats.md, "Resultatkontrakter"); tærskler som eksakte decimaltal ("47,5").',
    tag: 'Resultatkontrakter',
    roles: [],
    params: idParams,
    response: z.object({ id: z.string(), revision: z.number().int(), document: z.record(z.string(), z.unknown()) }),
    handler: async (c, actor, { params }) => {
      const stored = await getContract(c.get('deps').database.db, actor, params.id);
      return { id: stored.row.id, revision: stored.row.revision, document: stored.document as unknown as Record<string, unknown> };
    },
  }),
  defineOperation({
    method: 'get',
    path: '/contracts/:id/evaluation',
    operationId: 'evaluateContract',
    summary: 'Kontraktens mål beregnet nu: værdi, n, 95 %-interval, opfyldelse og status pr. mål',
    tag: 'Resultatkontrakter',
    roles: [],
    params: idParams,
    response: contractEvaluationResponse,
    handler: async (c, actor, { params }) => {
      const { database, clock } = c.get('deps');
      return contractEvaluationJson(await evaluateStoredContract(database.db, await getContract(database.db, actor, params.id), clock));
    },
  }),
  defineOperation({
    method: 'get',
    path: '/contracts/:id/reports',
    operationId: 'listContractReports',
    summary: 'De udstedte versioner af kontraktens afrapportering',
    tag: 'Resultatkontrakter',
    roles: [],
    params: idParams,
    response: z.object({ versions: z.array(reportVersion) }),
    handler: async (c, actor, { params }) => {
      const db = c.get('deps').database.db;
      const versions = await listReportVersions(db, await getContract(db, actor, params.id));
      return { versions: versions.map((v) => ({ version: v.version, issuedAt: v.issuedAt.toISOString(), issuedBy: v.issuedByName, note: v.note })) };
    },
  }),
  defineOperation({
    method: 'get',
    path: '/contracts/:id/reports/:version',
    operationId: 'getContractReport',
    summary: 'En udstedt afrapportering med de låste tal og forskellene fra versionen før',
    tag: 'Resultatkontrakter',
    roles: [],
    params: versionParams,
    response: z.object({ version: z.number().int(), issuedAt: z.string(), issuedBy: z.string(), note: z.string().nullable(), report: z.record(z.string(), z.unknown()), differences: z.array(z.object({ where: z.string(), field: z.string(), before: z.string().nullable(), after: z.string().nullable() })) }),
    handler: async (c, actor, { params }) => {
      const db = c.get('deps').database.db;
      const issued = await getIssuedReport(db, await getContract(db, actor, params.id), params.version);
      return { version: issued.version, issuedAt: issued.issuedAt.toISOString(), issuedBy: issued.issuedByName, note: issued.note, report: issued.report as unknown as Record<string, unknown>, differences: issued.differences };
    },
  }),
];
