// SQL of the evaluation invitations (invitations.service.ts, answer.service.ts): the hub's settings,
// the ended courses still to invite, the invitations due a reminder, the links (only HMACs), the
// exclusions and opt-outs, and the failed look-ups of the public page.
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { isUuid } from '../validation.ts';

export interface InvitationSettings {
  enabled: boolean;
  inviteDelayDays: number;
  /** ISO weekday (1 = Monday) the invitations go out on; null = every day. */
  inviteWeekday: number | null;
  expiryDays: number;
  reminderCount: number;
  reminderSpacingDays: number;
}

/** The defaults of a hub without settings (the migration's column defaults). */
export const defaultInvitationSettings: InvitationSettings = { enabled: true, inviteDelayDays: 1, inviteWeekday: null, expiryDays: 30, reminderCount: 2, reminderSpacingDays: 7 };

/** A course that ended longer ago than this (after the delay) is never invited: importing history mails no one. */
export const INVITE_LOOKBACK_DAYS = 60;

export async function findInvitationSettings(db: Executor, hubId: string): Promise<InvitationSettings & { updatedAt: Date | null; updatedByName: string | null }> {
  const row = await db.selectFrom('evaluation_invitation_settings').selectAll().where('business_hub_id', '=', hubId).executeTakeFirst();
  if (!row) return { ...defaultInvitationSettings, updatedAt: null, updatedByName: null };
  return {
    enabled: row.enabled,
    inviteDelayDays: row.invite_delay_days,
    inviteWeekday: row.invite_weekday,
    expiryDays: row.expiry_days,
    reminderCount: row.reminder_count,
    reminderSpacingDays: row.reminder_spacing_days,
    updatedAt: row.updated_at,
    updatedByName: row.updated_by_name,
  };
}

export async function upsertInvitationSettings(db: Executor, hubId: string, s: InvitationSettings, now: Date, byName: string): Promise<void> {
  const values = {
    enabled: s.enabled,
    invite_delay_days: s.inviteDelayDays,
    invite_weekday: s.inviteWeekday,
    expiry_days: s.expiryDays,
    reminder_count: s.reminderCount,
    reminder_spacing_days: s.reminderSpacingDays,
    updated_at: now,
    updated_by_name: byName,
  };
  await db
    .insertInto('evaluation_invitation_settings')
    .values({ business_hub_id: hubId, ...values })
    .onConflict((oc) => oc.column('business_hub_id').doUpdateSet(values))
    .execute();
}

export interface CourseToInvite {
  courseId: string;
  companyId: string;
  mergedIntoId: string | null;
  organisationId: string;
  hubId: string;
  hubName: string;
  companyName: string;
  cvr: string | null;
  guidanceYear: number;
  expiryDays: number;
}

/**
 * Hub courses (specialised guidance) that ended `invite_delay_days` or more before `today` (Danish
 * date), within the look-back, of a hub whose settings allow inviting today, not cancelled, with a
 * known municipality, not excluded by the hub, and not invited yet. The rows are locked
 * (`for update … skip locked`), so two runners never take the same course; the unique course_id of
 * evaluation_invitations makes sure of it anyway.
 */
