import { Hono } from 'hono';
import { hasRole } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { errorsByField, type FormValues } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { fieldErrors } from '../validation.ts';
import { getCompany } from '../companies/companies.service.ts';
import { activityFilterQuery, type Activity, type ActivityFilterQuery } from './activities.schema.ts';
import { ACTIVITY_PAGE_SIZE, activityOrganisations, createActivity, getActivity, listActivities, ownActivity, updateActivity } from './activities.service.ts';
import { ActivityFormPage } from './activities.form.views.tsx';
import { ActivityListPage, ActivityPage } from './activities.views.tsx';

const registrars = ['adviser', 'manager', 'admin'] as const;

const activityValues = (activity: Activity): FormValues => ({
  kind: activity.kind,
  activityDate: activity.activityDate,
  title: activity.title,
  companyIds: activity.companies.map((company) => company.id),
  participantCount: activity.participantCount === null ? '' : String(activity.participantCount),
  note: activity.note?.body ?? '',
  noteVisibility: activity.note?.visibility ?? 'internal',
});

/** Failed forms re-render with what was typed; anything but field errors is the error page's job. */
function fieldErrorsOf(error: unknown) {
  if (!(error instanceof AppError) || error.fields.length === 0) throw error;
  return errorsByField(error.fields);
}

export function activityRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/aktiviteter', async (c) => {
    const actor = requireActor(c);
    const db = c.get('deps').database.db;
    const parsed = activityFilterQuery.safeParse(c.req.query());
    // A filter that cannot be read is shown with its error, and the list is shown unfiltered.
    const filter: Partial<ActivityFilterQuery> & { side: number } = parsed.success ? parsed.data : { side: 1 };
    const errors = parsed.success ? {} : errorsByField(fieldErrors(parsed.error));
    const page = filter.side;
    const result = await listActivities(db, actor, { kind: filter.type, organisationId: filter.organisation, from: filter.fra, to: filter.til }, page);
    return c.html(
      <ActivityListPage
        ctx={pageContext(c)}
        activities={result.activities}
        total={result.total}
        participants={result.participants}
        page={page}
        pageSize={ACTIVITY_PAGE_SIZE}
        filter={parsed.success ? parsed.data : (c.req.query() as Record<string, string>)}
        organisations={await activityOrganisations(db, actor)}
        errors={errors}
        url={new URL(c.req.url)}
      />,
    );
  });

  const companyForm = async (c: AppContext, values: FormValues, errors?: Record<string, string>) => {
    const actor = requireActor(c, ...registrars);
    const { company } = await getCompany(c.get('deps').database.db, actor, c.req.param('id') ?? '');
    const back = { href: `/virksomheder/${company.id}`, label: company.name };
    return c.html(
      <ActivityFormPage ctx={pageContext(c)} companies={[company]} back={back} action={`/virksomheder/${company.id}/aktiviteter`} values={values} {...(errors ? { errors } : {})} />,
      errors ? 422 : 200,
    );
  };

  app.get('/virksomheder/:id/aktiviteter/ny', (c) => companyForm(c, { companyIds: [c.req.param('id')], noteVisibility: 'internal' }));

  app.post('/virksomheder/:id/aktiviteter', async (c) => {
    const actor = requireActor(c, ...registrars);
    const body = await formBody(c);
    try {
      const activity = await c.get('deps').database.db.transaction().execute((tx) => createActivity(tx, actor, body));
      return c.redirect(`/aktiviteter/${activity.id}?besked=oprettet`, 303);
    } catch (error) {
      return companyForm(c, body, fieldErrorsOf(error));
    }
  });

  app.get('/aktiviteter/:id', async (c) => {
    const actor = requireActor(c);
    const activity = await getActivity(c.get('deps').database.db, actor, c.req.param('id'));
    const texts: Record<string, [string, string]> = { oprettet: ['Aktiviteten er registreret.', 'The activity has been registered.'], gemt: ['Ændringerne er gemt.', 'The changes have been saved.'] };
    const notice = texts[c.req.query('besked') ?? '']?.[c.get('locale') === 'en' ? 1 : 0];
    const canChange = hasRole(actor, ...registrars) && activity.organisationId === actor.organisationId;
    return c.html(<ActivityPage ctx={pageContext(c)} activity={activity} canChange={canChange} notice={notice} />);
  });

  const editForm = async (c: AppContext, values: FormValues | null, errors?: Record<string, string>) => {
    const actor = requireActor(c, ...registrars);
    const activity = await ownActivity(c.get('deps').database.db, actor, c.req.param('id') ?? '');
    return c.html(
      <ActivityFormPage
        ctx={pageContext(c)}
        companies={activity.companies}
        back={{ href: `/aktiviteter/${activity.id}`, label: activity.title }}
        action={`/aktiviteter/${activity.id}`}
        activityId={activity.id}
        values={values ?? activityValues(activity)}
        {...(errors ? { errors } : {})}
      />,
      errors ? 422 : 200,
    );
  };

  app.get('/aktiviteter/:id/rediger', (c) => editForm(c, null));

  app.post('/aktiviteter/:id', async (c) => {
    const actor = requireActor(c, ...registrars);
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await c.get('deps').database.db.transaction().execute((tx) => updateActivity(tx, actor, id, body));
      return c.redirect(`/aktiviteter/${id}?besked=gemt`, 303);
    } catch (error) {
      return editForm(c, body, fieldErrorsOf(error));
    }
  });

  return app;
}
