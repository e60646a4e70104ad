import type { Role, UserActor } from '../domain/actor.ts';
import { AppError } from '../domain/errors.ts';
import { requireRole } from '../features/authorization.ts';
import type { AppContext } from './context.ts';

/** The signed-in user, or an `unauthenticated` error (a redirect to the login page for pages). */
export function requireActor(c: AppContext, ...roles: Role[]): UserActor {
  const actor = c.get('actor');
  if (!actor) throw new AppError('unauthenticated', 'Du skal logge ind.', { en: 'You must log in.' });
  if (roles.length > 0) requireRole(actor, ...roles);
  return actor;
}

/** A local path to return to after a form, never another site (open redirects). */
export function safeNext(next: unknown, fallback = '/'): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : fallback;
}

/** Form body with repeated fields (checkboxes) as arrays; files are ignored here. */
export async function formBody(c: AppContext): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const result: Record<string, string | string[]> = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === '_csrf') continue;
    if (Array.isArray(value)) result[key] = value.filter((item): item is string => typeof item === 'string');
    else if (typeof value === 'string') result[key] = value;
  }
  return result;
}
