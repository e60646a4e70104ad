// Evaluering → Invitationer (/evaluering/invitationer): the hub's settings for the own evaluation's
// invitations, its exclusions and how its invitations stand. Thin: the service checks that the user
// is the hub's manager (or an admin of the region) and audits every change.
import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField, type FormErrors, type FormValues } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { excludeCompany, getInvitationAdmin, includeCompanyAgain, invitationAdmins, registerOptOut, updateInvitationSettings } from './invitations.service.ts';
import { InvitationAdminPage } from './invitations.views.tsx';

const basePath = '/evaluering/invitationer';
const notices: Record<string, [string, string]> = {
  indstillinger: ['Indstillingerne er gemt.', 'The settings have been saved.'],
  undtaget: ['Virksomheden er undtaget fra evalueringen.', 'The company has been excluded from the evaluation.'],
  medtaget: ['Virksomheden evalueres igen.', 'The company will be evaluated again.'],
  frameldt: ['Adressen er frameldt evalueringen og får ikke flere invitationer eller påmindelser.', 'The address has been opted out of the evaluation and gets no more invitations or reminders.'],
};

async function render(c: AppContext, hub: string | undefined, form?: { which: 'settings' | 'exclusion' | 'optOut'; errors: FormErrors; values: FormValues }) {
  const actor = requireActor(c, ...invitationAdmins);
  const { database, clock } = c.get('deps');
  const admin = await getInvitationAdmin(database.db, clock, actor, hub);
  const notice = notices[c.req.query('besked') ?? '']?.[c.get('locale') === 'en' ? 1 : 0];
  return c.html(<InvitationAdminPage ctx={pageContext(c)} admin={admin} notice={notice} form={form} />, form ? 422 : 200);
}

export function invitationAdminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(basePath, (c) => render(c, c.req.query('erhvervshus')));

  app.post(`${basePath}/indstillinger`, async (c) => {
    const actor = requireActor(c, ...invitationAdmins);
    const { database, clock } = c.get('deps');
    const body = await formBody(c);
    const hub = typeof body.erhvervshus === 'string' ? body.erhvervshus : undefined;
    try {
      await database.db.transaction().execute((tx) => updateInvitationSettings(tx, clock, actor, hub, body));
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') return render(c, hub, { which: 'settings', errors: errorsByField(error.fields), values: body });
      throw error;
    }
    return c.redirect(`${basePath}?erhvervshus=${encodeURIComponent(hub ?? '')}&besked=indstillinger`, 303);
  });

  app.post(`${basePath}/undtagelser`, async (c) => {
    const actor = requireActor(c, ...invitationAdmins);
    const { database, clock } = c.get('deps');
    const body = await formBody(c);
    const hub = typeof body.erhvervshus === 'string' ? body.erhvervshus : undefined;
    try {
      await database.db.transaction().execute((tx) => excludeCompany(tx, clock, actor, hub, body));
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') return render(c, hub, { which: 'exclusion', errors: errorsByField(error.fields), values: body });
      throw error;
    }
    return c.redirect(`${basePath}?erhvervshus=${encodeURIComponent(hub ?? '')}&besked=undtaget`, 303);
  });

  app.post(`${basePath}/frameldinger`, async (c) => {
    const actor = requireActor(c, ...invitationAdmins);
    const { database, clock } = c.get('deps');
    const body = await formBody(c);
    const hub = typeof body.erhvervshus === 'string' ? body.erhvervshus : undefined;
    try {
      await database.db.transaction().execute((tx) => registerOptOut(tx, clock, actor, hub, body));
    } catch (error) {
      if (error instanceof AppError && error.code === 'validation') return render(c, hub, { which: 'optOut', errors: errorsByField(error.fields), values: body });
      throw error;
    }
    return c.redirect(`${basePath}?erhvervshus=${encodeURIComponent(hub ?? '')}&besked=frameldt`, 303);
  });

  app.post(`${basePath}/undtagelser/:companyId/slet`, async (c) => {
    const actor = requireActor(c, ...invitationAdmins);
    const { database } = c.get('deps');
    const body = await formBody(c);
    const hub = typeof body.erhvervshus === 'string' ? body.erhvervshus : undefined;
    await database.db.transaction().execute((tx) => includeCompanyAgain(tx, actor, hub, c.req.param('companyId')));
    return c.redirect(`${basePath}?erhvervshus=${encodeURIComponent(hub ?? '')}&besked=medtaget`, 303);
  });

  return app;
}
