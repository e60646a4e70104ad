// GET /api/v1/course-stats?hub=…&year=…: the figures of `knudepunkt courses stats` for the data in the
// database (02-crm.md), plus courses per theme and per month. Hubs of the caller's own region only.
import { defineOperation } from '../../web/api/operation.ts';
import { courseStatsQuery, courseStatsResponse } from './course-stats.schema.ts';
import { courseStatsFigures, getCourseStatistics } from './course-stats.service.ts';

export const courseStatsOperations = [
  defineOperation({
    method: 'get',
    path: '/course-stats',
    operationId: 'getCourseStats',
    summary: 'Forløbsstatistik for et erhvervshus og et år (unikke og nye virksomheder, forløb pr. kategori, kommune, tematik og måned)',
    description:
      'Årstælling efter 02-crm.md: et forløb tæller i hvert år med et registreret møde, ellers i startåret. Kun erhvervshuse i din egen region; standard er dit eget erhvervshus og indeværende år.',
    tag: 'Forløb',
    roles: [],
    query: courseStatsQuery,
    response: courseStatsResponse,
    handler: async (c, actor, { query }) =>
      courseStatsFigures(await getCourseStatistics(c.get('deps').database.db, actor, { hub: query.hub, year: query.year === undefined ? undefined : String(query.year) }, c.get('deps').clock.now())),
  }),
];
