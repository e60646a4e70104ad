import { Hono } from 'hono';
import type { JobStatus } from '../../db/schema.ts';
import { pageContext, type AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { jobStatuses, listJobs, listSchedules, retryFailedJob } from './jobs.service.ts';
import { JobsPage } from './jobs.views.tsx';

const PAGE_SIZE = 50;

export function jobsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/job', async (c) => {
    const actor = requireActor(c, 'admin');
    const db = c.get('deps').database.db;
    const status = (jobStatuses as readonly string[]).includes(c.req.query('status') ?? '') ? (c.req.query('status') as JobStatus) : undefined;
    const type = c.req.query('type') || undefined;
    const page = Math.max(1, Number.parseInt(c.req.query('side') ?? '1', 10) || 1);
    const [list, schedules] = await Promise.all([listJobs(db, actor, { status, type }, { page, pageSize: PAGE_SIZE }), listSchedules(db, actor)]);
    const notice = c.req.query('besked') === 'igen' ? (c.get('locale') === 'en' ? 'The job will run again.' : 'Jobbet køres igen.') : undefined;
    return c.html(<JobsPage ctx={pageContext(c)} list={list} schedules={schedules} filter={{ status, type }} url={new URL(c.req.url)} notice={notice} />);
  });

  app.post('/admin/job/:id/igen', async (c) => {
    const actor = requireActor(c, 'admin');
    const { database, clock } = c.get('deps');
    const id = Number.parseInt(c.req.param('id'), 10);
    await database.db.transaction().execute((tx) => retryFailedJob(tx, actor, Number.isSafeInteger(id) ? id : -1, clock));
    return c.redirect('/admin/job?besked=igen', 303);
  });

  return app;
}
