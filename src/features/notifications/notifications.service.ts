// Notifications (issue 5): in-app and by e-mail, on a new referral, a state change and an overdue
// referral. `notifyReferral` runs inside the caller's transaction: it writes the in-app notifications
// and, for each recipient whose preference allows it (no row = e-mail on), enqueues the e-mail — so
// both exist exactly when the change that caused them was committed. The e-mail is a
// `notifications.email` job, which builds the message with the absolute link (config.baseUrl, known to
// the job runner, not to the services) and hands it to `queueMail` (the sendMail job: outbox or SMTP).
//
// Never twice for the same event: a new and an overdue referral are unique per user in the table
// (notifications_once), and a notification's e-mail is claimed once (email_queued_at).
//
// Who is told:
// - new referral → the advisers and managers of the receiving organisation;
// - state change → the sending adviser, and for changes the sender makes (withdrawal) the receiving
//   organisation's handler, if any;
// - overdue → the receiving organisation's advisers and managers and the sending adviser.
// Never the user who made the change. The texts hold the company, the organisations and the theme —
// what both organisations see anyway — never the note, reason or contact person.
import { z } from 'zod';
import type { Executor } from '../../db/database.ts';
import type { UserActor } from '../../domain/actor.ts';
import type { Clock } from '../../domain/clock.ts';
import { notFound, validationFailed } from '../../domain/errors.ts';
import { referralOutcomeLabels, referralStateLabels, type ReferralState } from '../../domain/referrals/referral-states.ts';
import { serviceGoalDeadline } from '../../domain/referrals/service-goal.ts';
import { defineJob } from '../../jobs/definitions.ts';
import { enqueueJob } from '../../jobs/queue.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { queueMail } from '../mail/mail.service.ts';
import type { Referral } from '../referrals/referrals.schema.ts';
import { fieldErrors } from '../validation.ts';
import {
  claimNotificationEmail,
  countUnread,
  findNotificationsOfUser,
  findOrganisationHandlerIds,
  findPreferences,
  findRecipientsByIds,
  insertNotifications,
  markRead,
  upsertPreference,
} from './notifications.repository.ts';
import { notificationKindLabels, notificationKinds, preferencesInput, type Notification, type NotificationKind } from './notifications.schema.ts';

export const NOTIFICATION_EMAIL_JOB = 'notifications.email';
export const NOTIFICATIONS_SHOWN = 100;

/** What happened to a referral; `referral` is as it is after the change (read by the system). */
export type ReferralNotificationEvent =
  | { kind: 'created'; referral: Referral; actor: UserActor }
  | { kind: 'changed'; referral: Referral; from: ReferralState; actor: UserActor }
  | { kind: 'overdue'; referral: Referral };

const notificationKindOf = { created: 'referralNew', changed: 'referralChanged', overdue: 'referralOverdue' } as const satisfies Record<ReferralNotificationEvent['kind'], NotificationKind>;

const danishDateTime = new Intl.DateTimeFormat('da-DK', { timeZone: 'Europe/Copenhagen', dateStyle: 'short', timeStyle: 'short' });
const lower = (state: ReferralState) => referralStateLabels[state].da.toLowerCase();

export const referralPath = (referralId: string) => `/henvisninger/${referralId}`;

/** The Danish title and body of a notification about `event`. */
export function notificationText(event: ReferralNotificationEvent): { title: string; body: string } {
  const r = event.referral;
  const between = `fra ${r.fromOrganisationName} til ${r.toOrganisationName}`;
  switch (event.kind) {
    case 'created':
      return { title: `Ny henvisning: ${r.companyName}`, body: `${r.fromOrganisationName} har henvist ${r.companyName} til ${r.toOrganisationName}. Tema: ${r.theme}` };
    case 'changed': {
      const by = event.actor.organisationId === r.fromOrganisationId ? r.fromOrganisationName : r.toOrganisationName;
      const outcome = r.state === 'closed' && r.outcome ? ` Udfald: ${referralOutcomeLabels[r.outcome].da.toLowerCase()}.` : '';
      return {
        title: `Henvisning ${lower(r.state)}: ${r.companyName}`,
        body: `${by} har ændret status på henvisningen af ${r.companyName} (${between}) fra "${lower(event.from)}" til "${lower(r.state)}".${outcome}`,
      };
    }
    case 'overdue': {
      const deadline = danishDateTime.format(serviceGoalDeadline(r.createdAt, r.serviceGoalHours));
      return {
        title: `Servicemål overskredet: ${r.companyName}`,
        body: `Henvisningen af ${r.companyName} (${between}) er ikke kontaktet inden for servicemålet på ${r.serviceGoalHours} timer (fristen var ${deadline}).`,
      };
    }
  }
}

async function recipientIds(db: Executor, event: ReferralNotificationEvent): Promise<string[]> {
  const r = event.referral;
  let ids: string[];
  if (event.kind === 'created') ids = await findOrganisationHandlerIds(db, r.toOrganisationId);
  else if (event.kind === 'overdue') ids = [...(await findOrganisationHandlerIds(db, r.toOrganisationId)), ...(r.fromUserId ? [r.fromUserId] : [])];
  else {
    ids = r.fromUserId ? [r.fromUserId] : [];
    const bySender = event.actor.organisationId === r.fromOrganisationId;
    if (bySender && r.receiverUserId) ids.push(r.receiverUserId);
  }
  const actorId = event.kind === 'overdue' ? null : event.actor.userId;
  return [...new Set(ids)].filter((id) => id !== actorId);
}

