// The request pipeline before a route runs: request id and access log, language, the signed-in user.
import { randomUUID } from 'node:crypto';
import { getCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import { authenticateApiToken } from '../features/api-tokens/api-tokens.service.ts';
import { resolveSession } from '../features/auth/auth.service.ts';
import type { AppDeps, AppEnv } from './context.ts';
import { isLocale, translator, type Locale } from './i18n/index.ts';

export const SESSION_COOKIE = 'kp_session';
export const LANGUAGE_COOKIE = 'kp_lang';

export function requestContext(deps: AppDeps, isDemo: () => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const incoming = c.req.header('x-request-id');
    const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    const logger = deps.logger.child({ requestId });
    c.set('deps', deps);
    c.set('requestId', requestId);
    c.set('logger', logger);
    c.set('actor', null);
    c.set('isDemo', isDemo());
    setLocale(c, getCookie(c, LANGUAGE_COOKIE));
    c.header('X-Request-Id', requestId);
    const started = performance.now();
    await next();
    // Paths only, never query strings: they may carry search terms or tokens. A personal link's token
    // (43 base64url characters: referral links, evaluation links) is masked in the path as well.
    logger.info('request', {
      method: c.req.method,
      path: maskTokens(new URL(c.req.url).pathname),
      status: c.res.status,
      ms: Math.round(performance.now() - started),
      user: c.get('actor')?.userId,
    });
  };
}

/** "/evaluering/svar/<43-character token>" → "/evaluering/svar/[token]". */
export const maskTokens = (path: string) => path.replace(/\/[A-Za-z0-9_-]{43}(?=\/|$)/g, '/[token]');

export function setLocale(c: Parameters<MiddlewareHandler<AppEnv>>[0], wanted: string | undefined): Locale {
  const locale: Locale = isLocale(wanted) ? wanted : 'da';
  c.set('locale', locale);
  c.set('t', translator(locale));
  return locale;
}

/** Resolves the user from the session cookie (pages) or a bearer token (API). */
export const authentication: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { database, config, clock } = c.get('deps');
  const authorization = c.req.header('authorization');
  if (authorization?.startsWith('Bearer ')) {
    c.set('actor', await authenticateApiToken(database.db, config, clock, authorization.slice(7).trim(), c.get('requestId')));
  } else {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const actor = await resolveSession(database.db, { config, clock }, token, c.get('requestId'));
      c.set('actor', actor);
      // The user's own language choice wins over a stale cookie when there is no cookie.
      if (actor && !getCookie(c, LANGUAGE_COOKIE)) setLocale(c, actor.locale);
    }
  }
  return next();
};
