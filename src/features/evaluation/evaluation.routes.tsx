// Evaluering (/evaluering): the metrics explorer, its Excel download, and the drill-down to the
// responses behind a metric (/evaluering/besvarelser). Thin: the service checks the role, the region,
// the suppression of small figures and who may see raw answers. The page's filters have Danish names
// (?erhvervshus=&aar=&segment=&kommune=&kilde=&tema=&maal=&side=), mapped to the service's here.
import { Hono } from 'hono';
import { hasRole } from '../../domain/actor.ts';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { getEvaluationOverview, listEvaluationResponses } from './evaluation.service.ts';
import { evaluationFileName, evaluationWorkbook } from './evaluation.spreadsheet.ts';
import { EvaluationPage, EvaluationResponsesPage } from './evaluation.views.tsx';
import { responseImporters } from './response-import.service.ts';

const filterQuery = (c: AppContext) => ({
  hub: c.req.query('erhvervshus'),
  year: c.req.query('aar'),
  segment: c.req.query('segment'),
  municipality: c.req.query('kommune'),
  source: c.req.query('kilde'),
  theme: c.req.query('tema'),
});

export function evaluationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/evaluering', async (c) => {
    const actor = requireActor(c);
    const overview = await getEvaluationOverview(c.get('deps').database.db, actor, filterQuery(c));
    return c.html(<EvaluationPage ctx={pageContext(c)} overview={overview} mayImport={hasRole(actor, 'admin') || (hasRole(actor, ...responseImporters) && actor.organisationKind === 'hub')} />);
  });

  app.get('/evaluering.xlsx', async (c) => {
    const overview = await getEvaluationOverview(c.get('deps').database.db, requireActor(c), filterQuery(c));
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="${evaluationFileName(overview)}"`);
    return c.body(await evaluationWorkbook(overview));
  });

  app.get('/evaluering/besvarelser', async (c) => {
    const drill = await listEvaluationResponses(c.get('deps').database.db, requireActor(c), { ...filterQuery(c), metric: c.req.query('maal'), page: c.req.query('side') });
    return c.html(<EvaluationResponsesPage ctx={pageContext(c)} drill={drill} url={new URL(c.req.url)} />);
  });

  return app;
}
