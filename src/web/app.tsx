// The web application: middleware in order, then each feature's routes. Adding a feature means adding
// its routes here (and its navigation entry in layout.tsx). See docs/architecture.md.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { activityImportRoutes } from '../features/activities/activity-import.routes.tsx';
import { activityRoutes } from '../features/activities/activities.routes.tsx';
import { adminRoutes } from '../features/admin/admin.routes.tsx';
import { allocationRoutes } from '../features/allocations/allocations.routes.tsx';
import { apiTokenRoutes } from '../features/api-tokens/api-tokens.routes.tsx';
import { auditRoutes } from '../features/audit/audit.routes.tsx';
import { authRoutes } from '../features/auth/auth.routes.tsx';
import { baseGrantRoutes } from '../features/base-grants/base-grants.routes.tsx';
import { companyRoutes } from '../features/companies/companies.routes.tsx';
import { mergeRoutes } from '../features/companies/merge.routes.tsx';
import { outreachRoutes } from '../features/companies/outreach.routes.ts';
import { cvrImportRoutes } from '../features/companies/cvr-import.routes.tsx';
import { contactPersonRoutes } from '../features/contact-persons/contact-persons.routes.tsx';
import { courseStatsRoutes } from '../features/course-stats/course-stats.routes.tsx';
import { courseImportRoutes } from '../features/courses/course-import.routes.tsx';
import { courseRoutes } from '../features/courses/courses.routes.tsx';
import { dataSetRoutes } from '../features/data-sets/data-sets.routes.tsx';
import { healthRoutes } from '../features/health/health.routes.ts';
import { homeRoutes } from '../features/home/home.routes.tsx';
import { jobsRoutes } from '../features/jobs/jobs.routes.tsx';
import { mailRoutes } from '../features/mail/mail.routes.tsx';
import { notificationRoutes, unreadNotificationCount } from '../features/notifications/notifications.routes.tsx';
import { municipalityRoutes } from '../features/municipalities/municipalities.routes.tsx';
import { organisationRoutes } from '../features/organisations/organisations.routes.tsx';
import { plRateRoutes } from '../features/pl-rates/pl-rates.routes.tsx';
import { referralRoutes } from '../features/referrals/referrals.routes.tsx';
import { referralExternalRoutes } from '../features/referrals/referral-external.routes.tsx';
import { referralImportRoutes } from '../features/referrals/referral-import.routes.tsx';
import { referralFileRoutes } from '../features/referrals/referral-files.routes.tsx';
import { evaluationRoutes } from '../features/evaluation/evaluation.routes.tsx';
import { contractDetailsRoutes } from '../features/contracts/contract-details.routes.tsx';
import { contractEditingRoutes } from '../features/contracts/contract-editing.routes.tsx';
import { contractFileRoutes } from '../features/contracts/contract-files.routes.tsx';
import { contractRoutes } from '../features/contracts/contracts.routes.tsx';
import { evaluationAnswerRoutes } from '../features/evaluation/answer.routes.tsx';
import { responseImportRoutes } from '../features/evaluation/response-import.routes.tsx';
import { userRoutes } from '../features/users/users.routes.tsx';
import { apiRouter } from './api/router.tsx';
import type { AppDeps, AppEnv } from './context.ts';
import { pageContext } from './context.ts';
import { ErrorPage, isApiRequest, renderError } from './errors.tsx';
import { authentication, requestContext } from './middleware.ts';
import { csrfProtection, securityHeaders } from './security.ts';
import { staticRoutes } from './static.ts';

export const maxRequestBytes = 25 * 1024 * 1024;

export interface AppOptions {
  /** Whether the database holds demo data (shows the demo banner). */
  isDemo?: () => boolean;
}

export function createApp(deps: AppDeps, options: AppOptions = {}): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use(requestContext(deps, options.isDemo ?? (() => false)));
  app.use(securityHeaders);
  app.route('/', healthRoutes());
  app.route('/', staticRoutes());
  // No request body may exceed 25 MB (the largest upload, a CVR file, is limited to 20 MB): the limit
  // applies before anything reads the body, so an oversized upload is never held in memory.
  app.use(
    bodyLimit({
      maxSize: maxRequestBytes,
      onError: (c) => {
        const message = 'Forespørgslen er for stor: højst 25 MB. Større filer indlæses med kommandolinjen (knudepunkt import).';
        if (isApiRequest(c)) return c.json({ error: { code: 'validation', message, requestId: c.get('requestId') } }, 413);
        return c.html(<ErrorPage ctx={pageContext(c)} title={c.get('locale') === 'en' ? 'Too large' : 'For stor'} text={message} />, 413);
      },
    }),
  );
  app.use(csrfProtection);
  app.use(authentication);
  app.use(unreadNotificationCount);

  app.route('/', authRoutes());
  app.route('/', homeRoutes());
  app.route('/', allocationRoutes());
  app.route('/', dataSetRoutes());
  app.route('/', baseGrantRoutes());
  app.route('/', plRateRoutes());
  app.route('/', mergeRoutes());
  app.route('/', outreachRoutes());
  app.route('/', companyRoutes());
  app.route('/', contactPersonRoutes());
  app.route('/', courseImportRoutes());
  app.route('/', courseStatsRoutes());
  app.route('/', courseRoutes());
  app.route('/', activityImportRoutes());
  app.route('/', activityRoutes());
  app.route('/', referralImportRoutes());
  app.route('/', referralExternalRoutes());
  app.route('/', referralFileRoutes());
  app.route('/', referralRoutes());
  app.route('/', notificationRoutes());
  app.route('/', responseImportRoutes());
  app.route('/', evaluationAnswerRoutes());
  app.route('/', evaluationRoutes());
  app.route('/', contractFileRoutes());
  app.route('/', contractEditingRoutes());
  app.route('/', contractDetailsRoutes());
  app.route('/', contractRoutes());
  app.route('/', apiTokenRoutes());
  app.route('/', adminRoutes());
  app.route('/', cvrImportRoutes());
  app.route('/', organisationRoutes());
  app.route('/', userRoutes());
  app.route('/', municipalityRoutes());
  app.route('/', auditRoutes());
  app.route('/', mailRoutes());
  app.route('/', jobsRoutes());
  app.route('/api/v1', apiRouter());

  app.notFound((c) => {
    if (isApiRequest(c)) return c.json({ error: { code: 'notFound', message: 'Ressourcen findes ikke.', requestId: c.get('requestId') } }, 404);
    const ctx = pageContext(c);
    return c.html(<ErrorPage ctx={ctx} title={ctx.t('error.notFound.title')} text={ctx.t('error.notFound.text')} />, 404);
  });
  app.onError((error, c) => renderError(c, error));
  return app;
}
