// One table from error code to HTTP status, and one place that turns an error into a response: the
// DKFDS error page for browsers, the JSON error shape for /api/v1.
import { getCookie } from 'hono/cookie';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { AppError, type ErrorCode } from '../domain/errors.ts';
import type { AppContext, PageContext } from './context.ts';
import { pageContext } from './context.ts';
import type { MessageKey } from './i18n/index.ts';
import { Page } from './layout.tsx';
import { SESSION_COOKIE } from './middleware.ts';

export const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  tooManyRequests: 429,
  csrf: 403,
  gone: 410,
};

/** The API's one error shape (documented in the OpenAPI document as `Error`). */
export interface ApiErrorBody {
  error: { code: ErrorCode | 'internal'; message: string; requestId: string; fields?: { field: string; message: string }[] };
}

export function isApiRequest(c: AppContext): boolean {
  return new URL(c.req.url).pathname.startsWith('/api/');
}

const pageTexts: Partial<Record<ErrorCode, [MessageKey, MessageKey]>> = {
  notFound: ['error.notFound.title', 'error.notFound.text'],
  forbidden: ['error.forbidden.title', 'error.forbidden.text'],
  csrf: ['error.csrf.title', 'error.csrf.text'],
};

export const ErrorPage = (props: { ctx: PageContext; title: string; text: string }) => (
  <Page ctx={props.ctx} title={props.title}>
    <h1>{props.title}</h1>
    <p class="font-lead">{props.text}</p>
    <p>
      <a href="/" class="button button-primary">
        {props.ctx.t('error.backHome')}
      </a>
    </p>
  </Page>
);

export function renderError(c: AppContext, error: unknown): Response | Promise<Response> {
  const requestId = c.get('requestId') ?? 'unknown';
  if (!(error instanceof AppError)) {
    c.get('logger')?.error('unhandled error', { error: error instanceof Error ? error : String(error), path: new URL(c.req.url).pathname });
  }
  const appError = error instanceof AppError ? error : null;
  const status = appError ? statusOf[appError.code] : 500;
  if (isApiRequest(c)) {
    const body: ApiErrorBody = {
      error: {
        code: appError?.code ?? 'internal',
        message: appError ? appError.userMessage : 'Der skete en uventet fejl.',
        requestId,
        ...(appError && appError.fields.length > 0 ? { fields: appError.fields } : {}),
      },
    };
    return c.json(body, status);
  }
  if (appError?.code === 'unauthenticated') {
    const next = new URL(c.req.url).pathname;
    // A session cookie that no longer resolves means the session timed out: say so on the login page.
    const expired = getCookie(c, SESSION_COOKIE) ? '&udloebet' : '';
    return c.redirect(`/log-ind?next=${encodeURIComponent(next)}${expired}`, 303);
  }
  const ctx = pageContext(c);
  const keys = appError ? pageTexts[appError.code] : undefined;
  const title = keys ? ctx.t(keys[0]) : appError?.code === 'tooManyRequests' ? ctx.t('error.tooMany.title') : ctx.t('error.server.title');
  const text = keys ? ctx.t(keys[1]) : appError ? (ctx.locale === 'en' ? appError.userMessageEn : appError.userMessage) : ctx.t('error.server.text', { requestId });
  return c.html(<ErrorPage ctx={ctx} title={title} text={text} />, status);
}
