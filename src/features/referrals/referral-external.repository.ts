// SQL of the external receivers' links (referral-external.service.ts): the links (only an HMAC of the
// token), the failed look-ups of the public page (throttling), and the receiving organisation's e-mail.
import type { Executor } from '../../db/database.ts';
import { isUuid } from '../validation.ts';

export async function findOrganisationContact(db: Executor, organisationId: string) {
  if (!isUuid(organisationId)) return undefined;
  return db.selectFrom('organisations').select(['id', 'name', 'kind', 'email', 'active']).where('id', '=', organisationId).executeTakeFirst();
}

/** Any earlier link of the referral stops working when a new one is sent (one active link). */
export async function revokeReferralLinks(db: Executor, referralId: string, now: Date): Promise<void> {
  await db.updateTable('referral_links').set({ revoked_at: now }).where('referral_id', '=', referralId).where('used_at', 'is', null).where('revoked_at', 'is', null).execute();
}

export async function insertReferralLink(db: Executor, values: { referralId: string; tokenHash: string; email: string; now: Date; expiresAt: Date }): Promise<string> {
  const row = await db
    .insertInto('referral_links')
    .values({ referral_id: values.referralId, token_hash: values.tokenHash, email: values.email, created_at: values.now, expires_at: values.expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findReferralLinkByHash(db: Executor, tokenHash: string, options: { forUpdate?: boolean } = {}) {
  let query = db.selectFrom('referral_links').selectAll().where('token_hash', '=', tokenHash);
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** The latest link of a referral (for the sender's page). */
export function findLatestReferralLink(db: Executor, referralId: string) {
  return db.selectFrom('referral_links').select(['id', 'email', 'created_at', 'expires_at', 'used_at', 'revoked_at']).where('referral_id', '=', referralId).orderBy('created_at', 'desc').orderBy('id').limit(1).executeTakeFirst();
}

/** Uses the link up; false when it was already used or revoked (a second submit, a race). */
export async function markReferralLinkUsed(db: Executor, id: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('referral_links').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function insertReferralLinkFailure(db: Executor, ip: string, now: Date, keepSince: Date): Promise<void> {
  // Only the throttling window is needed: older rows go as new ones come (no job of their own).
  await db.deleteFrom('referral_link_failures').where('failed_at', '<', keepSince).execute();
  await db.insertInto('referral_link_failures').values({ ip, failed_at: now }).execute();
}

export async function countReferralLinkFailures(db: Executor, ip: string, since: Date): Promise<number> {
  const row = await db
    .selectFrom('referral_link_failures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('ip', '=', ip)
    .where('failed_at', '>=', since)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
