// /api/v1: every operation validated, authorized and answered the same way; errors in one JSON
// shape (errors.tsx). The OpenAPI document and a readable docs page are generated from the same list.
import { Hono } from 'hono';
import { AppError, validationFailed } from '../../domain/errors.ts';
import { fieldErrors } from '../../features/validation.ts';
import { requireRole } from '../../features/authorization.ts';
import { pageContext, type AppContext, type AppEnv } from '../context.ts';
import { ApiDocsPage } from './docs.views.tsx';
import { openApiDocument } from './openapi.ts';
import type { ApiOperation } from './operation.ts';
import { apiOperations } from './operations.ts';

function parseWith<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } } | undefined, value: unknown, prefix: string): T {
  if (!schema) return undefined as T;
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error).map((e) => ({ ...e, field: prefix ? `${prefix}.${e.field}` : e.field })));
  return parsed.data;
}

async function jsonBody(c: AppContext): Promise<unknown> {
  const text = await c.req.text();
  try {
    return text === '' ? {} : JSON.parse(text);
  } catch (error) {
    throw new AppError('validation', `Forespørgslens indhold er ikke gyldig JSON: ${(error as Error).message}`, { en: 'The request body is not valid JSON.' });
  }
}

function handle(op: ApiOperation) {
  return async (c: AppContext) => {
    const actor = c.get('actor');
    if (!actor) {
      throw new AppError('unauthenticated', 'Send en gyldig API-nøgle i headeren "Authorization: Bearer <nøgle>".', {
        en: 'Send a valid API token in the header "Authorization: Bearer <token>".',
      });
    }
    if (op.roles.length > 0) requireRole(actor, ...op.roles);
    const input = {
      params: parseWith(op.params, c.req.param(), 'params'),
      query: parseWith(op.query, c.req.query(), 'query'),
      body: op.body ? parseWith(op.body, await jsonBody(c), '') : undefined,
    };
    const result = await op.handler(c, actor, input);
    return c.json(op.response.parse(result) as object, op.status ?? 200);
  };
}

export function apiRouter(operations: ApiOperation[] = apiOperations): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/openapi.json', (c) => c.json(openApiDocument(operations, c.get('deps').config.baseUrl)));
  app.get('/docs', (c) => c.html(<ApiDocsPage ctx={pageContext(c)} document={openApiDocument(operations, c.get('deps').config.baseUrl)} />));
  for (const op of operations) app.on(op.method.toUpperCase(), op.path, handle(op));
  return app;
}
