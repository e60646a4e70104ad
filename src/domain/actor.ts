// Who is doing something. Every service takes an Actor and checks what it may do (authorization lives
// in services, not only in routes); the audit log records it.
import type { OrganisationKind } from '../db/schema.ts';

export const roles = ['adviser', 'manager', 'kkr', 'admin', 'viewer'] as const;
export type Role = (typeof roles)[number];

export interface UserActor {
  kind: 'user';
  userId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  organisationKind: OrganisationKind;
  /** The region the organisation works in (1081–1085); data is shared within it (02-crm.md). */
  regionCode: number | null;
  roles: Role[];
  locale: 'da' | 'en';
  requestId?: string | undefined;
}

/** The platform itself: seeding, migrations, scheduled jobs, the command line. */
export interface SystemActor {
  kind: 'system';
  name: string;
  requestId?: string | undefined;
}

export type Actor = UserActor | SystemActor;

export const systemActor = (name: string): SystemActor => ({ kind: 'system', name });

export function hasRole(actor: Actor, ...wanted: Role[]): boolean {
  return actor.kind === 'system' || wanted.some((role) => actor.roles.includes(role));
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
