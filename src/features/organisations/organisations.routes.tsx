import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { getServiceGoalHours } from '../referrals/referrals.service.ts';
import { createOrganisation, getOrganisation, listOrganisations, organisationChoices, updateOrganisation } from './organisations.service.ts';
import type { Organisation } from './organisations.schema.ts';
import { OrganisationFormPage, OrganisationListPage } from './organisations.views.tsx';

function formValues(organisation: Organisation) {
  return {
    name: organisation.name,
    kind: organisation.kind,
    businessHubId: organisation.businessHubId ?? '',
    municipalityCode: organisation.municipalityCode ?? '',
    kkrId: organisation.kkrId ?? '',
    email: organisation.email ?? '',
    website: organisation.website ?? '',
    active: organisation.active ? 'true' : '',
  };
}

export function organisationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/organisationer', async (c) => {
    const actor = requireActor(c, 'admin');
    const db = c.get('deps').database.db;
    const [organisations, choices] = await Promise.all([listOrganisations(db, actor), organisationChoices(db)]);
    return c.html(<OrganisationListPage ctx={pageContext(c)} organisations={organisations} choices={choices} />);
  });

  app.get('/admin/organisationer/ny', async (c) => {
    requireActor(c, 'admin');
    const choices = await organisationChoices(c.get('deps').database.db);
    return c.html(<OrganisationFormPage ctx={pageContext(c)} choices={choices} values={{}} />);
  });

  app.post('/admin/organisationer', async (c) => {
    const actor = requireActor(c, 'admin');
    const db = c.get('deps').database.db;
    const body = await formBody(c);
    try {
      await db.transaction().execute((tx) => createOrganisation(tx, actor, body));
      return c.redirect('/admin/organisationer', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return c.html(<OrganisationFormPage ctx={pageContext(c)} choices={await organisationChoices(db)} values={body} errors={errorsByField(error.fields)} />, 422);
    }
  });

  app.get('/admin/organisationer/:id', async (c) => {
    const actor = requireActor(c, 'admin');
    const db = c.get('deps').database.db;
    const organisation = await getOrganisation(db, actor, c.req.param('id'));
    const serviceGoal = { hours: await getServiceGoalHours(db, actor, organisation.id) };
    return c.html(<OrganisationFormPage ctx={pageContext(c)} choices={await organisationChoices(db)} organisation={organisation} values={formValues(organisation)} serviceGoal={serviceGoal} />);
  });

  app.post('/admin/organisationer/:id', async (c) => {
    const actor = requireActor(c, 'admin');
    const db = c.get('deps').database.db;
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await db.transaction().execute((tx) => updateOrganisation(tx, actor, id, body, body.active === 'true'));
      return c.redirect('/admin/organisationer', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const organisation = await getOrganisation(db, actor, id);
      return c.html(
        <OrganisationFormPage ctx={pageContext(c)} choices={await organisationChoices(db)} organisation={organisation} values={body} errors={errorsByField(error.fields)} />,
        422,
      );
    }
  });

  return app;
}