/**
 * Tells the users concerned about a referral event, inside the caller's transaction: in-app always,
 * e-mail (a job) when their preference allows it. Returns the users notified.
 */
export async function notifyReferral(db: Executor, clock: Clock, event: ReferralNotificationEvent): Promise<string[]> {
  const kind = notificationKindOf[event.kind];
  const recipients = await findRecipientsByIds(db, await recipientIds(db, event), kind);
  if (recipients.length === 0) return [];
  const { title, body } = notificationText(event);
  const now = clock.now();
  const written = await insertNotifications(
    db,
    recipients.map((recipient) => ({ userId: recipient.id, kind, referralId: event.referral.id, title, body, createdAt: now })),
  );
  const wantsEmail = new Set(recipients.filter((recipient) => recipient.wantsEmail).map((recipient) => recipient.id));
  for (const row of written) {
    if (wantsEmail.has(row.user_id)) await enqueueJob(db, NOTIFICATION_EMAIL_JOB, { notificationId: row.id }, { runAt: now });
  }
  return written.map((row) => row.user_id);
}

/** The e-mail of a notification: the same text, the absolute link, and where to change the choice. */
export function notificationEmailText(baseUrl: string, notification: { kind: NotificationKind; referral_id: string | null; body: string }, name: string): string {
  return [
    `Hej ${name}`,
    '',
    notification.body,
    '',
    ...(notification.referral_id ? ['Se henvisningen i Knudepunkt:', `${baseUrl}${referralPath(notification.referral_id)}`, ''] : []),
    `Du får denne e-mail, fordi du får e-mail om "${notificationKindLabels[notification.kind].da.toLowerCase()}". Det kan du ændre her:`,
    `${baseUrl}/notifikationer/indstillinger`,
    '',
    'Med venlig hilsen',
    'Knudepunkt',
  ].join('\n');
}

export const notificationEmailJob = defineJob({
  type: NOTIFICATION_EMAIL_JOB,
  payloadSchema: z.object({ notificationId: z.uuid() }),
  async handler(context, payload) {
    const queued = await context.db.transaction().execute(async (trx) => {
      const notification = await claimNotificationEmail(trx, payload.notificationId, context.clock.now());
      if (!notification || !notification.user.active) return false;
      await queueMail(trx, { to: notification.user.email, subject: notification.title, text: notificationEmailText(context.config.baseUrl, notification, notification.user.name) });
      return true;
    });
    context.logger.info(queued ? 'Notifikationens e-mail er sat i kø' : 'Notifikationens e-mail var allerede sat i kø eller er ikke længere relevant', { notificationId: payload.notificationId });
  },
});

// --- The user's own notifications ---------------------------------------------------------------

export async function listNotifications(db: Executor, actor: UserActor): Promise<Notification[]> {
  const rows = await findNotificationsOfUser(db, actor.userId, NOTIFICATIONS_SHOWN);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    referralId: row.referral_id,
    title: row.title,
    body: row.body,
    createdAt: row.created_at,
    readAt: row.read_at,
    href: row.referral_id ? referralPath(row.referral_id) : null,
  }));
}

export function countUnreadNotifications(db: Executor, actor: UserActor): Promise<number> {
  return countUnread(db, actor.userId);
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Marks one of the actor's notifications read (another user's id is not found). */
export async function markNotificationRead(db: Executor, clock: Clock, actor: UserActor, id: string): Promise<void> {
  if (!uuidPattern.test(id)) throw notFound('Notifikationen', 'The notification was not found.');
  const exists = await db.selectFrom('notifications').select('id').where('id', '=', id).where('user_id', '=', actor.userId).executeTakeFirst();
  if (!exists) throw notFound('Notifikationen', 'The notification was not found.');
  await markRead(db, actor.userId, clock.now(), id);
}

export async function markAllNotificationsRead(db: Executor, clock: Clock, actor: UserActor): Promise<number> {
  return markRead(db, actor.userId, clock.now());
}

/** Per kind: whether the actor also gets it by e-mail (default yes). */
export async function getNotificationPreferences(db: Executor, actor: UserActor): Promise<Record<NotificationKind, boolean>> {
  const stored = new Map((await findPreferences(db, actor.userId)).map((row) => [row.kind, row.email]));
  return Object.fromEntries(notificationKinds.map((kind) => [kind, stored.get(kind) ?? true])) as Record<NotificationKind, boolean>;
}

/** Saves the form: the ticked kinds come by e-mail, the others in-app only. */
export async function setNotificationPreferences(db: Executor, actor: UserActor, input: unknown): Promise<Record<NotificationKind, boolean>> {
  const parsed = preferencesInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const before = await getNotificationPreferences(db, actor);
  const after = Object.fromEntries(notificationKinds.map((kind) => [kind, parsed.data.email.includes(kind)])) as Record<NotificationKind, boolean>;
  for (const kind of notificationKinds) await upsertPreference(db, actor.userId, kind, after[kind]);
  await recordAudit(db, actor, { action: 'update', entityType: 'notificationPreferences', entityId: actor.userId, before, after });
  return after;
}
