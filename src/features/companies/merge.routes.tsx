import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { isUuid } from '../validation.ts';
import { getCompany, searchCompanies } from './companies.service.ts';
import { mergeCompanies, mergedTarget } from './merge.service.ts';
import { MergePage } from './merge.views.tsx';

async function renderMerge(c: AppContext, id: string, q: string, errors?: Record<string, string>) {
  const actor = requireActor(c, 'manager', 'admin');
  const db = c.get('deps').database.db;
  const { company } = await getCompany(db, actor, id);
  const candidates = q ? (await searchCompanies(db, actor, { q })).companies.filter((candidate) => candidate.id !== company.id) : [];
  return c.html(<MergePage ctx={pageContext(c)} company={company} q={q} candidates={candidates} {...(errors ? { errors } : {})} />, errors ? 422 : 200);
}

export function mergeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  // A merged duplicate's page (and its sub-pages) lead to the company that kept its history.
  app.use('/virksomheder/:id/*', async (c, next) => {
    const id = c.req.param('id') ?? '';
    if (c.req.method === 'GET' && isUuid(id)) {
      const target = await mergedTarget(c.get('deps').database.db, id);
      if (target) return c.redirect(new URL(c.req.url).pathname.replace(id, target), 301);
    }
    return next();
  });
  app.use('/virksomheder/:id', async (c, next) => {
    const id = c.req.param('id') ?? '';
    if (c.req.method === 'GET' && isUuid(id)) {
      const target = await mergedTarget(c.get('deps').database.db, id);
      if (target) return c.redirect(`/virksomheder/${target}`, 301);
    }
    return next();
  });

  app.get('/virksomheder/:id/flet', (c) => renderMerge(c, c.req.param('id'), (c.req.query('q') ?? '').trim()));

  app.post('/virksomheder/:id/flet', async (c) => {
    const actor = requireActor(c, 'manager', 'admin');
    const id = c.req.param('id');
    const body = await formBody(c);
    const duplicateId = typeof body.duplicateId === 'string' ? body.duplicateId : '';
    try {
      await c.get('deps').database.db.transaction().execute((tx) => mergeCompanies(tx, actor, id, duplicateId));
      return c.redirect(`/virksomheder/${id}?besked=flettet`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return renderMerge(c, id, '', errorsByField(error.fields));
    }
  });

  return app;
}
