import { hasRole, type Actor, type Role } from '../domain/actor.ts';
import { forbidden } from '../domain/errors.ts';

/** Throws `forbidden` unless the actor has one of the roles. Services call this first. */
export function requireRole(actor: Actor, ...wanted: Role[]): void {
  if (!hasRole(actor, ...wanted)) throw forbidden(`requires one of ${wanted.join(', ')}`);
}
