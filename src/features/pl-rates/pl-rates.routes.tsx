import { Hono } from 'hono';
import { AppError, notFound } from '../../domain/errors.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { getVersion } from '../allocations/allocations.service.ts';
import { fileName } from '../allocations/spreadsheet.ts';
import { upliftCsv, upliftTitle, upliftXlsx } from './pl-rates.export.ts';
import { computeUplift, createPlRate, listPlRates } from './pl-rates.service.ts';
import { UpliftPage } from './pl-rates.uplift.views.tsx';
import { PlRatesPage } from './pl-rates.views.tsx';

const UPLIFT = '/oekonomi/fordelingsnoegler/:id/versioner/:version/pl-fremskrivning';
const FORM_FIELDS = ['rate', 'percent', 'rounding', 'mode', 'surplus', 'carriedForward'] as const;

function versionNumber(c: AppContext): number {
  const value = Number(c.req.param('version'));
  if (!Number.isSafeInteger(value) || value < 1) throw notFound('Versionen', 'The version was not found.');
  return value;
}

/** The uplift's own query string (for the export links), in a fixed order. */
function queryOf(c: AppContext): { values: Record<string, string>; text: string } {
  const values: Record<string, string> = {};
  for (const name of FORM_FIELDS) {
    const value = c.req.query(name);
    if (value !== undefined && value !== '') values[name] = value;
  }
  return { values, text: new URLSearchParams(values).toString() };
}

export function plRateRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/oekonomi/pl-satser', async (c) => {
    const actor = requireActor(c);
    return c.html(<PlRatesPage ctx={pageContext(c)} rates={await listPlRates(c.get('deps').database.db, actor)} message={c.req.query('besked')} />);
  });

  app.post('/oekonomi/pl-satser', async (c) => {
    const actor = requireActor(c, 'kkr', 'admin');
    const db = c.get('deps').database.db;
    const body = await formBody(c);
    // The form takes the Danish decimal comma; the schema reads a decimal point.
    const input = { ...body, percent: typeof body.percent === 'string' ? body.percent.trim().replace(',', '.') : body.percent };
    try {
      await db.transaction().execute((tx) => createPlRate(tx, actor, input));
      return c.redirect('/oekonomi/pl-satser?besked=gemt', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return c.html(<PlRatesPage ctx={pageContext(c)} rates={await listPlRates(db, actor)} values={body} errors={errorsByField(error.fields)} />, 422);
    }
  });

  app.get(UPLIFT, async (c) => {
    const actor = requireActor(c);
    const db = c.get('deps').database.db;
    const version = await getVersion(db, actor, c.req.param('id'), versionNumber(c));
    const { values, text } = queryOf(c);
    const rates = await listPlRates(db, actor);
    const ctx = pageContext(c);
    // The first visit shows the form only; a submitted form (rate or percent) is calculated.
    if (values.rate === undefined && values.percent === undefined && c.req.query('rate') === undefined) {
      return c.html(<UpliftPage ctx={ctx} version={version} rates={rates} values={values} query={text} />);
    }
    try {
      const uplift = await computeUplift(db, actor, version.allocationId, version.version, values);
      return c.html(<UpliftPage ctx={ctx} version={version} rates={rates} values={values} uplift={uplift} query={text} />);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return c.html(<UpliftPage ctx={ctx} version={version} rates={rates} values={values} errors={errorsByField(error.fields)} query={text} />, 422);
    }
  });

  for (const extension of ['csv', 'xlsx'] as const) {
    app.get(`${UPLIFT}.${extension}`, async (c) => {
      const actor = requireActor(c);
      const uplift = await computeUplift(c.get('deps').database.db, actor, c.req.param('id'), versionNumber(c), queryOf(c).values);
      const name = fileName(upliftTitle(uplift), extension);
      c.header('Content-Disposition', `attachment; filename="${name}"`);
      if (extension === 'csv') {
        c.header('Content-Type', 'text/csv; charset=utf-8');
        return c.body(upliftCsv(uplift));
      }
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      return c.body(await upliftXlsx(uplift));
    });
  }

  return app;
}
