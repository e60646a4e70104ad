import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { fieldErrors } from '../validation.ts';
import { auditFilterQuery, toAuditFilter } from './audit.schema.ts';
import { exportAuditCsv, listAuditLog } from './audit.service.ts';
import { AuditLogPage } from './audit.views.tsx';

const PAGE_SIZE = 50;
function parseQuery(c: AppContext) {
  const raw = c.req.query();
  const parsed = auditFilterQuery.safeParse(raw);
  return parsed.success
    ? { query: parsed.data, raw, errors: {} }
    : { query: auditFilterQuery.parse({ side: raw.side }), raw, errors: errorsByField(fieldErrors(parsed.error)) };
}

export function auditRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/revisionslog', async (c) => {
    const actor = requireActor(c, 'admin');
    const { query, raw, errors } = parseQuery(c);
    const result = await listAuditLog(c.get('deps').database.db, actor, toAuditFilter(query), { page: query.side, pageSize: PAGE_SIZE });
    return c.html(
      <AuditLogPage
        ctx={pageContext(c)}
        entries={result.entries}
        total={result.total}
        page={query.side}
        pageSize={PAGE_SIZE}
        entityTypes={result.entityTypes}
        query={raw}
        url={new URL(c.req.url)}
        errors={errors}
      />,
    );
  });

  app.get('/admin/revisionslog.csv', async (c) => {
    const actor = requireActor(c, 'admin');
    const { query } = parseQuery(c);
    const lines = exportAuditCsv(c.get('deps').database.db, actor, toAuditFilter(query));
    // Pull the first line before streaming so an authorization error becomes a normal error page.
    const first = await lines.next();
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="revisionslog-${new Date().toISOString().slice(0, 10)}.csv"`);
    return stream(c, async (out) => {
      if (!first.done) await out.write(first.value);
      for await (const line of lines) await out.write(line);
    });
  });

  return app;
}
