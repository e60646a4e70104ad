import { Hono } from 'hono';
import { pageContext, type AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { municipalityQuery } from './municipalities.schema.ts';
import { listMunicipalities, listRegions } from './municipalities.service.ts';
import { MunicipalityListPage } from './municipalities.views.tsx';

export function municipalityRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/admin/kommuner', async (c) => {
    const actor = requireActor(c, 'admin');
    const db = c.get('deps').database.db;
    const query = municipalityQuery.safeParse({ region: c.req.query('region') || undefined });
    const regionCode = query.success ? query.data.region : undefined;
    const [municipalities, regions] = await Promise.all([listMunicipalities(db, actor, { regionCode }), listRegions(db, actor)]);
    return c.html(<MunicipalityListPage ctx={pageContext(c)} municipalities={municipalities} regions={regions} regionCode={regionCode} />);
  });
  return app;
}
