// Forløb → Statistik (/forloeb/statistik) and its Excel download. Thin: the service checks the role and
// the region (a user sees the hubs of their own region only) and computes the figures.
import { Hono } from 'hono';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { getCourseStatistics } from './course-stats.service.ts';
import { courseStatsFileName, courseStatsWorkbook } from './course-stats.spreadsheet.ts';
import { CourseStatsPage } from './course-stats.views.tsx';

/** The page's Danish filter names (?erhvervshus=&aar=) in the service's words. */
const statisticsFor = (c: AppContext) =>
  getCourseStatistics(c.get('deps').database.db, requireActor(c), { hub: c.req.query('erhvervshus'), year: c.req.query('aar') }, c.get('deps').clock.now());

export function courseStatsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/forloeb/statistik', async (c) => {
    const statistics = await statisticsFor(c);
    return c.html(<CourseStatsPage ctx={pageContext(c)} statistics={statistics} thisYear={c.get('deps').clock.now().getFullYear()} />);
  });

  app.get('/forloeb/statistik.xlsx', async (c) => {
    const statistics = await statisticsFor(c);
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="${courseStatsFileName(statistics)}"`);
    return c.body(await courseStatsWorkbook(statistics));
  });

  return app;
}
