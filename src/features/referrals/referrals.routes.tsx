import { Hono } from 'hono';
import { hasRole } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { guidanceCategoryLabels } from '../../domain/guidance/guidance.types.ts';
import { errorsByField, type FormValues } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { getCompany } from '../companies/companies.service.ts';
import { getCourse } from '../courses/courses.service.ts';
import { getOrganisation, organisationChoices } from '../organisations/organisations.service.ts';
import { OrganisationFormPage } from '../organisations/organisations.views.tsx';
import { findContactPersonChoices } from './referrals.repository.ts';
import { ReferralMetricsPage } from './referrals.metrics.views.tsx';
import {
  createReferral,
  getReferralHistory,
  getReferralMetrics,
  getServiceGoalHours,
  listReferralBox,
  listReferralTargets,
  openReferral,
  referrers,
  setServiceGoalHours,
  sideOf,
  transitionReferral,
} from './referrals.service.ts';
import { getExternalLinkStatus, sendReferralLink } from './referral-external.service.ts';
import { ExternalLinkBox } from './referral-external.views.tsx';
import { attachScreening, getScreeningInfo, readScreeningField, SCREENING_FIELD } from './referral-files.service.ts';
import { ScreeningLink } from './referral-files.views.tsx';
import { groupLabels, ReferralFormPage, ReferralListPage, ReferralPage, type ReferralFormData, type ReferralGroup } from './referrals.views.tsx';

const notices: Record<string, [string, string]> = {
  sendt: ['Henvisningen er sendt.', 'The referral has been sent.'],
  status: ['Status er ændret.', 'The state has been changed.'],
  servicemaal: ['Servicemålet er gemt.', 'The service goal has been saved.'],
  link: ['Linket er sendt til den eksterne modtager.', 'The link has been sent to the external receiver.'],
  ingenlink: ['Der kunne ikke sendes et link: modtageren har ingen e-mailadresse.', 'No link could be sent: the receiver has no e-mail address.'],
};
const noticeOf = (c: AppContext) => notices[c.req.query('besked') ?? '']?.[c.get('locale') === 'en' ? 1 : 0];

