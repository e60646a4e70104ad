// Security headers and CSRF protection for every page and form.
//
// CSRF: a random token lives in an HttpOnly SameSite=Lax cookie and is repeated in every form (hidden
// field `_csrf`) and htmx request (header X-CSRF-Token); a state-changing request whose two values
// differ is refused. Requests with an Origin header from another site are refused too. Bearer-token
// API calls carry no cookies and are exempt. (OWASP CSRF cheat sheet: double-submit cookie + origin.)
import { getCookie, setCookie } from 'hono/cookie';
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../domain/errors.ts';
import { randomToken, safeEqual } from '../features/auth/tokens.ts';
import type { AppEnv } from './context.ts';

export const CSRF_COOKIE = 'kp_csrf';
export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

// Only our own files: no inline scripts or styles, no third parties, no framing.
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

export const securityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  c.header('Content-Security-Policy', contentSecurityPolicy);
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  c.header('Referrer-Policy', 'same-origin');
  c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=()');
  c.header('Cross-Origin-Opener-Policy', 'same-origin');
  if (c.get('deps').config.secureCookies) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
};

const safeMethods = new Set(['GET', 'HEAD', 'OPTIONS']);

export const csrfProtection: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { config } = c.get('deps');
  let token = getCookie(c, CSRF_COOKIE);
  if (!token || token.length < 20) {
    token = randomToken();
    setCookie(c, CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: config.secureCookies, path: '/' });
  }
  c.set('csrfToken', token);
  const bearer = c.req.header('authorization')?.startsWith('Bearer ');
  if (safeMethods.has(c.req.method) || bearer) return next();

  const origin = c.req.header('origin');
  if (origin && origin !== 'null' && origin !== new URL(config.baseUrl).origin && origin !== new URL(c.req.url).origin) {
    throw new AppError('csrf', 'Forespørgslen kom fra et andet websted og blev afvist.', { en: 'The request came from another site and was refused.' });
  }
  let sent = c.req.header(CSRF_HEADER);
  if (!sent) {
    const type = c.req.header('content-type') ?? '';
    if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
      const body = await c.req.parseBody();
      const field = body[CSRF_FIELD];
      sent = typeof field === 'string' ? field : undefined;
    }
  }
  if (!sent || !safeEqual(sent, getCookie(c, CSRF_COOKIE) ?? '')) {
    throw new AppError('csrf', 'Formularen var forældet eller kom ikke fra Knudepunkt. Genindlæs siden, og prøv igen.', {
      en: 'The form had expired or did not come from Knudepunkt. Reload the page and try again.',
    });
  }
  return next();
};

/** After login the CSRF token is replaced, so a token planted before login is worthless after. */
export function rotateCsrfToken(c: Parameters<MiddlewareHandler<AppEnv>>[0]): void {
  const token = randomToken();
  setCookie(c, CSRF_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: c.get('deps').config.secureCookies, path: '/' });
  c.set('csrfToken', token);
}
