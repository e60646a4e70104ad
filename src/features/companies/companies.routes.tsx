import { Hono } from 'hono';
import { hasRole } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { findEntityHistory } from '../audit/audit.repository.ts';
import { listActivitiesOfCompany } from '../activities/activities.service.ts';
import { addNote, listCoursesOfCompany, listNotes } from '../courses/courses.service.ts';
import { findMunicipalities } from '../municipalities/municipalities.repository.ts';
import { listReferralsOfCompany } from '../referrals/referrals.service.ts';
import type { Company } from './companies.schema.ts';
import { createCompany, getCompany, searchCompanies, updateCompany } from './companies.service.ts';
import { CompanyPage } from './company-page.views.tsx';
import { CompanyFormPage, CompanyResults, CompanySearchPage } from './companies.views.tsx';

const formValues = (company: Company) => ({
  name: company.name,
  cvr: company.cvr ?? '',
  municipalityCode: company.municipalityCode ?? '',
  street: company.street ?? '',
  postcode: company.postcode ?? '',
  city: company.city ?? '',
  industryCode: company.industryCode ?? '',
  industryText: company.industryText ?? '',
  employeesBand: company.employeesBand ?? '',
  advertisingProtected: company.advertisingProtected ? 'true' : '',
});

const municipalities = (c: AppContext) => findMunicipalities(c.get('deps').database.db);

export function companyRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/virksomheder', async (c) => {
    const actor = requireActor(c);
    const db = c.get('deps').database.db;
    const raw = c.req.query();
    let result;
    let errors = {};
    try {
      result = await searchCompanies(db, actor, raw);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'validation') throw error;
      errors = errorsByField(error.fields);
      result = await searchCompanies(db, actor, { q: '' });
    }
    const canMakeOutreachList = hasRole(actor, 'adviser', 'manager', 'admin');
    c.header('Vary', 'HX-Request, HX-Target');
    // The search box asks through htmx for the results only (hx-target #company-results): answer
    // with that part, not the whole page (less to send and render; the search itself costs the same).
    if (c.req.header('hx-request') === 'true' && c.req.header('hx-target') === 'company-results' && Object.keys(errors).length === 0) {
      return c.html(
        <CompanyResults
          ctx={pageContext(c)}
          companies={result.companies}
          total={result.total}
          totalCapped={result.totalCapped}
          page={result.page}
          pageSize={result.pageSize}
          url={new URL(c.req.url)}
          canMakeOutreachList={canMakeOutreachList}
        />,
      );
    }
    return c.html(
      <CompanySearchPage
        ctx={pageContext(c)}
        query={result.query}
        companies={result.companies}
        total={result.total}
        totalCapped={result.totalCapped}
        page={result.page}
        pageSize={result.pageSize}
        municipalities={await municipalities(c)}
        url={new URL(c.req.url)}
        canCreate={canMakeOutreachList}
        errors={errors}
      />,
    );
  });

  app.get('/virksomheder/ny', async (c) => {
    requireActor(c, 'adviser', 'manager', 'admin');
    return c.html(<CompanyFormPage ctx={pageContext(c)} values={{}} municipalities={await municipalities(c)} />);
  });

  app.post('/virksomheder', async (c) => {
    const actor = requireActor(c, 'adviser', 'manager', 'admin');
    const body = await formBody(c);
    try {
      const company = await c.get('deps').database.db.transaction().execute((tx) => createCompany(tx, actor, body));
      return c.redirect(`/virksomheder/${company.id}?besked=oprettet`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return c.html(<CompanyFormPage ctx={pageContext(c)} values={body} errors={errorsByField(error.fields)} municipalities={await municipalities(c)} />, 422);
    }
  });

  const renderCompany = async (c: AppContext, id: string, extra: { errors?: Record<string, string>; notice?: string | undefined } = {}, status: 200 | 422 = 200) => {
    const actor = requireActor(c);
    const db = c.get('deps').database.db;
    const { company, inScope, productionUnits } = await getCompany(db, actor, id);
    const courses = inScope ? await listCoursesOfCompany(db, actor, company.id) : [];
    const activities = inScope ? await listActivitiesOfCompany(db, actor, company.id) : [];
    const notes = inScope ? await listNotes(db, actor, 'company', [company.id]) : [];
    return c.html(
      <CompanyPage
        ctx={pageContext(c)}
        company={company}
        productionUnits={productionUnits}
        inScope={inScope}
        canEdit={hasRole(actor, 'adviser', 'manager', 'admin')}
        canGuide={hasRole(actor, 'adviser', 'manager', 'admin')}
        history={inScope ? await findEntityHistory(db, 'company', company.id) : []}
        courses={courses}
        activities={activities}
        notes={notes}
        referrals={inScope ? await listReferralsOfCompany(db, actor, company.id) : []}
        now={c.get('deps').clock.now()}
        {...extra}
      />,
      status,
    );
  };

  app.get('/virksomheder/:id', (c) => {
    const notices: Record<string, [string, string]> = {
      oprettet: ['Virksomheden er registreret.', 'The company has been registered.'],
      gemt: ['Ændringerne er gemt.', 'The changes have been saved.'],
      note: ['Noten er gemt.', 'The note has been saved.'],
      flettet: ['Dubletten er flettet ind. Dens forløb, noter og kontaktpersoner står nu her.', 'The duplicate has been merged in. Its courses, notes and contact persons are now here.'],
    };
    const texts = notices[c.req.query('besked') ?? ''];
    return renderCompany(c, c.req.param('id'), { notice: texts ? texts[c.get('locale') === 'en' ? 1 : 0] : undefined });
  });

  app.post('/virksomheder/:id/noter', async (c) => {
    const actor = requireActor(c, 'adviser', 'manager', 'admin');
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await c.get('deps').database.db.transaction().execute((tx) => addNote(tx, actor, { type: 'company', id }, body));
      return c.redirect(`/virksomheder/${id}?besked=note`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return renderCompany(c, id, { errors: errorsByField(error.fields) }, 422);
    }
  });

  app.get('/virksomheder/:id/rediger', async (c) => {
    const actor = requireActor(c, 'adviser', 'manager', 'admin');
    const { company } = await getCompany(c.get('deps').database.db, actor, c.req.param('id'));
    return c.html(<CompanyFormPage ctx={pageContext(c)} company={company} values={formValues(company)} municipalities={await municipalities(c)} />);
  });

  app.post('/virksomheder/:id', async (c) => {
    const actor = requireActor(c, 'adviser', 'manager', 'admin');
    const db = c.get('deps').database.db;
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await db.transaction().execute((tx) => updateCompany(tx, actor, id, body));
      return c.redirect(`/virksomheder/${id}?besked=gemt`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const { company } = await getCompany(db, actor, id);
      return c.html(<CompanyFormPage ctx={pageContext(c)} company={company} values={body} errors={errorsByField(error.fields)} municipalities={await municipalities(c)} />, 422);
    }
  });

  return app;
}
