import type { Executor } from '../../db/database.ts';

export async function insertSession(db: Executor, values: { tokenHash: string; userId: string; now: Date; expiresAt: Date }): Promise<void> {
  await db
    .insertInto('sessions')
    .values({ token_hash: values.tokenHash, user_id: values.userId, created_at: values.now, last_seen_at: values.now, expires_at: values.expiresAt })
    .execute();
}

export function findSession(db: Executor, tokenHash: string) {
  return db.selectFrom('sessions').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function touchSession(db: Executor, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Executor, tokenHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Executor, userId: string): Promise<void> {
  await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
}

export async function insertUserToken(
  db: Executor,
  values: { tokenHash: string; userId: string; purpose: 'invitation' | 'passwordReset'; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('user_tokens')
    .values({ token_hash: values.tokenHash, user_id: values.userId, purpose: values.purpose, expires_at: values.expiresAt, used_at: null })
    .execute();
}

export function findUserToken(db: Executor, tokenHash: string) {
  return db.selectFrom('user_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
}

export async function markUserTokenUsed(db: Executor, tokenHash: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Any earlier unused link of the same purpose stops working when a new one is sent. */
export async function expireUserTokens(db: Executor, userId: string, purpose: 'invitation' | 'passwordReset', now: Date): Promise<void> {
  await db
    .updateTable('user_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .execute();
}

export async function insertLoginFailure(db: Executor, email: string, ip: string, now: Date): Promise<void> {
  await db.insertInto('login_failures').values({ email, ip, failed_at: now }).execute();
}

export async function countLoginFailures(db: Executor, since: Date, by: { email: string } | { ip: string }): Promise<number> {
  let query = db
    .selectFrom('login_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('failed_at', '>=', since);
  query = 'email' in by ? query.where('email', '=', by.email) : query.where('ip', '=', by.ip);
  return (await query.executeTakeFirstOrThrow()).n;
}

export async function clearLoginFailures(db: Executor, email: string): Promise<void> {
  await db.deleteFrom('login_failures').where('email', '=', email).execute();
}