export function referralRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/henvisninger', async (c) => {
    const actor = requireActor(c);
    const box = c.req.query('boks') === 'ud' ? 'outbox' : 'inbox';
    const mine = c.req.query('mine') === '1';
    const group = Object.keys(groupLabels).includes(c.req.query('gruppe') ?? '') ? (c.req.query('gruppe') as ReferralGroup) : undefined;
    const referrals = await listReferralBox(c.get('deps').database.db, actor, { box, mine });
    return c.html(<ReferralListPage ctx={pageContext(c)} box={box} mine={mine} group={group} referrals={referrals} now={c.get('deps').clock.now()} notice={noticeOf(c)} />);
  });

  const renderMetrics = async (c: AppContext, extra: { errors?: Record<string, string>; notice?: string | undefined } = {}, status: 200 | 422 = 200) => {
    const actor = requireActor(c);
    const { database, clock } = c.get('deps');
    const year = /^\d{4}$/.test(c.req.query('aar') ?? '') ? Number(c.req.query('aar')) : undefined;
    const metrics = await getReferralMetrics(database.db, clock, actor, { year });
    const thisYear = Number(clock.now().toISOString().slice(0, 4));
    return c.html(
      <ReferralMetricsPage
        ctx={pageContext(c)}
        metrics={metrics}
        year={year}
        years={Array.from({ length: 5 }, (_, i) => thisYear - i)}
        serviceGoalHours={await getServiceGoalHours(database.db, actor)}
        canSetGoal={hasRole(actor, 'manager', 'admin')}
        {...extra}
      />,
      status,
    );
  };

  app.get('/henvisninger/noegletal', (c) => renderMetrics(c, { notice: noticeOf(c) }));

  app.post('/henvisninger/servicemaal', async (c) => {
    const actor = requireActor(c, 'manager', 'admin');
    const body = await formBody(c);
    try {
      await c.get('deps').database.db.transaction().execute((tx) => setServiceGoalHours(tx, actor, body));
      return c.redirect('/henvisninger/noegletal?besked=servicemaal', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return renderMetrics(c, { errors: errorsByField(error.fields) }, 422);
    }
  });

  // The service goal of any organisation (external partners have no managers), on its admin page.
  app.post('/admin/organisationer/:id/servicemaal', async (c) => {
    const actor = requireActor(c, 'admin');
    const db = c.get('deps').database.db;
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await db.transaction().execute((tx) => setServiceGoalHours(tx, actor, body, id));
      return c.redirect(`/admin/organisationer/${id}`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const organisation = await getOrganisation(db, actor, id);
      const values = { name: organisation.name, kind: organisation.kind, businessHubId: organisation.businessHubId ?? '', municipalityCode: organisation.municipalityCode ?? '', kkrId: organisation.kkrId ?? '', email: organisation.email ?? '', website: organisation.website ?? '', active: organisation.active ? 'true' : '' };
      const hours = typeof body.hours === 'string' ? body.hours : '';
      return c.html(
        <OrganisationFormPage ctx={pageContext(c)} choices={await organisationChoices(db)} organisation={organisation} values={values} errors={errorsByField(error.fields)} serviceGoal={{ hours, error: errorsByField(error.fields).hours }} />,
        422,
      );
    }
  });

  const formData = async (c: AppContext, companyId: string, courseId: string | undefined): Promise<ReferralFormData> => {
    const actor = requireActor(c, ...referrers);
    const db = c.get('deps').database.db;
    const { company } = await getCompany(db, actor, companyId);
    const course = courseId ? await getCourse(db, actor, courseId) : undefined;
    return {
      company: { id: company.id, name: company.name },
      course: course ? { id: course.id, label: `${guidanceCategoryLabels[course.category][c.get('locale')]}, ${course.organisationName}, ${course.startDate}` } : undefined,
      targets: await listReferralTargets(db, actor),
      contactPersons: await findContactPersonChoices(db, company.id),
    };
  };

  app.get('/virksomheder/:id/henvisninger/ny', async (c) => {
    const data = await formData(c, c.req.param('id'), c.req.query('forloeb') || undefined);
    return c.html(<ReferralFormPage ctx={pageContext(c)} data={data} values={{}} />);
  });

  app.post('/virksomheder/:id/henvisninger', async (c) => {
    const actor = requireActor(c, ...referrers);
    const { database, clock } = c.get('deps');
    const body = await formBody(c);
    try {
      const screening = await readScreeningField((await c.req.parseBody({ all: true }))[SCREENING_FIELD]);
      const referral = await database.db.transaction().execute(async (tx) => {
        const created = await createReferral(tx, clock, actor, c.req.param('id'), body);
        await sendReferralLink(tx, { config: c.get('deps').config, clock }, actor, created); // external receivers: the single-use link
        if (screening) await attachScreening(tx, { dataDir: c.get('deps').config.dataDir, clock }, actor, created, screening); // leads: the screening
        return created;
      });
      return c.redirect(`/henvisninger/${referral.id}?besked=sendt`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const courseId = typeof body.courseId === 'string' && body.courseId ? body.courseId : undefined;
      const data = await formData(c, c.req.param('id'), courseId);
      return c.html(<ReferralFormPage ctx={pageContext(c)} data={data} values={body} errors={errorsByField(error.fields)} />, 422);
    }
  });

  const renderReferral = async (c: AppContext, id: string, extra: { errors?: Record<string, string>; values?: FormValues; notice?: string | undefined; message?: string | undefined } = {}, status: 200 | 409 | 422 = 200) => {
    const actor = requireActor(c);
    const { database, clock } = c.get('deps');
    // Opening an unread referral as the receiver marks it received (its own small transaction).
    const referral = await database.db.transaction().execute((tx) => openReferral(tx, clock, actor, id));
    const events = await getReferralHistory(database.db, actor, referral);
    const [screening, link] = [await getScreeningInfo(database.db, referral), await getExternalLinkStatus(database.db, referral)]; // the lead's screening, the external receiver's link
    return c.html(
      <ReferralPage ctx={pageContext(c)} referral={referral} events={events} side={sideOf(actor, referral)} canAct={hasRole(actor, ...referrers)} now={clock.now()} {...extra}
        attachments={<>{screening ? <ScreeningLink ctx={pageContext(c)} referralId={referral.id} screening={screening} /> : null}{link ? <ExternalLinkBox ctx={pageContext(c)} referralId={referral.id} status={link} canResend={sideOf(actor, referral) === 'sender' && hasRole(actor, ...referrers) && !['closed', 'rejected', 'withdrawn'].includes(referral.state)} now={clock.now()} /> : null}</>}
      />,
      status,
    );
  };

  app.get('/henvisninger/:id', (c) => renderReferral(c, c.req.param('id'), { notice: noticeOf(c) }));

  app.post('/henvisninger/:id/status', async (c) => {
    const actor = requireActor(c, ...referrers);
    const { database, clock } = c.get('deps');
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await database.db.transaction().execute((tx) => transitionReferral(tx, clock, actor, id, body));
      return c.redirect(`/henvisninger/${id}?besked=status`, 303);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      if (error.fields.length > 0) return renderReferral(c, id, { errors: errorsByField(error.fields), values: body }, 422);
      if (error.code === 'conflict') return renderReferral(c, id, { message: c.get('locale') === 'en' ? error.userMessageEn : error.userMessage }, 409);
      throw error;
    }
  });

  return app;
}
