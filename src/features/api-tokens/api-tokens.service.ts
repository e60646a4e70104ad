// Personal API tokens for integrations: shown once when created, stored only as an HMAC, revocable.
// A token acts as its user, with the user's roles and organisation.
import type { Config } from '../../config.ts';
import type { Executor } from '../../db/database.ts';
import type { Actor, UserActor } from '../../domain/actor.ts';
import type { Clock } from '../../domain/clock.ts';
import { forbidden, notFound, validationFailed } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { actorFromUser } from '../auth/auth.service.ts';
import { randomToken, tokenHash } from '../auth/tokens.ts';
import { findUserById } from '../users/users.repository.ts';
import { fieldErrors, isUuid } from '../validation.ts';
import { findActiveApiToken, findApiTokensOfUser, insertApiToken, markApiTokenUsed, revokeApiTokenRow } from './api-tokens.repository.ts';
import { apiTokenInput, type ApiToken } from './api-tokens.schema.ts';

const TOKEN_PREFIX = 'kp_';

type ApiTokenRow = Awaited<ReturnType<typeof findApiTokensOfUser>>[number];

function toApiToken(row: ApiTokenRow): ApiToken {
  return {
    id: row.id,
    name: row.name,
    prefix: row.token_prefix,
    createdAt: row.created_at.toISOString(),
    lastUsedAt: row.last_used_at ? row.last_used_at.toISOString() : null,
    revokedAt: row.revoked_at ? row.revoked_at.toISOString() : null,
  };
}

function requireUser(actor: Actor): UserActor {
  if (actor.kind !== 'user') throw forbidden('API tokens belong to users');
  return actor;
}

export async function listApiTokens(db: Executor, actor: Actor): Promise<ApiToken[]> {
  return (await findApiTokensOfUser(db, requireUser(actor).userId)).map(toApiToken);
}

/** Returns the token itself once; only its HMAC is kept. */
export async function createApiToken(db: Executor, config: Config, actor: Actor, input: unknown): Promise<{ token: string; apiToken: ApiToken }> {
  const user = requireUser(actor);
  const parsed = apiTokenInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const token = TOKEN_PREFIX + randomToken();
  const row = await insertApiToken(db, {
    userId: user.userId,
    name: parsed.data.name,
    tokenHash: tokenHash(config.sessionSecret, token),
    tokenPrefix: token.slice(0, TOKEN_PREFIX.length + 6),
  });
  const apiToken = toApiToken(row);
  await recordAudit(db, actor, { action: 'create', entityType: 'apiToken', entityId: apiToken.id, after: apiToken });
  return { token, apiToken };
}

export async function revokeApiToken(db: Executor, clock: Clock, actor: Actor, id: string): Promise<void> {
  const user = requireUser(actor);
  if (!isUuid(id) || !(await revokeApiTokenRow(db, id, user.userId, clock.now()))) throw notFound('API-nøglen', 'The API token was not found.');
  await recordAudit(db, actor, { action: 'update', entityType: 'apiToken', entityId: id, after: { revoked: true } });
}

/** The user behind a bearer token, or null. */
export async function authenticateApiToken(db: Executor, config: Config, clock: Clock, token: string, requestId?: string): Promise<UserActor | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const row = await findActiveApiToken(db, tokenHash(config.sessionSecret, token));
  if (!row) return null;
  const user = await findUserById(db, row.user_id);
  if (!user || !user.active) return null;
  const now = clock.now();
  if (!row.last_used_at || now.getTime() - row.last_used_at.getTime() > 60_000) await markApiTokenUsed(db, row.id, now);
  return actorFromUser(user, requestId);
}