export async function findCoursesToInvite(db: Executor, today: string, isoWeekday: number, limit: number): Promise<CourseToInvite[]> {
  const d = defaultInvitationSettings;
  const result = await sql<{
    course_id: string;
    company_id: string;
    merged_into_id: string | null;
    organisation_id: string;
    business_hub_id: string;
    hub_name: string;
    company_name: string;
    cvr: string | null;
    guidance_year: number;
    expiry_days: number;
  }>`
    select gc.id as course_id, gc.company_id, c.merged_into_id, gc.organisation_id, gc.business_hub_id, h.name as hub_name,
           c.name as company_name, c.cvr, extract(year from gc.end_date)::int as guidance_year,
           coalesce(s.expiry_days, ${d.expiryDays}) as expiry_days
    from guidance_courses gc
    join organisations o on o.id = gc.organisation_id and o.kind = 'hub'
    join companies c on c.id = gc.company_id
    join business_hubs h on h.id = gc.business_hub_id
    left join evaluation_invitation_settings s on s.business_hub_id = gc.business_hub_id
    where gc.end_date is not null
      and gc.status in ('active', 'completed')
      and coalesce(s.enabled, true)
      and (s.invite_weekday is null or s.invite_weekday = ${isoWeekday})
      and gc.end_date + coalesce(s.invite_delay_days, ${d.inviteDelayDays}::int) <= ${today}::date
      and gc.end_date + coalesce(s.invite_delay_days, ${d.inviteDelayDays}::int) > ${today}::date - ${INVITE_LOOKBACK_DAYS}::int
      and coalesce(gc.municipality_code, c.municipality_code) is not null
      and not exists (select 1 from evaluation_invitations i where i.course_id = gc.id)
      and exists (
        select 1 from contact_persons p
        where p.company_id in (gc.company_id, coalesce(c.merged_into_id, gc.company_id)) and p.erased_at is null and trim(coalesce(p.email, '')) <> ''
          and not exists (select 1 from evaluation_opt_outs o where o.email = lower(trim(p.email)))
      )
      and not exists (
        select 1 from evaluation_exclusions x
        where x.business_hub_id = gc.business_hub_id and x.company_id in (gc.company_id, coalesce(c.merged_into_id, gc.company_id))
      )
    order by gc.end_date, gc.id
    limit ${limit}
    for update of gc skip locked`.execute(db);
  return result.rows.map((row) => ({
    courseId: row.course_id,
    companyId: row.company_id,
    mergedIntoId: row.merged_into_id,
    organisationId: row.organisation_id,
    hubId: row.business_hub_id,
    hubName: row.hub_name,
    companyName: row.company_name,
    cvr: row.cvr,
    guidanceYear: Number(row.guidance_year),
    expiryDays: Number(row.expiry_days),
  }));
}

/**
 * The contact persons of a company (and of the company it was merged into) with an e-mail that has
 * not opted out; those registered by the guiding organisation first, then the newest.
 */
export async function findInvitableContacts(db: Executor, companyIds: string[], guidingOrganisationId: string): Promise<{ id: string; name: string | null; email: string }[]> {
  const rows = await db
    .selectFrom('contact_persons as p')
    .select(['p.id', 'p.name', 'p.email'])
    .where('p.company_id', 'in', companyIds)
    .where('p.erased_at', 'is', null)
    .where('p.email', 'is not', null)
    .where(sql<boolean>`trim(p.email) <> ''`)
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('evaluation_opt_outs as o').select('o.email').whereRef('o.email', '=', sql`lower(trim(p.email))`))))
    .orderBy(sql`p.organisation_id = ${guidingOrganisationId}`, 'desc')
    .orderBy('p.created_at', 'desc')
    .orderBy('p.id')
    .execute();
  return rows.map((row) => ({ id: row.id, name: row.name, email: row.email!.trim() }));
}

/** The instrument for a guidance year (the newest version), else the newest instrument: the current one. */
export async function findInstrumentFor(db: Executor, year: number): Promise<{ key: string; version: number } | undefined> {
  const covering = await db
    .selectFrom('evaluation_instruments')
    .select(['key', 'version'])
    .where('from_year', '<=', year)
    .where('to_year', '>=', year)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return covering ?? db.selectFrom('evaluation_instruments').select(['key', 'version']).orderBy('to_year', 'desc').orderBy('version', 'desc').limit(1).executeTakeFirst();
}

