// Signing in and out, sessions with idle and absolute timeouts, throttling of repeated failures, and
// the single-use links for invitations and password resets.
import type { Config } from '../../config.ts';
import type { Executor } from '../../db/database.ts';
import { isRole, type UserActor } from '../../domain/actor.ts';
import { type Clock, days, minutes } from '../../domain/clock.ts';
import { AppError, validationFailed } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueMail } from '../mail/mail.service.ts';
import { findUserByEmail, findUserById, updateUserRow, type UserRow } from '../users/users.repository.ts';
import { newPasswordInput } from '../users/users.schema.ts';
import { fieldErrors } from '../validation.ts';
import {
  clearLoginFailures,
  countLoginFailures,
  deleteSession,
  deleteSessionsOfUser,
  expireUserTokens,
  findSession,
  findUserToken,
  insertLoginFailure,
  insertSession,
  insertUserToken,
  markUserTokenUsed,
  touchSession,
} from './auth.repository.ts';
import { invitationMail, passwordResetMail } from './auth.mails.ts';
import { decoyPasswordHash, hashPassword, verifyPassword } from './password.ts';
import { randomToken, tokenHash } from './tokens.ts';

export interface AuthDeps {
  config: Config;
  clock: Clock;
}

// Throttling: 5 failures for one e-mail or 20 from one address within 15 minutes lock further
// attempts until the window has passed (OWASP authentication cheat sheet: limit, don't lock forever).
export const throttle = { window: minutes(15), perEmail: 5, perIp: 20 };
export const invitationValidity = days(7);
export const passwordResetValidity = minutes(60);
// last_seen_at is written at most once a minute: a page with many requests costs one update.
const touchInterval = minutes(1);

export function actorFromUser(user: UserRow, requestId?: string): UserActor {
  return {
    kind: 'user',
    userId: user.id,
    name: user.name,
    organisationId: user.organisation_id,
    organisationName: user.organisation_name,
    organisationKind: user.organisation_kind,
    regionCode: user.region_code,
    roles: user.roles.filter(isRole),
    locale: user.locale,
    requestId,
  };
}

const wrongCredentials = () =>
  new AppError('unauthenticated', 'Forkert e-mail eller adgangskode.', {
    en: 'Wrong e-mail or password.',
    fields: [{ field: 'email', message: 'Forkert e-mail eller adgangskode.' }],
  });

/**
 * Signs a user in. Takes the database, not a transaction: a failed attempt must be recorded even
 * though the call fails (inside a transaction the failure would roll back with it, and the throttle
 * would never count). The writes of a successful sign-in happen in one transaction of their own.
 */
export async function login(db: Executor, deps: AuthDeps, input: { email: string; password: string; ip: string }) {
  if (db.isTransaction) throw new Error('login() records failed attempts itself: call it with the database, not inside a transaction');
  const email = input.email.trim().toLowerCase();
  const now = deps.clock.now();
  const since = new Date(now.getTime() - throttle.window);
  const [byEmail, byIp] = await Promise.all([countLoginFailures(db, since, { email }), countLoginFailures(db, since, { ip: input.ip })]);
  if (byEmail >= throttle.perEmail || byIp >= throttle.perIp) {
    throw new AppError('tooManyRequests', 'For mange mislykkede login-forsøg. Vent 15 minutter, og prøv igen – eller nulstil din adgangskode.', {
      en: 'Too many failed sign-in attempts. Wait 15 minutes and try again, or reset your password.',
    });
  }
  const user = await findUserByEmail(db, email);
  const valid = user?.password_hash
    ? await verifyPassword(user.password_hash, input.password)
    : (await verifyPassword(await decoyPasswordHash(), input.password), false);
  if (!user || !valid || !user.active) {
    await insertLoginFailure(db, email, input.ip, now);
    throw wrongCredentials();
  }
  const token = randomToken();
  await db.transaction().execute(async (tx) => {
    await clearLoginFailures(tx, email);
    await updateUserRow(tx, user.id, { last_login_at: now });
    await insertSession(tx, {
      tokenHash: tokenHash(deps.config.sessionSecret, token),
      userId: user.id,
      now,
      expiresAt: new Date(now.getTime() + deps.config.sessionAbsoluteHours * 3_600_000),
    });
  });
  return { sessionToken: token, actor: actorFromUser(user) };
}

