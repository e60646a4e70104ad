// The platform's own evaluation (issue 6; 03-evaluation.md "Running the evaluation"; decision 010):
// invitations when a hub's course ends, reminders, and the hub's settings and exclusions.
//
// - An invitation is one row per course (unique course_id), created together with its first link and
//   its mail in one transaction by the `evaluation.invite` job; a reminder is a new link (step n,
//   unique per invitation) and a mail, counted in the same transaction. So nothing is sent twice, and
//   a mail exists exactly when its link does.
// - Only an HMAC of each 256-bit token is stored; the token is only in the mail (and the mail log,
//   kept 90 days like every other single-use link). It is never written to the application log.
// - Companies flagged reklamebeskyttet ARE invited: the evaluation is not marketing (issue 6). A hub
//   may exclude any company; an e-mail address that opted out is never invited or reminded again.
import { z } from 'zod';
import type { Config } from '../../config.ts';
import type { Executor } from '../../db/database.ts';
import { hasRole, type UserActor } from '../../domain/actor.ts';
import { days, type Clock } from '../../domain/clock.ts';
import { AppError, notFound, validationFailed } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import { randomToken, tokenHash } from '../auth/tokens.ts';
import { hubOfOrganisation } from '../courses/courses.repository.ts';
import { queueMail } from '../mail/mail.service.ts';
import { fieldErrors } from '../validation.ts';
import { findHubs } from './evaluation.repository.ts';
import {
  countInvitations,
  deleteExclusion,
  findCompanyByCvr,
  findCoursesToInvite,
  findExclusions,
  findInstrumentFor,
  findInvitableContacts,
  findInvitationSettings,
  findInvitationsDueReminder,
  insertExclusion,
  insertInvitation,
  insertInvitationToken,
  insertOptOut,
  markReminded,
  optOutOpenInvitations,
  upsertInvitationSettings,
  type InvitationSettings,
} from './invitations.repository.ts';

export interface InvitationDeps {
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>;
  clock: Clock;
}

export const answerPath = '/evaluering/svar';
export const optOutPath = '/evaluering/framelding';

/** Today in Denmark (YYYY-MM-DD) and its ISO weekday (1 = Monday). */
export function danishDay(now: Date): { day: string; isoWeekday: number } {
  const day = now.toLocaleDateString('sv-SE', { timeZone: 'Europe/Copenhagen' });
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return { day, isoWeekday: weekday === 0 ? 7 : weekday };
}

