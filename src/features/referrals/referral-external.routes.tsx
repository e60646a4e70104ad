// The external receiver's public page (/henvisning/<token>, no login) and the sender's "send the link
// again" (/henvisninger/:id/link). The page is not cached (no-store; the token is in the URL; the
// app's Referrer-Policy, same-origin, keeps it from other sites).
// Failed look-ups are recorded outside the request's transaction (so a rollback does not forget them)
// and throttled per address like login.
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import {
  checkLinkThrottle,
  confirmContactByLink,
  recordLinkFailure,
  referralLinkPath,
  referralOfLink,
  reportOutcomeByLink,
  resendReferralLink,
  viewReferralByLink,
} from './referral-external.service.ts';
import { ExternalLinkErrorPage, ExternalReferralPage } from './referral-external.views.tsx';
import { sendDownload } from '../../web/download.ts';
import { readScreeningForLink } from './referral-files.service.ts';
import { getReferral, referrers } from './referrals.service.ts';

function clientIp(c: AppContext): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

const privateHeaders = (c: AppContext) => {
  c.header('Cache-Control', 'no-store');
  c.header('X-Robots-Tag', 'noindex');
};

/** The link's own errors as a page: 404 unknown, 410 gone, 429 throttled; anything else goes on. */
async function linkError(c: AppContext, error: unknown) {
  if (!(error instanceof AppError) || !['notFound', 'gone', 'tooManyRequests'].includes(error.code)) throw error;
  const { database, clock } = c.get('deps');
  if (error.code !== 'tooManyRequests') await recordLinkFailure(database.db, clock, clientIp(c));
  const ctx = pageContext(c);
  const title =
    error.code === 'tooManyRequests' ? ctx.t('error.tooMany.title') : error.code === 'gone' ? (ctx.locale === 'en' ? 'The link no longer works' : 'Linket virker ikke længere') : ctx.locale === 'en' ? 'The link does not exist' : 'Linket findes ikke';
  const status = error.code === 'tooManyRequests' ? 429 : error.code === 'gone' ? 410 : 404;
  privateHeaders(c);
  return c.html(<ExternalLinkErrorPage ctx={ctx} title={title} text={ctx.locale === 'en' ? error.userMessageEn : error.userMessage} />, status);
}

const notices: Record<string, [string, string]> = {
  kontakt: ['Første kontakt er bekræftet. Meld udfaldet tilbage her, når I er færdige.', 'First contact has been confirmed. Report the outcome here when you are done.'],
};

export function referralExternalRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get(`${referralLinkPath}/:token`, async (c) => {
    const { database, config, clock } = c.get('deps');
    const token = c.req.param('token');
    try {
      await checkLinkThrottle(database.db, clock, clientIp(c));
      const view = await viewReferralByLink(database.db, { config, clock }, token);
      privateHeaders(c);
      const notice = notices[c.req.query('besked') ?? '']?.[c.get('locale') === 'en' ? 1 : 0];
      return c.html(<ExternalReferralPage ctx={pageContext(c)} action={`${referralLinkPath}/${token}`} view={view} notice={notice} />);
    } catch (error) {
      return linkError(c, error);
    }
  });

  // A lead's screening, for the receiver the link was sent to (a download, as for logged-in users).
  app.get(`${referralLinkPath}/:token/screening`, async (c) => {
    const { database, config, clock } = c.get('deps');
    try {
      await checkLinkThrottle(database.db, clock, clientIp(c));
      const referral = await referralOfLink(database.db, { config, clock }, c.req.param('token'));
      const { info, bytes } = await readScreeningForLink(database.db, config.dataDir, referral);
      return sendDownload(c, bytes, info.mediaType, info.name);
    } catch (error) {
      return linkError(c, error);
    }
  });

  // The language switch returns to the page it was on; after a form that is the form's address.
  app.get(`${referralLinkPath}/:token/:action{kontakt|udfald}`, (c) => c.redirect(`${referralLinkPath}/${c.req.param('token')}`, 303));

  app.post(`${referralLinkPath}/:token/kontakt`, async (c) => {
    const { database, config, clock } = c.get('deps');
    const token = c.req.param('token');
    try {
      await checkLinkThrottle(database.db, clock, clientIp(c));
      await database.db.transaction().execute((tx) => confirmContactByLink(tx, { config, clock }, token));
      return c.redirect(`${referralLinkPath}/${token}?besked=kontakt`, 303);
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') {
        const view = await viewReferralByLink(database.db, { config, clock }, token).catch(() => undefined);
        if (view) {
          privateHeaders(c);
          return c.html(<ExternalReferralPage ctx={pageContext(c)} action={`${referralLinkPath}/${token}`} view={view} message={c.get('locale') === 'en' ? error.userMessageEn : error.userMessage} />, 409);
        }
      }
      return linkError(c, error);
    }
  });

  app.post(`${referralLinkPath}/:token/udfald`, async (c) => {
    const { database, config, clock } = c.get('deps');
    const token = c.req.param('token');
    const body = await formBody(c);
    try {
      await checkLinkThrottle(database.db, clock, clientIp(c));
      const view = await database.db.transaction().execute((tx) => reportOutcomeByLink(tx, { config, clock }, token, body));
      privateHeaders(c);
      const ctx = pageContext(c);
      return c.html(<ExternalReferralPage ctx={ctx} action={`${referralLinkPath}/${token}`} view={view} done notice={ctx.locale === 'en' ? 'The outcome has been reported. Thank you.' : 'Udfaldet er meldt tilbage. Tak.'} />);
    } catch (error) {
      if (error instanceof AppError && (error.code === 'validation' || error.code === 'conflict')) {
        const view = await viewReferralByLink(database.db, { config, clock }, token).catch(() => undefined);
        if (view) {
          privateHeaders(c);
          const ctx = pageContext(c);
          return error.code === 'validation'
            ? c.html(<ExternalReferralPage ctx={ctx} action={`${referralLinkPath}/${token}`} view={view} errors={errorsByField(error.fields)} values={body} />, 422)
            : c.html(<ExternalReferralPage ctx={ctx} action={`${referralLinkPath}/${token}`} view={view} message={ctx.locale === 'en' ? error.userMessageEn : error.userMessage} />, 409);
        }
      }
      return linkError(c, error);
    }
  });

  // The sender sends the link (again): e.g. after an admin added the receiver's e-mail.
  app.post('/henvisninger/:id/link', async (c) => {
    const actor = requireActor(c, ...referrers);
    const { database, config, clock } = c.get('deps');
    const id = c.req.param('id');
    const outcome = await database.db.transaction().execute(async (tx) => resendReferralLink(tx, { config, clock }, actor, await getReferral(tx, actor, id)));
    return c.redirect(`/henvisninger/${id}?besked=${outcome.kind === 'sent' ? 'link' : 'ingenlink'}`, 303);
  });

  return app;
}
