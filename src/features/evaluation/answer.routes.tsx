// The own evaluation's public pages (/evaluering/svar/<token>, /evaluering/framelding/<token>; no
// login) and, mounted with them, the hub's invitation page (/evaluering/invitationer). The public pages
// are not cached (no-store, noindex; the app's Referrer-Policy keeps the token from other sites);
// `?lang=en` (the English link of the mail) shows them in English, the header's switch works as
// everywhere. Failed look-ups are recorded outside the request's transaction (a rollback does not
// forget them) and throttled per address like sign-in.
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody } from '../../web/guards.ts';
import { setLocale } from '../../web/middleware.ts';
import { AnswerInvalid, checkAnswerThrottle, optOutByLink, recordAnswerLinkFailure, submitAnswer, viewAnswerPage, viewOptOut } from './answer.service.ts';
import { AnswerLinkErrorPage, AnswerPage, AnswerThanksPage, OptOutPage } from './answer.views.tsx';
import { invitationAdminRoutes } from './invitations.routes.tsx';
import { answerPath, optOutPath } from './invitations.service.ts';

function clientIp(c: AppContext): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

/** The public pages: no-store, noindex, and English on `?lang=en`; returns the query to keep. */
function publicPage(c: AppContext): string {
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
  if (c.req.query('lang') === 'en') {
    setLocale(c, 'en');
    return '?lang=en';
  }
  return '';
}

/** The link's own errors as a page: 404 invalid, 410 expired, 409 answered, 429 throttled. */
async function linkError(c: AppContext, error: unknown) {
  if (!(error instanceof AppError) || !['notFound', 'gone', 'conflict', 'tooManyRequests'].includes(error.code)) throw error;
  const { database, clock } = c.get('deps');
  if (error.code === 'notFound' || error.code === 'gone') await recordAnswerLinkFailure(database.db, clock, clientIp(c));
  const ctx = pageContext(c);
  const en = ctx.locale === 'en';
  const title =
    error.code === 'tooManyRequests'
      ? ctx.t('error.tooMany.title')
      : error.code === 'conflict'
        ? en
          ? 'Already answered'
          : 'Allerede besvaret'
        : error.code === 'gone'
          ? en
            ? 'The link has expired'
            : 'Linket er udløbet'
          : en
            ? 'The link is not valid'
            : 'Linket er ikke gyldigt';
  const status = error.code === 'tooManyRequests' ? 429 : error.code === 'conflict' ? 409 : error.code === 'gone' ? 410 : 404;
  return c.html(<AnswerLinkErrorPage ctx={ctx} title={title} text={en ? error.userMessageEn : error.userMessage} />, status);
}

export function evaluationAnswerRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(`${answerPath}/:token`, async (c) => {
    const keep = publicPage(c);
    const { database, config, clock } = c.get('deps');
    const token = c.req.param('token');
    try {
      await checkAnswerThrottle(database.db, clock, clientIp(c));
      const view = await viewAnswerPage(database.db, { config, clock }, token);
      return c.html(<AnswerPage ctx={pageContext(c)} action={`${answerPath}/${token}${keep}`} view={view} />);
    } catch (error) {
      return linkError(c, error);
    }
  });

  app.post(`${answerPath}/:token`, async (c) => {
    const keep = publicPage(c);
    const { database, config, clock } = c.get('deps');
    const token = c.req.param('token');
    const body = await formBody(c);
    try {
      await checkAnswerThrottle(database.db, clock, clientIp(c));
      const saved = await database.db.transaction().execute((tx) => submitAnswer(tx, { config, clock }, token, body, c.get('locale')));
      return c.html(<AnswerThanksPage ctx={pageContext(c)} hubName={saved.hubName} />);
    } catch (error) {
      if (error instanceof AnswerInvalid) {
        return c.html(<AnswerPage ctx={pageContext(c)} action={`${answerPath}/${token}${keep}`} view={error.view} errors={errorsByField(error.errors)} values={body} />, 422);
      }
      return linkError(c, error);
    }
  });

  app.get(`${optOutPath}/:token`, async (c) => {
    const keep = publicPage(c);
    const { database, config, clock } = c.get('deps');
    const token = c.req.param('token');
    try {
      await checkAnswerThrottle(database.db, clock, clientIp(c));
      const view = await viewOptOut(database.db, { config, clock }, token);
      return c.html(<OptOutPage ctx={pageContext(c)} action={`${optOutPath}/${token}${keep}`} hubName={view.hubName} alreadyOptedOut={view.optedOut} />);
    } catch (error) {
      return linkError(c, error);
    }
  });

  app.post(`${optOutPath}/:token`, async (c) => {
    const keep = publicPage(c);
    const { database, config, clock } = c.get('deps');
    const token = c.req.param('token');
    try {
      await checkAnswerThrottle(database.db, clock, clientIp(c));
      const done = await database.db.transaction().execute((tx) => optOutByLink(tx, { config, clock }, token));
      return c.html(<OptOutPage ctx={pageContext(c)} action={`${optOutPath}/${token}${keep}`} hubName={done.hubName} done />);
    } catch (error) {
      return linkError(c, error);
    }
  });

  app.route('/', invitationAdminRoutes());
  return app;
}
