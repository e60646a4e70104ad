import { Hono } from 'hono';
import { AppError, notFound } from '../../domain/errors.ts';
import type { Actor } from '../../domain/actor.ts';
import type { Executor } from '../../db/database.ts';
import { errorsByField, type FormValues } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { findMunicipalityNames } from '../data-sets/data-sets.repository.ts';
import { listDataSets } from '../data-sets/data-sets.service.ts';
import { linkChoices } from '../base-grants/base-grants.service.ts';
import { allocationCsv, allocationXlsx } from './allocations.export.ts';
import { formErrors, formToInput, versionToForm } from './allocations.form.ts';
import { AllocationFormPage, PreviewRegion, type FormChoices, type Preview } from './allocations.form.views.tsx';
import { recipientChoices } from './allocations.recipients.ts';
import { createAllocation, createAllocationVersion, getVersion, getVersionView, listAllocations, previewAllocation } from './allocations.service.ts';
import { AllocationListPage, VersionPage, type LinkChoices } from './allocations.views.tsx';
import { fileName } from './spreadsheet.ts';

const LIST = '/oekonomi/fordelingsnoegler';

async function formChoices(db: Executor, actor: Actor, locale: 'da' | 'en'): Promise<FormChoices> {
  const [recipients, dataSets, municipalities] = await Promise.all([recipientChoices(db, locale), listDataSets(db, actor, { formats: ['folk1a', 'generic'] }), findMunicipalityNames(db)]);
  return { recipients, dataSets, municipalities: [...municipalities].sort((a, b) => a.name.localeCompare(b.name, 'da')) };
}

function versionNumber(c: AppContext): number {
  const value = Number(c.req.param('version'));
  if (!Number.isSafeInteger(value) || value < 1) throw notFound('Versionen', 'The version was not found.');
  return value;
}

/** Where the form saves: a new allocation, or a new version of an existing one (`then` of the preview). */
function saveTarget(value: unknown): { action: string; allocationId?: string } {
  const match = typeof value === 'string' ? /^\/oekonomi\/fordelingsnoegler\/([0-9a-f-]{36})\/versioner$/.exec(value) : null;
  return match ? { action: match[0], allocationId: match[1]! } : { action: LIST };
}

