import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { listOrganisations } from '../organisations/organisations.service.ts';
import { getUser, inviteUser, listUsers, resendInvitation, setUserActive, updateUser } from './users.service.ts';
import type { User } from './users.schema.ts';
import { EditUserPage, InviteUserPage, UserListPage } from './users.views.tsx';

const notices = {
  invited: ['Invitationen er sendt.', 'The invitation has been sent.'],
  saved: ['Ændringerne er gemt.', 'The changes have been saved.'],
  deactivated: ['Brugeren er deaktiveret. Brugerens sessioner og API-nøgler er lukket.', "The user has been deactivated. The user's sessions and API tokens have been closed."],
  activated: ['Brugeren er genaktiveret.', 'The user has been reactivated.'],
} as const;

function notice(c: AppContext): string | undefined {
  const key = c.req.query('besked') as keyof typeof notices | undefined;
  const texts = key ? notices[key] : undefined;
  return texts ? texts[c.get('locale') === 'en' ? 1 : 0] : undefined;
}

const userValues = (user: User) => ({ name: user.name, organisationId: user.organisationId, roles: user.roles });

export function userRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const deps = (c: AppContext) => {
    const { database, config, clock } = c.get('deps');
    return { db: database.db, auth: { config, clock } };
  };

  app.get('/admin/brugere', async (c) => {
    const actor = requireActor(c, 'admin');
    return c.html(<UserListPage ctx={pageContext(c)} users={await listUsers(deps(c).db, actor)} notice={notice(c)} />);
  });

  app.get('/admin/brugere/inviter', async (c) => {
    const actor = requireActor(c, 'admin');
    return c.html(<InviteUserPage ctx={pageContext(c)} organisations={await listOrganisations(deps(c).db, actor)} values={{}} />);
  });

  app.post('/admin/brugere', async (c) => {
    const actor = requireActor(c, 'admin');
    const { db, auth } = deps(c);
    const body = await formBody(c);
    try {
      await db.transaction().execute((tx) => inviteUser(tx, auth, actor, body));
      return c.redirect('/admin/brugere?besked=invited', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return c.html(<InviteUserPage ctx={pageContext(c)} organisations={await listOrganisations(db, actor)} values={body} errors={errorsByField(error.fields)} />, 422);
    }
  });

  app.get('/admin/brugere/:id', async (c) => {
    const actor = requireActor(c, 'admin');
    const { db } = deps(c);
    const user = await getUser(db, actor, c.req.param('id'));
    return c.html(<EditUserPage ctx={pageContext(c)} user={user} organisations={await listOrganisations(db, actor)} values={userValues(user)} notice={notice(c)} />);
  });

  app.post('/admin/brugere/:id', async (c) => {
    const actor = requireActor(c, 'admin');
    const { db } = deps(c);
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await db.transaction().execute((tx) => updateUser(tx, actor, id, body));
      return c.redirect(`/admin/brugere/${id}?besked=saved`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const user = await getUser(db, actor, id);
      return c.html(
        <EditUserPage ctx={pageContext(c)} user={user} organisations={await listOrganisations(db, actor)} values={body} errors={errorsByField(error.fields)} />,
        422,
      );
    }
  });

  app.post('/admin/brugere/:id/invitation', async (c) => {
    const actor = requireActor(c, 'admin');
    const { db, auth } = deps(c);
    const id = c.req.param('id');
    await db.transaction().execute((tx) => resendInvitation(tx, auth, actor, id));
    return c.redirect(`/admin/brugere/${id}?besked=invited`, 303);
  });

  for (const [action, active] of [
    ['deaktiver', false],
    ['aktiver', true],
  ] as const) {
    app.post(`/admin/brugere/:id/${action}`, async (c) => {
      const actor = requireActor(c, 'admin');
      const id = c.req.param('id');
      await deps(c).db.transaction().execute((tx) => setUserActive(tx, actor, id, active));
      return c.redirect(`/admin/brugere/${id}?besked=${active ? 'activated' : 'deactivated'}`, 303);
    });
  }

  return app;
}
