// Pages for signing in and out, the language switch, password reset and accepting an invitation.
import { getConnInfo } from '@hono/node-server/conninfo';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { AppError } from '../../domain/errors.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, safeNext } from '../../web/guards.ts';
import { isLocale } from '../../web/i18n/index.ts';
import { LANGUAGE_COOKIE, SESSION_COOKIE, setLocale } from '../../web/middleware.ts';
import { rotateCsrfToken } from '../../web/security.ts';
import { setOwnLocale } from '../users/users.service.ts';
import { checkUserLink, login, logout, requestPasswordReset, setPasswordWithLink } from './auth.service.ts';
import { ChoosePasswordPage, LoginPage, ResetRequestPage } from './auth.views.tsx';

function clientIp(c: AppContext): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // in-process requests (tests) have no socket
  }
}

const str = (value: string | string[] | undefined) => (typeof value === 'string' ? value : '');

export function authRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/log-ind', (c) => {
    const next = safeNext(c.req.query('next'));
    if (c.get('actor')) return c.redirect(next, 303);
    const ctx = pageContext(c);
    const notice = c.req.query('logget-af') !== undefined ? ctx.t('login.loggedOut') : c.req.query('udloebet') !== undefined ? ctx.t('login.sessionExpired') : undefined;
    return c.html(<LoginPage ctx={ctx} next={next} {...(notice ? { notice } : {})} />);
  });

  app.post('/log-ind', async (c) => {
    const body = await formBody(c);
    const email = str(body.email).trim();
    const password = str(body.password);
    const next = safeNext(body.next);
    const errors: Record<string, string> = {};
    if (!email) errors.email = 'Skriv din e-mail.';
    if (!password) errors.password = 'Skriv din adgangskode.';
    if (Object.keys(errors).length > 0) return c.html(<LoginPage ctx={pageContext(c)} email={email} errors={errors} next={next} />, 422);
    const { database, config, clock } = c.get('deps');
    try {
      // Not in a transaction: a failed attempt is recorded even though the sign-in fails (login()).
      const { sessionToken, actor } = await login(database.db, { config, clock }, { email, password, ip: clientIp(c) });
      setCookie(c, SESSION_COOKIE, sessionToken, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: config.secureCookies,
        path: '/',
        maxAge: config.sessionAbsoluteHours * 3600,
      });
      rotateCsrfToken(c);
      if (!getCookie(c, LANGUAGE_COOKIE)) setLocale(c, actor.locale);
      return c.redirect(next, 303);
    } catch (error) {
      if (!(error instanceof AppError) || !['unauthenticated', 'tooManyRequests'].includes(error.code)) throw error;
      const ctx = pageContext(c);
      const message = ctx.locale === 'en' ? error.userMessageEn : error.userMessage;
      const status = error.code === 'tooManyRequests' ? 429 : 401;
      return c.html(<LoginPage ctx={ctx} email={email} errors={{ email: message }} next={next} />, status);
    }
  });

  app.post('/log-af', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    const { database, config, clock } = c.get('deps');
    if (token) await logout(database.db, { config, clock }, token);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.redirect('/log-ind?logget-af', 303);
  });

  app.post('/sprog', async (c) => {
    const body = await formBody(c);
    const lang = isLocale(body.lang) ? body.lang : 'da';
    const { database, config } = c.get('deps');
    setCookie(c, LANGUAGE_COOKIE, lang, { httpOnly: true, sameSite: 'Lax', secure: config.secureCookies, path: '/', maxAge: 365 * 86400 });
    const actor = c.get('actor');
    if (actor) await database.db.transaction().execute((tx) => setOwnLocale(tx, actor, lang));
    return c.redirect(safeNext(body.next), 303);
  });

  app.get('/nulstil-adgangskode', (c) => c.html(<ResetRequestPage ctx={pageContext(c)} />));

  app.post('/nulstil-adgangskode', async (c) => {
    const body = await formBody(c);
    const email = str(body.email).trim().toLowerCase();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      return c.html(<ResetRequestPage ctx={pageContext(c)} email={email} errors={{ email: 'Skriv en gyldig e-mailadresse, fx navn@kommune.dk.' }} />, 422);
    }
    const { database, config, clock } = c.get('deps');
    await database.db.transaction().execute((tx) => requestPasswordReset(tx, { config, clock }, email));
    return c.html(<ResetRequestPage ctx={pageContext(c)} sent />);
  });

  for (const [path, purpose] of [
    ['/nulstil-adgangskode/:token', 'passwordReset'],
    ['/invitation/:token', 'invitation'],
  ] as const) {
    const intro = (c: AppContext, user: { name: string; organisation_name: string }) =>
      purpose === 'invitation'
        ? c.get('t')('password.invitationIntro', { name: user.name, organisation: user.organisation_name })
        : c.get('t')('password.resetIntro', { name: user.name });

    app.get(path, async (c) => {
      const { database, config, clock } = c.get('deps');
      const user = await checkUserLink(database.db, { config, clock }, c.req.param('token'), purpose);
      return c.html(<ChoosePasswordPage ctx={pageContext(c)} action={new URL(c.req.url).pathname} intro={intro(c, user)} />);
    });

    app.post(path, async (c) => {
      const { database, config, clock } = c.get('deps');
      const token = c.req.param('token');
      const body = await formBody(c);
      try {
        await database.db.transaction().execute((tx) => setPasswordWithLink(tx, { config, clock }, token, purpose, body));
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'validation') throw error;
        const user = await checkUserLink(database.db, { config, clock }, token, purpose);
        return c.html(
          <ChoosePasswordPage ctx={pageContext(c)} action={new URL(c.req.url).pathname} intro={intro(c, user)} errors={errorsByField(error.fields)} />,
          422,
        );
      }
      const ctx = pageContext(c);
      return c.html(<LoginPage ctx={ctx} notice={ctx.t('password.saved')} />);
    });
  }

  return app;
}