/** Inserts the invitation unless the course has one; null when it had (a race lost: nothing is sent). */
export async function insertInvitation(
  db: Executor,
  values: { courseId: string; companyId: string; contactPersonId: string; hubId: string; email: string; instrument: { key: string; version: number }; guidanceYear: number; now: Date; expiresAt: Date },
): Promise<string | null> {
  const row = await db
    .insertInto('evaluation_invitations')
    .values({
      course_id: values.courseId,
      company_id: values.companyId,
      contact_person_id: values.contactPersonId,
      business_hub_id: values.hubId,
      email: values.email,
      instrument_key: values.instrument.key,
      instrument_version: values.instrument.version,
      guidance_year: values.guidanceYear,
      created_at: values.now,
      sent_at: values.now,
      expires_at: values.expiresAt,
    })
    .onConflict((oc) => oc.column('course_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** Stores a link's HMAC for a step; false when the step already has one (it is never sent twice). */
export async function insertInvitationToken(db: Executor, invitationId: string, step: number, tokenHash: string, now: Date): Promise<boolean> {
  const row = await db
    .insertInto('evaluation_invitation_tokens')
    .values({ token_hash: tokenHash, invitation_id: invitationId, step, issued_at: now })
    .onConflict((oc) => oc.columns(['invitation_id', 'step']).doNothing())
    .returning('step')
    .executeTakeFirst();
  return row !== undefined;
}

export interface InvitationDueReminder {
  id: string;
  email: string;
  remindersSent: number;
  expiresAt: Date;
  hubName: string;
  companyName: string;
}

/**
 * Unanswered, unexpired invitations not opted out (nor their address), of companies not excluded,
 * with fewer reminders than the hub's count, whose last mail is `reminder_spacing_days` old. Locked
 * with `skip locked`; the update in markReminded checks the count again.
 */
export async function findInvitationsDueReminder(db: Executor, now: Date, limit: number): Promise<InvitationDueReminder[]> {
  const d = defaultInvitationSettings;
  const result = await sql<{ id: string; email: string; reminders_sent: number; expires_at: Date; hub_name: string; company_name: string }>`
    select i.id, i.email, i.reminders_sent, i.expires_at, h.name as hub_name, c.name as company_name
    from evaluation_invitations i
    join business_hubs h on h.id = i.business_hub_id
    join companies c on c.id = i.company_id
    left join evaluation_invitation_settings s on s.business_hub_id = i.business_hub_id
    where i.answered_at is null and i.opted_out_at is null
      and i.expires_at > ${now}
      and coalesce(s.enabled, true)
      and i.reminders_sent < coalesce(s.reminder_count, ${d.reminderCount})
      and coalesce(i.last_reminder_at, i.sent_at, i.created_at) + coalesce(s.reminder_spacing_days, ${d.reminderSpacingDays}) * interval '1 day' <= ${now}
      and not exists (select 1 from evaluation_opt_outs o where o.email = lower(i.email))
      and not exists (select 1 from evaluation_exclusions x where x.business_hub_id = i.business_hub_id and x.company_id = i.company_id)
    order by i.created_at, i.id
    limit ${limit}
    for update of i skip locked`.execute(db);
  return result.rows.map((row) => ({ id: row.id, email: row.email, remindersSent: Number(row.reminders_sent), expiresAt: new Date(row.expires_at), hubName: row.hub_name, companyName: row.company_name }));
}

/** Counts the reminder; false when another runner counted it first. */
export async function markReminded(db: Executor, id: string, remindersSentBefore: number, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('evaluation_invitations')
    .set({ reminders_sent: remindersSentBefore + 1, last_reminder_at: now })
    .where('id', '=', id)
    .where('reminders_sent', '=', remindersSentBefore)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The invitation behind a link's HMAC, with what the answer page needs. */
export async function findInvitationByTokenHash(db: Executor, tokenHash: string, options: { forUpdate?: boolean } = {}) {
  let query = db
    .selectFrom('evaluation_invitation_tokens as t')
    .innerJoin('evaluation_invitations as i', 'i.id', 't.invitation_id')
    .innerJoin('guidance_courses as gc', 'gc.id', 'i.course_id')
    .innerJoin('companies as c', 'c.id', 'i.company_id')
    .innerJoin('business_hubs as h', 'h.id', 'i.business_hub_id')
    .select([
      'i.id',
      'i.email',
      'i.contact_person_id',
      'i.company_id',
      'i.business_hub_id',
      'i.instrument_key',
      'i.instrument_version',
      'i.guidance_year',
      'i.expires_at',
      'i.answered_at',
      'i.opted_out_at',
      'c.name as company_name',
      'c.cvr',
      'c.municipality_code as company_municipality_code',
      'h.name as hub_name',
      'gc.municipality_code as course_municipality_code',
      'gc.segment',
      'gc.category',
      'gc.themes',
    ])
    .where('t.token_hash', '=', tokenHash);
  if (options.forUpdate) query = query.forUpdate('i');
  return query.executeTakeFirst();
}

export async function markAnswered(db: Executor, id: string, responseId: string, now: Date): Promise<boolean> {
  const result = await db.updateTable('evaluation_invitations').set({ answered_at: now, response_id: responseId }).where('id', '=', id).where('answered_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores an opt-out of the address; false when it had opted out already. */
export async function insertOptOut(db: Executor, values: { email: string; contactPersonId: string | null; via: 'link' | 'hub'; now: Date }): Promise<boolean> {
  const inserted = await db
    .insertInto('evaluation_opt_outs')
    .values({ email: values.email.trim().toLowerCase(), contact_person_id: values.contactPersonId, via: values.via, opted_out_at: values.now })
    .onConflict((oc) => oc.column('email').doNothing())
    .returning('email')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function recordOptOut(db: Executor, values: { invitationId: string; email: string; contactPersonId: string | null; via: 'link' | 'hub'; now: Date }): Promise<void> {
  await insertOptOut(db, values);
  await db.updateTable('evaluation_invitations').set({ opted_out_at: values.now }).where('id', '=', values.invitationId).where('opted_out_at', 'is', null).execute();
}

/** Marks the address's unanswered invitations (of every hub) as opted out; returns how many. */
export async function optOutOpenInvitations(db: Executor, email: string, now: Date): Promise<number> {
  const result = await db
    .updateTable('evaluation_invitations')
    .set({ opted_out_at: now })
    .where(sql<boolean>`lower(email) = ${email.trim().toLowerCase()}`)
    .where('opted_out_at', 'is', null)
    .where('answered_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** The stored questions and scales of one instrument version. */
export async function findInstrument(db: Executor, key: string, version: number) {
  return db.selectFrom('evaluation_instruments').select(['key', 'version', 'questions', 'scales']).where('key', '=', key).where('version', '=', version).executeTakeFirst();
}

// ------------------------------------------------------------------------------------- exclusions

export async function findExclusions(db: Executor, hubId: string) {
  return db
    .selectFrom('evaluation_exclusions as x')
    .innerJoin('companies as c', 'c.id', 'x.company_id')
    .select(['x.company_id', 'c.name as company_name', 'c.cvr', 'x.reason', 'x.excluded_by_name', 'x.excluded_at'])
    .where('x.business_hub_id', '=', hubId)
    .orderBy('c.name')
    .execute();
}

export async function insertExclusion(db: Executor, values: { hubId: string; companyId: string; reason: string; userId: string | null; byName: string; now: Date }): Promise<boolean> {
  const row = await db
    .insertInto('evaluation_exclusions')
    .values({ business_hub_id: values.hubId, company_id: values.companyId, reason: values.reason, excluded_by_user_id: values.userId, excluded_by_name: values.byName, excluded_at: values.now })
    .onConflict((oc) => oc.columns(['business_hub_id', 'company_id']).doNothing())
    .returning('company_id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function deleteExclusion(db: Executor, hubId: string, companyId: string) {
  if (!isUuid(companyId)) return undefined;
  return db.deleteFrom('evaluation_exclusions').where('business_hub_id', '=', hubId).where('company_id', '=', companyId).returningAll().executeTakeFirst();
}

export async function findCompanyByCvr(db: Executor, cvr: string) {
  return db
    .selectFrom('companies')
    .select(['id', 'name', 'cvr', 'merged_into_id'])
    .where('cvr', '=', cvr)
    .orderBy(sql`merged_into_id is null`, 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** How the hub's invitations stand, for its admin page. */
export async function countInvitations(db: Executor, hubId: string, now: Date) {
  const row = await db
    .selectFrom('evaluation_invitations')
    .select((eb) => [
      eb.fn.countAll<number>().as('invited'),
      eb.fn.count<number>('answered_at').as('answered'),
      eb.fn.count<number>('opted_out_at').as('optedOut'),
      eb.fn.sum<number>('reminders_sent').as('reminders'),
      sql<number>`count(*) filter (where answered_at is null and expires_at <= ${now})`.as('expired'),
      sql<number>`count(*) filter (where answered_at is null and opted_out_at is null and expires_at > ${now})`.as('open'),
    ])
    .where('business_hub_id', '=', hubId)
    .executeTakeFirstOrThrow();
  return {
    invited: Number(row.invited),
    answered: Number(row.answered),
    open: Number(row.open),
    expired: Number(row.expired),
    optedOut: Number(row.optedOut),
    reminders: Number(row.reminders ?? 0),
  };
}

// ------------------------------------------------------------------------------------- throttling

export async function insertLinkFailure(db: Executor, ip: string, now: Date, keepSince: Date): Promise<void> {
  await db.deleteFrom('evaluation_link_failures').where('failed_at', '<', keepSince).execute();
  await db.insertInto('evaluation_link_failures').values({ ip, failed_at: now }).execute();
}

export async function countLinkFailures(db: Executor, ip: string, since: Date): Promise<number> {
  const row = await db.selectFrom('evaluation_link_failures').select((eb) => eb.fn.countAll<number>().as('n')).where('ip', '=', ip).where('failed_at', '>=', since).executeTakeFirstOrThrow();
  return Number(row.n);
}
