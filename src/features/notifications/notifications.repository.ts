import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { NotificationKind } from '../../db/tables/notifications.ts';

export interface NotificationRecipient {
  id: string;
  email: string;
  name: string;
  /** The user's choice for this kind; absent row = e-mail on. */
  wantsEmail: boolean;
}

/** The active users among `userIds`, with their e-mail choice for `kind`. */
export async function findRecipientsByIds(db: Executor, userIds: string[], kind: NotificationKind): Promise<NotificationRecipient[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('notification_preferences as p', (join) => join.onRef('p.user_id', '=', 'u.id').on('p.kind', '=', kind))
    .select(['u.id', 'u.email', 'u.name', 'p.email as wants_email'])
    .where('u.id', 'in', userIds)
    .where('u.active', '=', true)
    .orderBy('u.id')
    .execute();
  return rows.map((row) => ({ id: row.id, email: row.email, name: row.name, wantsEmail: row.wants_email ?? true }));
}

/** The active advisers and managers of an organisation (who work its referral inbox). */
export async function findOrganisationHandlerIds(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('id')
    .where('organisation_id', '=', organisationId)
    .where('active', '=', true)
    .where(sql<boolean>`roles && array['adviser', 'manager']::text[]`)
    .execute();
  return rows.map((row) => row.id);
}

export interface NewNotification {
  userId: string;
  kind: NotificationKind;
  referralId: string;
  title: string;
  body: string;
  createdAt: Date;
}

/**
 * Inserts the notifications; one the unique index already holds (a new or overdue referral told to the
 * same user again) is skipped. Returns the rows actually written.
 */
export async function insertNotifications(db: Executor, rows: NewNotification[]): Promise<{ id: string; user_id: string }[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('notifications')
    .values(rows.map((row) => ({ user_id: row.userId, kind: row.kind, referral_id: row.referralId, title: row.title, body: row.body, created_at: row.createdAt })))
    .onConflict((oc) => oc.doNothing())
    .returning(['id', 'user_id'])
    .execute();
}

/** Claims a notification's e-mail: returns it (with its user) once, and never again. */
export async function claimNotificationEmail(db: Executor, id: string, at: Date) {
  const claimed = await db
    .updateTable('notifications')
    .set({ email_queued_at: at })
    .where('id', '=', id)
    .where('email_queued_at', 'is', null)
    .returning(['id', 'user_id', 'kind', 'referral_id', 'title', 'body'])
    .executeTakeFirst();
  if (!claimed) return undefined;
  const user = await db.selectFrom('users').select(['email', 'name', 'active']).where('id', '=', claimed.user_id).executeTakeFirst();
  return user ? { ...claimed, user } : undefined;
}

export async function findNotificationsOfUser(db: Executor, userId: string, limit: number) {
  return db
    .selectFrom('notifications')
    .select(['id', 'kind', 'referral_id', 'title', 'body', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy(sql`read_at is null`, 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
}

export async function countUnread(db: Executor, userId: string): Promise<number> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Marks one (by id) or all of a user's unread notifications read; returns how many changed. */
export async function markRead(db: Executor, userId: string, at: Date, id?: string): Promise<number> {
  let query = db.updateTable('notifications').set({ read_at: at }).where('user_id', '=', userId).where('read_at', 'is', null);
  if (id) query = query.where('id', '=', id);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function findPreferences(db: Executor, userId: string) {
  return db.selectFrom('notification_preferences').select(['kind', 'email']).where('user_id', '=', userId).execute();
}

export async function upsertPreference(db: Executor, userId: string, kind: NotificationKind, email: boolean): Promise<void> {
  await db
    .insertInto('notification_preferences')
    .values({ user_id: userId, kind, email })
    .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ email }))
    .execute();
}