const danishDate = (date: Date) => date.toLocaleDateString('da-DK', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' });
const englishDate = (date: Date) => date.toLocaleDateString('en-GB', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' });
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ').slice(0, 500);

/** The invitation or reminder mail: Danish, with English below; the personal link and the opt-out link. */
export function invitationMail(values: { hubName: string; companyName: string; contactName: string | null; baseUrl: string; token: string; expiresAt: Date; reminder: boolean }) {
  const link = `${values.baseUrl}${answerPath}/${values.token}`;
  const optOut = `${values.baseUrl}${optOutPath}/${values.token}`;
  const subject = values.reminder
    ? `Påmindelse: Hvordan var forløbet med ${values.hubName}? / Reminder: how was your course?`
    : `Hvordan var forløbet med ${values.hubName}? / How was your course with ${values.hubName}?`;
  const text =
    `${values.contactName ? `Kære ${values.contactName}` : 'Kære kontaktperson'}\n\n` +
    (values.reminder ? 'Vi har endnu ikke fået dit svar, så vi tillader os at minde dig om det.\n\n' : '') +
    `${values.companyName} har afsluttet et forløb hos ${values.hubName}. Vil du hjælpe os med at blive bedre ved at svare på nogle få spørgsmål? Det tager et par minutter.\n\n` +
    `Linket er personligt, kræver ikke login, kan bruges til ét svar og virker til og med ${danishDate(values.expiresAt)}:\n\n${link}\n\n` +
    `Vil du ikke modtage flere invitationer til evalueringer, kan du framelde dig her:\n${optOut}\n\n` +
    `Venlig hilsen\n${values.hubName}\n\n` +
    `---\n` +
    `English: ${values.companyName} has completed a course with ${values.hubName}. Please help us improve by answering a few questions. ` +
    `The link is personal, needs no login, can be used for one answer and works until ${englishDate(values.expiresAt)}:\n\n${link}?lang=en\n\n` +
    `To receive no more evaluation invitations: ${optOut}?lang=en\n`;
  return { subject: oneLine(subject), text };
}

const emailSchema = z.email();
const inviteBatch = 100;

/**
 * Invites the contact persons of up to `limit` ended courses, in the caller's transaction: each gets
 * an invitation, a link and a mail, or (without an instrument or an invitable contact) nothing, and
 * is looked at again on the next run. Returns the invitation ids.
 */
export async function inviteEndedCourses(db: Executor, deps: InvitationDeps, limit = inviteBatch): Promise<string[]> {
  const now = deps.clock.now();
  const { day, isoWeekday } = danishDay(now);
  const invited: string[] = [];
  for (const course of await findCoursesToInvite(db, day, isoWeekday, limit)) {
    const companyIds = course.mergedIntoId ? [course.companyId, course.mergedIntoId] : [course.companyId];
    const contact = (await findInvitableContacts(db, companyIds, course.organisationId)).find((candidate) => emailSchema.safeParse(candidate.email).success);
    const instrument = await findInstrumentFor(db, course.guidanceYear);
    if (!contact || !instrument) continue;
    const expiresAt = new Date(now.getTime() + days(course.expiryDays));
    const id = await insertInvitation(db, {
      courseId: course.courseId,
      companyId: course.mergedIntoId ?? course.companyId,
      contactPersonId: contact.id,
      hubId: course.hubId,
      email: contact.email,
      instrument,
      guidanceYear: course.guidanceYear,
      now,
      expiresAt,
    });
    if (id === null) continue;
    const token = randomToken(32);
    await insertInvitationToken(db, id, 0, tokenHash(deps.config.sessionSecret, token), now);
    await queueMail(db, { to: contact.email, ...invitationMail({ hubName: course.hubName, companyName: course.companyName, contactName: contact.name, baseUrl: deps.config.baseUrl, token, expiresAt, reminder: false }) });
    invited.push(id);
  }
  return invited;
}

/** Sends the reminders that are due (each step once), in the caller's transaction. Returns the invitation ids. */
export async function sendDueReminders(db: Executor, deps: InvitationDeps, limit = inviteBatch): Promise<string[]> {
  const now = deps.clock.now();
  const reminded: string[] = [];
  for (const invitation of await findInvitationsDueReminder(db, now, limit)) {
    const token = randomToken(32);
    const step = invitation.remindersSent + 1;
    if (!(await insertInvitationToken(db, invitation.id, step, tokenHash(deps.config.sessionSecret, token), now))) continue;
    if (!(await markReminded(db, invitation.id, invitation.remindersSent, now))) continue;
    const contactName = (await db.selectFrom('evaluation_invitations as i').leftJoin('contact_persons as p', 'p.id', 'i.contact_person_id').select('p.name').where('i.id', '=', invitation.id).executeTakeFirst())?.name ?? null;
    await queueMail(db, { to: invitation.email, ...invitationMail({ hubName: invitation.hubName, companyName: invitation.companyName, contactName, baseUrl: deps.config.baseUrl, token, expiresAt: invitation.expiresAt, reminder: true }) });
    reminded.push(invitation.id);
  }
  return reminded;
}

// ------------------------------------------------------------------------------- the hub's admin page

export const invitationAdmins = ['manager', 'admin'] as const;

/** The hub an actor manages invitations for: a hub's manager its own; an admin any hub of the region. */
async function managedHub(db: Executor, actor: UserActor, hub: string | undefined): Promise<{ id: string; name: string; choices: { id: string; name: string }[] }> {
  requireRole(actor, ...invitationAdmins);
  const all = await findHubs(db);
  const own = actor.organisationKind === 'hub' ? await hubOfOrganisation(db, actor.organisationId) : null;
  const choices = hasRole(actor, 'admin') ? all.filter((h) => h.regionCode === actor.regionCode || h.id === own) : all.filter((h) => h.id === own);
  if (choices.length === 0) {
    throw new AppError('forbidden', 'Kun erhvervshusets ledere og administratorer kan styre invitationerne til brugerevalueringen.', {
      en: "Only the business hub's managers and administrators can manage the evaluation invitations.",
    });
  }
  const chosen = hub === undefined || hub === '' ? (choices.find((h) => h.id === own) ?? choices[0]!) : choices.find((h) => h.id === hub);
  if (!chosen) {
    throw new AppError('forbidden', `Du kan ikke styre invitationerne for erhvervshuset "${hub}".`, { en: `You cannot manage the invitations of the business hub "${hub}".` });
  }
  return { id: chosen.id, name: chosen.name, choices: choices.map((h) => ({ id: h.id, name: h.name })) };
}

export async function getInvitationAdmin(db: Executor, clock: Clock, actor: UserActor, hub: string | undefined) {
  const chosen = await managedHub(db, actor, hub);
  return {
    hub: { id: chosen.id, name: chosen.name },
    hubs: chosen.choices,
    settings: await findInvitationSettings(db, chosen.id),
    counts: await countInvitations(db, chosen.id, clock.now()),
    exclusions: await findExclusions(db, chosen.id),
  };
}
export type InvitationAdmin = Awaited<ReturnType<typeof getInvitationAdmin>>;

const whole = (label: string, min: number, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() !== '' ? Number(value.trim()) : value),
    z.number({ message: `${label}: skriv et helt tal fra ${min} til ${max}.` }).int(`${label}: skriv et helt tal fra ${min} til ${max}.`).min(min, `${label}: mindst ${min}.`).max(max, `${label}: højst ${max}.`),
  );

export const invitationSettingsInput = z.object({
  enabled: z.preprocess((value) => value === 'on' || value === 'true' || value === true, z.boolean()),
  inviteDelayDays: whole('Dage efter forløbets afslutning', 0, 90),
  inviteWeekday: z.preprocess((value) => (value === '' || value === undefined ? null : Number(value)), z.number().int().min(1, 'Vælg en ugedag fra listen.').max(7, 'Vælg en ugedag fra listen.').nullable()),
  expiryDays: whole('Linket virker i (dage)', 1, 180),
  reminderCount: whole('Antal påmindelser', 0, 5),
  reminderSpacingDays: whole('Dage mellem påmindelser', 1, 60),
});

export async function updateInvitationSettings(db: Executor, clock: Clock, actor: UserActor, hub: string | undefined, input: unknown): Promise<void> {
  const chosen = await managedHub(db, actor, hub);
  const parsed = invitationSettingsInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const before = await findInvitationSettings(db, chosen.id);
  const after: InvitationSettings = parsed.data;
  await upsertInvitationSettings(db, chosen.id, after, clock.now(), actor.name);
  await recordAudit(db, actor, { action: 'update', entityType: 'evaluationInvitationSettings', entityId: chosen.id, before, after });
}

export const exclusionInput = z.object({
  cvr: z.string().trim().regex(/^\d{8}$/, 'CVR-nummer: skriv 8 cifre, fx 12345678.'),
  reason: z.string().trim().min(1, 'Begrundelse: skriv hvorfor virksomheden ikke skal evalueres.').max(500, 'Begrundelse: højst 500 tegn.'),
});

export async function excludeCompany(db: Executor, clock: Clock, actor: UserActor, hub: string | undefined, input: unknown): Promise<{ hubId: string; companyName: string }> {
  const chosen = await managedHub(db, actor, hub);
  const parsed = exclusionInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const company = await findCompanyByCvr(db, parsed.data.cvr);
  if (!company) throw validationFailed([{ field: 'cvr', message: `CVR-nummer: ingen virksomhed i Knudepunkt har CVR-nummeret ${parsed.data.cvr}.` }]);
  const companyId = company.merged_into_id ?? company.id;
  const inserted = await insertExclusion(db, { hubId: chosen.id, companyId, reason: parsed.data.reason, userId: actor.userId, byName: actor.name, now: clock.now() });
  if (!inserted) throw validationFailed([{ field: 'cvr', message: `CVR-nummer: ${company.name} (${parsed.data.cvr}) er allerede undtaget.` }]);
  await recordAudit(db, actor, { action: 'create', entityType: 'evaluationExclusion', entityId: `${chosen.id}:${companyId}`, after: { hubId: chosen.id, companyId, reason: parsed.data.reason } });
  return { hubId: chosen.id, companyName: company.name };
}

export const optOutInput = z.object({
  email: z.string().trim().max(254, 'E-mailadresse: højst 254 tegn.').email('E-mailadresse: skriv en gyldig adresse, fx navn@virksomhed.dk.'),
});

/**
 * The hub registers that an address wants no more evaluation mail (said on the phone, in a letter):
 * the same opt-out as the link's, for every hub. The audit log records that the hub did it, not the
 * address (it holds no contact person's data; the opt-out itself is what stops the mail).
 */
export async function registerOptOut(db: Executor, clock: Clock, actor: UserActor, hub: string | undefined, input: unknown): Promise<{ stopped: number }> {
  const chosen = await managedHub(db, actor, hub);
  const parsed = optOutInput.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  const now = clock.now();
  const inserted = await insertOptOut(db, { email: parsed.data.email, contactPersonId: null, via: 'hub', now });
  if (!inserted) throw validationFailed([{ field: 'email', message: `E-mailadresse: ${parsed.data.email} er allerede frameldt evalueringen.` }]);
  const stopped = await optOutOpenInvitations(db, parsed.data.email, now);
  await recordAudit(db, actor, { action: 'create', entityType: 'evaluationOptOut', entityId: chosen.id, after: { via: 'hub', hubId: chosen.id, openInvitationsStopped: stopped } });
  return { stopped };
}

export async function includeCompanyAgain(db: Executor, actor: UserActor, hub: string | undefined, companyId: string): Promise<void> {
  const chosen = await managedHub(db, actor, hub);
  const removed = await deleteExclusion(db, chosen.id, companyId);
  if (!removed) throw notFound('Undtagelsen', 'The exclusion was not found.');
  await recordAudit(db, actor, { action: 'delete', entityType: 'evaluationExclusion', entityId: `${chosen.id}:${companyId}`, before: removed });
}