/** The signed-in user behind a session cookie, or null when it is unknown, expired or idle too long. */
export async function resolveSession(db: Executor, deps: AuthDeps, token: string, requestId?: string): Promise<UserActor | null> {
  const hash = tokenHash(deps.config.sessionSecret, token);
  const session = await findSession(db, hash);
  if (!session) return null;
  const now = deps.clock.now();
  const idleLimit = session.last_seen_at.getTime() + deps.config.sessionIdleMinutes * 60_000;
  if (session.expires_at.getTime() <= now.getTime() || idleLimit <= now.getTime()) {
    await deleteSession(db, hash);
    return null;
  }
  const user = await findUserById(db, session.user_id);
  if (!user || !user.active) {
    await deleteSession(db, hash);
    return null;
  }
  if (now.getTime() - session.last_seen_at.getTime() >= touchInterval) await touchSession(db, hash, now);
  return actorFromUser(user, requestId);
}

export async function logout(db: Executor, deps: AuthDeps, token: string): Promise<void> {
  await deleteSession(db, tokenHash(deps.config.sessionSecret, token));
}

/** Creates a single-use link for an invitation or a password reset and returns its URL. */
export async function issueUserLink(db: Executor, deps: AuthDeps, userId: string, purpose: 'invitation' | 'passwordReset'): Promise<string> {
  const now = deps.clock.now();
  await expireUserTokens(db, userId, purpose, now);
  const token = randomToken();
  const validity = purpose === 'invitation' ? invitationValidity : passwordResetValidity;
  await insertUserToken(db, { tokenHash: tokenHash(deps.config.sessionSecret, token), userId, purpose, expiresAt: new Date(now.getTime() + validity) });
  const path = purpose === 'invitation' ? '/invitation' : '/nulstil-adgangskode';
  return `${deps.config.baseUrl}${path}/${token}`;
}

export async function sendInvitation(db: Executor, deps: AuthDeps, user: UserRow): Promise<string> {
  const link = await issueUserLink(db, deps, user.id, 'invitation');
  const mail = invitationMail(user.locale, { name: user.name, organisationName: user.organisation_name, link, validDays: invitationValidity / days(1) });
  await queueMail(db, { to: user.email, ...mail });
  return link;
}

/** Always answers the same way, so the form does not tell who has an account. */
export async function requestPasswordReset(db: Executor, deps: AuthDeps, email: string): Promise<void> {
  const user = await findUserByEmail(db, email);
  if (!user || !user.active || user.password_hash === null) return;
  const link = await issueUserLink(db, deps, user.id, 'passwordReset');
  const mail = passwordResetMail(user.locale, { name: user.name, link, validMinutes: passwordResetValidity / minutes(1) });
  await queueMail(db, { to: user.email, ...mail });
}

const invalidLink = () =>
  new AppError('gone', 'Linket er ugyldigt, udløbet eller allerede brugt. Bed om et nyt.', {
    en: 'The link is invalid, has expired or has already been used. Ask for a new one.',
  });

/** Checks a link before its form is shown; returns the user it belongs to. */
export async function checkUserLink(db: Executor, deps: AuthDeps, token: string, purpose: 'invitation' | 'passwordReset'): Promise<UserRow> {
  const row = await findUserToken(db, tokenHash(deps.config.sessionSecret, token));
  if (!row || row.purpose !== purpose || row.used_at !== null || row.expires_at.getTime() <= deps.clock.now().getTime()) throw invalidLink();
  const user = await findUserById(db, row.user_id);
  if (!user || !user.active) throw invalidLink();
  return user;
}

/** Sets the password through an invitation or reset link, uses the link up and ends all sessions. */
export async function setPasswordWithLink(
  db: Executor,
  deps: AuthDeps,
  token: string,
  purpose: 'invitation' | 'passwordReset',
  input: unknown,
): Promise<UserRow> {
  const user = await checkUserLink(db, deps, token, purpose);
  const parsed = newPasswordInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  if (!(await markUserTokenUsed(db, tokenHash(deps.config.sessionSecret, token), deps.clock.now()))) throw invalidLink();
  await updateUserRow(db, user.id, { password_hash: await hashPassword(parsed.data.password) });
  await deleteSessionsOfUser(db, user.id);
  await recordAudit(db, actorFromUser(user), {
    action: 'update',
    entityType: 'user',
    entityId: user.id,
    after: { event: 'passwordSet', through: purpose },
  });
  return user;
}