export function allocationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  async function renderForm(c: AppContext, actor: Actor, values: FormValues, target: { action: string; allocationId?: string }, extra: { errors?: Record<string, string>; preview?: Preview } = {}, status: 200 | 422 = 200) {
    const db = c.get('deps').database.db;
    const ctx = pageContext(c);
    const en = ctx.locale === 'en';
    const choices = await formChoices(db, actor, ctx.locale);
    if (target.allocationId) {
      const latest = await getVersion(db, actor, target.allocationId);
      const title = en ? `New version of ${latest.name}` : `Ny version af ${latest.name}`;
      const intro = en
        ? `Saving makes version ${latest.version + 1}. Version ${latest.version} and all earlier versions stay as they are.`
        : `Når du gemmer, bliver det version ${latest.version + 1}. Version ${latest.version} og alle tidligere versioner forbliver, som de er.`;
      const crumbs = [{ href: `${LIST}/${latest.allocationId}`, label: latest.name }, { label: en ? 'New version' : 'Ny version' }];
      return c.html(<AllocationFormPage ctx={ctx} choices={choices} values={values} action={target.action} title={title} crumbs={crumbs} intro={intro} {...extra} />, status);
    }
    const title = en ? 'New distribution key' : 'Ny fordelingsnøgle';
    return c.html(<AllocationFormPage ctx={ctx} choices={choices} values={values} action={LIST} title={title} crumbs={[{ label: title }]} {...extra} />, status);
  }

  app.get(LIST, async (c) => {
    const actor = requireActor(c);
    return c.html(<AllocationListPage ctx={pageContext(c)} allocations={await listAllocations(c.get('deps').database.db, actor)} />);
  });

  app.get(`${LIST}/ny`, async (c) => {
    const actor = requireActor(c, 'kkr', 'admin');
    return renderForm(c, actor, { unit: '1000 DKK', resolution: '1', method: 'largestRemainder' }, { action: LIST });
  });

  app.post(LIST, async (c) => {
    const actor = requireActor(c, 'kkr', 'admin');
    const body = await formBody(c);
    const converted = formToInput(body);
    try {
      const version = await c.get('deps').database.db.transaction().execute((tx) => createAllocation(tx, actor, converted.input));
      return c.redirect(`${LIST}/${version.allocationId}/versioner/${version.version}?besked=gemt`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return renderForm(c, actor, body, { action: LIST }, { errors: errorsByField(formErrors(converted, error.fields)) }, 422);
    }
  });

  // The preview: without JavaScript the whole form page comes back with the result under it; an htmx
  // request (a field changed) gets only the preview region, always 200 so htmx swaps it in.
  app.post(`${LIST}/forhaandsvisning`, async (c) => {
    const actor = requireActor(c, 'kkr', 'admin');
    const body = await formBody(c);
    const converted = formToInput(body);
    let preview: Preview;
    let errors: Record<string, string> | undefined;
    try {
      const computed = await previewAllocation(c.get('deps').database.db, actor, converted.input);
      preview = { result: computed.result, explanation: computed.explanation };
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      preview = { errors: error.fields.map((f) => f.message) };
      errors = errorsByField(formErrors(converted, error.fields));
    }
    if (c.req.header('hx-request') === 'true') return c.html(<PreviewRegion ctx={pageContext(c)} preview={preview} />);
    return renderForm(c, actor, body, saveTarget(body.then), errors ? { errors } : { preview }, errors ? 422 : 200);
  });

  async function versionPage(c: AppContext, version?: number) {
    const actor = requireActor(c);
    const db = c.get('deps').database.db;
    const ctx = pageContext(c);
    const view = await getVersionView(db, actor, c.req.param('id')!, version, ctx.locale);
    const link: LinkChoices = await linkChoices(db, c.get('deps').clock, view.version);
    return c.html(<VersionPage ctx={ctx} view={view} link={link} message={c.req.query('besked')} />);
  }

  app.get(`${LIST}/:id`, (c) => versionPage(c));
  app.get(`${LIST}/:id/versioner/:version`, (c) => versionPage(c, versionNumber(c)));

  app.get(`${LIST}/:id/versioner/:version/ny-version`, async (c) => {
    const actor = requireActor(c, 'kkr', 'admin');
    const version = await getVersion(c.get('deps').database.db, actor, c.req.param('id'), versionNumber(c));
    if (version.origin === 'published') throw new AppError('conflict', 'En udgivet, historisk tabel kan ikke få nye versioner.', { en: 'A published table cannot get new versions.' });
    return renderForm(c, actor, versionToForm(version), { action: `${LIST}/${version.allocationId}/versioner`, allocationId: version.allocationId });
  });

  app.post(`${LIST}/:id/versioner`, async (c) => {
    const actor = requireActor(c, 'kkr', 'admin');
    const allocationId = c.req.param('id');
    const body = await formBody(c);
    const converted = formToInput(body);
    const target = { action: `${LIST}/${allocationId}/versioner`, allocationId };
    try {
      const version = await c.get('deps').database.db.transaction().execute((tx) => createAllocationVersion(tx, actor, allocationId, converted.input));
      return c.redirect(`${LIST}/${version.allocationId}/versioner/${version.version}?besked=gemt`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return renderForm(c, actor, body, target, { errors: errorsByField(formErrors(converted, error.fields)) }, 422);
    }
  });

  app.get(`${LIST}/:id/versioner/:version/fordeling.csv`, async (c) => {
    const actor = requireActor(c);
    const view = await getVersionView(c.get('deps').database.db, actor, c.req.param('id'), versionNumber(c));
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileName(`${view.version.name}-version-${view.version.version}`, 'csv')}"`);
    return c.body(allocationCsv(view));
  });

  app.get(`${LIST}/:id/versioner/:version/fordeling.xlsx`, async (c) => {
    const actor = requireActor(c);
    const view = await getVersionView(c.get('deps').database.db, actor, c.req.param('id'), versionNumber(c));
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="${fileName(`${view.version.name}-version-${view.version.version}`, 'xlsx')}"`);
    return c.body(await allocationXlsx(view));
  });

  return app;
}
