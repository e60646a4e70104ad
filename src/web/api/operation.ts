// An API operation is described once — path, schemas, roles, handler — and that description both
// serves the request (validation, authorization, response) and writes the OpenAPI document.
import type { z } from 'zod';
import type { Role, UserActor } from '../../domain/actor.ts';
import type { AppContext } from '../context.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ApiInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface ApiOperation<P = unknown, Q = unknown, B = unknown, R = unknown> {
  method: HttpMethod;
  /** Hono path below /api/v1, e.g. '/organisations/:id'. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  /** Roles allowed; empty means any signed-in user. */
  roles: Role[];
  params?: z.ZodType<P>;
  query?: z.ZodType<Q>;
  body?: z.ZodType<B>;
  response: z.ZodType<R>;
  status?: 200 | 201;
  handler: (c: AppContext, actor: UserActor, input: ApiInput<P, Q, B>) => Promise<R>;
}

/** Keeps the generic types of one operation together (TypeScript infers them from the schemas). */
export function defineOperation<P, Q, B, R>(operation: ApiOperation<P, Q, B, R>): ApiOperation {
  return operation as unknown as ApiOperation;
}
