import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { findVersionById } from '../allocations/allocations.repository.ts';
import { getVersionView } from '../allocations/allocations.service.ts';
import { VersionPage } from '../allocations/allocations.views.tsx';
import { fileName } from '../allocations/spreadsheet.ts';
import { invoiceCsv, invoiceTitle, invoiceXlsx } from './base-grants.export.ts';
import { importPublishedBaseGrants } from './base-grants.published.ts';
import { deviationOf, getBaseGrant, linkBaseGrant, linkChoices, listBaseGrants } from './base-grants.service.ts';
import { BaseGrantListPage, BaseGrantPage } from './base-grants.views.tsx';

const LIST = '/oekonomi/basisbevillinger';

export function baseGrantRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(LIST, async (c) => {
    const actor = requireActor(c);
    const db = c.get('deps').database.db;
    const summaries = await listBaseGrants(db, actor);
    const grants = await Promise.all(summaries.map(async (s) => ({ ...s, deviation: deviationOf(await getBaseGrant(db, actor, s.id)) })));
    const imported = c.req.query('indlaest');
    const skipped = c.req.query('sprunget');
    const en = c.get('locale') === 'en';
    const message =
      imported !== undefined
        ? en
          ? `${imported} published tables were imported; ${skipped ?? 0} were already there.`
          : `${imported} udgivne tabeller er indlæst; ${skipped ?? 0} var indlæst i forvejen.`
        : undefined;
    return c.html(<BaseGrantListPage ctx={pageContext(c)} grants={grants} message={message} />);
  });

  // From a version's page: use it as the base grant of a hub and year (locks the version).
  app.post(LIST, async (c) => {
    const actor = requireActor(c, 'kkr', 'admin');
    const { database, clock } = c.get('deps');
    const body = await formBody(c);
    try {
      const grant = await database.db.transaction().execute((tx) => linkBaseGrant(tx, clock, actor, body));
      return c.redirect(`${LIST}/${grant.id}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const version = typeof body.allocationVersionId === 'string' ? await findVersionById(database.db, body.allocationVersionId) : undefined;
      if (!version) throw error;
      const ctx = pageContext(c);
      const view = await getVersionView(database.db, actor, version.allocationId, version.version, ctx.locale);
      // The version id is a hidden field: its errors are shown at the hub field.
      const fields = error.fields.map((f) => (f.field === 'allocationVersionId' ? { ...f, field: 'businessHubId' } : f));
      const link = {
        ...(await linkChoices(database.db, clock, version)),
        values: { businessHubId: String(body.businessHubId ?? ''), year: String(body.year ?? '') },
        errors: errorsByField(fields),
      };
      return c.html(<VersionPage ctx={ctx} view={view} link={link} />, error.code === 'conflict' ? 409 : 422);
    }
  });

  app.post(`${LIST}/udgivne`, async (c) => {
    const actor = requireActor(c, 'kkr', 'admin');
    const { database, clock } = c.get('deps');
    const result = await database.db.transaction().execute((tx) => importPublishedBaseGrants(tx, clock, actor));
    return c.redirect(`${LIST}?indlaest=${result.imported.length}&sprunget=${result.skipped.length}`, 303);
  });

  app.get(`${LIST}/:id`, async (c) => {
    const actor = requireActor(c);
    const grant = await getBaseGrant(c.get('deps').database.db, actor, c.req.param('id'));
    return c.html(<BaseGrantPage ctx={pageContext(c)} grant={grant} deviation={deviationOf(grant)} />);
  });

  app.get(`${LIST}/:id/fakturaliste.xlsx`, async (c) => {
    const actor = requireActor(c);
    const grant = await getBaseGrant(c.get('deps').database.db, actor, c.req.param('id'));
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="${fileName(`fakturaliste-${invoiceTitle(grant)}`, 'xlsx')}"`);
    return c.body(await invoiceXlsx(grant));
  });

  app.get(`${LIST}/:id/fakturaliste.csv`, async (c) => {
    const actor = requireActor(c);
    const grant = await getBaseGrant(c.get('deps').database.db, actor, c.req.param('id'));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileName(`fakturaliste-${invoiceTitle(grant)}`, 'csv')}"`);
    return c.body(invoiceCsv(grant));
  });

  return app;
}
