import { Hono } from 'hono';
import { hasRole } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { getCompany } from '../companies/companies.service.ts';
import { findContactPerson } from './contact-persons.repository.ts';
import { addContactPerson, eraseContactPerson, exportPersonData, listContactPersons } from './contact-persons.service.ts';
import { ContactPersonsPage, EraseContactPersonPage } from './contact-persons.views.tsx';

const notices: Record<string, [string, string]> = {
  tilfoejet: ['Kontaktpersonen er tilføjet.', 'The contact person has been added.'],
  slettet: ['Personoplysningerne er slettet. Virksomhedens historik er bevaret.', 'The personal data has been erased. The company’s history is kept.'],
};

async function renderPage(c: AppContext, companyId: string, extra: { values?: Record<string, string | string[]>; errors?: Record<string, string> } = {}, status: 200 | 422 = 200) {
  const actor = requireActor(c);
  const db = c.get('deps').database.db;
  const { company } = await getCompany(db, actor, companyId);
  const persons = await listContactPersons(db, actor, company.id);
  const texts = notices[c.req.query('besked') ?? ''];
  return c.html(
    <ContactPersonsPage
      ctx={pageContext(c)}
      company={company}
      persons={persons}
      canAdd={hasRole(actor, 'adviser', 'manager', 'admin')}
      isAdmin={hasRole(actor, 'admin')}
      values={extra.values ?? {}}
      errors={extra.errors ?? {}}
      notice={texts ? texts[c.get('locale') === 'en' ? 1 : 0] : undefined}
    />,
    status,
  );
}

export function contactPersonRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/virksomheder/:id/kontaktpersoner', (c) => renderPage(c, c.req.param('id')));

  app.post('/virksomheder/:id/kontaktpersoner', async (c) => {
    const actor = requireActor(c, 'adviser', 'manager', 'admin');
    const companyId = c.req.param('id');
    const body = await formBody(c);
    try {
      await c.get('deps').database.db.transaction().execute((tx) => addContactPerson(tx, actor, companyId, body));
      return c.redirect(`/virksomheder/${companyId}/kontaktpersoner?besked=tilfoejet`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return renderPage(c, companyId, { values: body, errors: errorsByField(error.fields) }, 422);
    }
  });

  app.get('/kontaktpersoner/:id/eksport', async (c) => {
    const actor = requireActor(c, 'admin');
    const { database, clock } = c.get('deps');
    const data = await exportPersonData(database.db, actor, c.req.param('id'), clock);
    c.header('Content-Disposition', `attachment; filename="personoplysninger-${c.req.param('id')}.json"`);
    c.header('Cache-Control', 'no-store');
    return c.json(data);
  });

  app.get('/kontaktpersoner/:id/slet', async (c) => {
    const actor = requireActor(c, 'admin');
    const db = c.get('deps').database.db;
    const person = await findContactPerson(db, c.req.param('id'));
    if (!person || person.erasedAt) return c.notFound();
    await listContactPersons(db, actor, person.companyId); // the company must be in the admin's region
    return c.html(<EraseContactPersonPage ctx={pageContext(c)} person={person} />);
  });

  app.post('/kontaktpersoner/:id/slet', async (c) => {
    const actor = requireActor(c, 'admin');
    const { database, clock } = c.get('deps');
    const id = c.req.param('id');
    const companyId = await database.db.transaction().execute(async (tx) => {
      await eraseContactPerson(tx, actor, id, clock);
      return (await findContactPerson(tx, id))!.companyId;
    });
    return c.redirect(`/virksomheder/${companyId}/kontaktpersoner?besked=slettet`, 303);
  });

  return app;
}
