// User administration: admins invite, change roles and deactivate. A deactivated user's sessions
// and API tokens end at once.
import type { Executor } from '../../db/database.ts';
import type { Actor } from '../../domain/actor.ts';
import { AppError, notFound, validationFailed } from '../../domain/errors.ts';
import { revokeAllApiTokensOfUser } from '../api-tokens/api-tokens.repository.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { deleteSessionsOfUser } from '../auth/auth.repository.ts';
import { issueUserLink, sendInvitation, type AuthDeps } from '../auth/auth.service.ts';
import { hashPassword } from '../auth/password.ts';
import { requireRole } from '../authorization.ts';
import { findOrganisation } from '../organisations/organisations.repository.ts';
import { fieldErrors } from '../validation.ts';
import { findUserByEmail, findUserById, findUsers, insertUser, toUser, updateUserRow } from './users.repository.ts';
import { createUserInput, inviteUserInput, updateUserInput, type User } from './users.schema.ts';

export async function listUsers(db: Executor, actor: Actor): Promise<User[]> {
  requireRole(actor, 'admin');
  return (await findUsers(db)).map(toUser);
}

export async function getUser(db: Executor, actor: Actor, id: string): Promise<User> {
  requireRole(actor, 'admin');
  const row = await findUserById(db, id);
  if (!row) throw notFound('Brugeren', 'The user was not found.');
  return toUser(row);
}

async function assertNewUser(db: Executor, email: string, organisationId: string): Promise<void> {
  if (await findUserByEmail(db, email)) {
    throw new AppError('conflict', `Der findes allerede en bruger med e-mailen ${email}.`, {
      en: `A user with the e-mail ${email} already exists.`,
      fields: [{ field: 'email', message: 'E-mailadressen er allerede i brug.' }],
    });
  }
  if (!(await findOrganisation(db, organisationId))) throw validationFailed([{ field: 'organisationId', message: 'Organisationen findes ikke.' }]);
}

/**
 * Creates the user without a password and a single-use link to choose one, e-mailed to the user
 * (or, for the command line, only returned so it can be handed over another way).
 */
export async function inviteUser(
  db: Executor,
  deps: AuthDeps,
  actor: Actor,
  input: unknown,
  options: { sendMail?: boolean } = {},
): Promise<{ user: User; link: string }> {
  requireRole(actor, 'admin');
  const parsed = inviteUserInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const value = parsed.data;
  await assertNewUser(db, value.email, value.organisationId);
  const id = await insertUser(db, { ...value, passwordHash: null, isDemo: false });
  const row = (await findUserById(db, id))!;
  const link = options.sendMail === false ? await issueUserLink(db, deps, id, 'invitation') : await sendInvitation(db, deps, row);
  const user = toUser(row);
  await recordAudit(db, actor, { action: 'create', entityType: 'user', entityId: id, after: user });
  return { user, link };
}

export async function resendInvitation(db: Executor, deps: AuthDeps, actor: Actor, id: string): Promise<void> {
  requireRole(actor, 'admin');
  const row = await findUserById(db, id);
  if (!row) throw notFound('Brugeren', 'The user was not found.');
  if (row.password_hash !== null) throw new AppError('conflict', 'Brugeren har allerede valgt en adgangskode.', { en: 'The user has already chosen a password.' });
  await sendInvitation(db, deps, row);
}

/** For the command line and demo data: a user with a password, no invitation. */
export async function createUserWithPassword(db: Executor, actor: Actor, input: unknown, options: { isDemo?: boolean } = {}): Promise<User> {
  requireRole(actor, 'admin');
  const parsed = createUserInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const { password, ...value } = parsed.data;
  await assertNewUser(db, value.email, value.organisationId);
  const id = await insertUser(db, { ...value, passwordHash: await hashPassword(password), isDemo: options.isDemo ?? false });
  const user = toUser((await findUserById(db, id))!);
  await recordAudit(db, actor, { action: 'create', entityType: 'user', entityId: id, after: user });
  return user;
}

export async function updateUser(db: Executor, actor: Actor, id: string, input: unknown): Promise<User> {
  const before = await getUser(db, actor, id);
  const parsed = updateUserInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  if (!(await findOrganisation(db, parsed.data.organisationId))) throw validationFailed([{ field: 'organisationId', message: 'Organisationen findes ikke.' }]);
  if (actor.kind === 'user' && actor.userId === id && !parsed.data.roles.includes('admin')) {
    throw validationFailed([{ field: 'roles', message: 'Du kan ikke fjerne din egen administratorrolle.' }]);
  }
  await updateUserRow(db, id, { name: parsed.data.name, organisation_id: parsed.data.organisationId, roles: parsed.data.roles });
  const after = await getUser(db, actor, id);
  await recordAudit(db, actor, { action: 'update', entityType: 'user', entityId: id, before, after });
  return after;
}

export async function setUserActive(db: Executor, actor: Actor, id: string, active: boolean): Promise<User> {
  const before = await getUser(db, actor, id);
  if (!active && actor.kind === 'user' && actor.userId === id) {
    throw new AppError('validation', 'Du kan ikke deaktivere dig selv.', { en: 'You cannot deactivate yourself.' });
  }
  await updateUserRow(db, id, { active });
  if (!active) {
    await deleteSessionsOfUser(db, id);
    await revokeAllApiTokensOfUser(db, id, new Date());
  }
  const after = await getUser(db, actor, id);
  await recordAudit(db, actor, { action: 'update', entityType: 'user', entityId: id, before, after });
  return after;
}

/** A user's own language, used for pages and for the e-mails Knudepunkt sends them. */
export async function setOwnLocale(db: Executor, actor: Actor, locale: 'da' | 'en'): Promise<void> {
  if (actor.kind !== 'user' || actor.locale === locale) return;
  await updateUserRow(db, actor.userId, { locale });
  await recordAudit(db, actor, { action: 'update', entityType: 'user', entityId: actor.userId, before: { locale: actor.locale }, after: { locale } });
}
