// Referrals ("henvisninger", 02-crm.md): an organisation refers a company to another one (any kind,
// external partners included). The receiver opens it (received), makes first contact within its
// service goal, works on it and closes it with an outcome — or rejects it with a reason; the sender
// may withdraw it until then. Every transition is timestamped, kept in referral_events and audited.
// Within a region everyone sees that a referral exists; its free text stays with the two organisations
// (and the region's admins).
import type { Executor } from '../../db/database.ts';
import { hasRole, type Actor, type UserActor } from '../../domain/actor.ts';
import type { Clock } from '../../domain/clock.ts';
import { AppError, notFound, validationFailed } from '../../domain/errors.ts';
import { groupedReferralMetrics, referralMetrics, type MetricsReferral } from '../../domain/referrals/referral-metrics.ts';
import { checkTransition, referralStateLabels, type ReferralSide, type ReferralState } from '../../domain/referrals/referral-states.ts';
import { copenhagenMidnight } from '../../domain/danish-time.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import { notifyReferral } from '../notifications/notifications.service.ts';
import { addCompanyRegions } from '../companies/companies.repository.ts';
import { getCompany } from '../companies/companies.service.ts';
import { getCourse } from '../courses/courses.service.ts';
import { fieldErrors } from '../validation.ts';
import {
  findContactPersonOfCompany,
  findReferral,
  findReferralBox,
  findReferralEvents,
  findReferralOrganisation,
  findReferralsForMetrics,
  findReferralsOfCompany,
  findReferralTargets,
  insertReferral,
  insertReferralEvent,
  setServiceGoalHoursRow,
  updateReferralState,
  type ReferralReader,
} from './referrals.repository.ts';
import { referralInput, serviceGoalInput, transitionInput, type Referral } from './referrals.schema.ts';

const readers = ['adviser', 'manager', 'kkr', 'admin', 'viewer'] as const;
export const referrers = ['adviser', 'manager', 'admin'] as const;
export const CLOSED_SHOWN = 50;

function parse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  return parsed.data;
}

export function readerOf(actor: Actor): ReferralReader {
  return actor.kind === 'system' ? 'all' : { organisationId: actor.organisationId, regionCode: actor.regionCode, regionAdmin: actor.roles.includes('admin') };
}

/** The side the actor's organisation is on, or null for a third party. */
export function sideOf(actor: Actor, referral: Pick<Referral, 'fromOrganisationId' | 'toOrganisationId'>): ReferralSide | null {
  if (actor.kind === 'system') return null;
  if (actor.organisationId === referral.toOrganisationId) return 'receiver';
  if (actor.organisationId === referral.fromOrganisationId) return 'sender';
  return null;
}

export async function getReferral(db: Executor, actor: Actor, id: string): Promise<Referral> {
  requireRole(actor, ...readers);
  const referral = await findReferral(db, readerOf(actor), id);
  if (!referral) throw notFound('Henvisningen', 'The referral was not found.');
  return referral;
}

export async function getReferralHistory(db: Executor, actor: Actor, referral: Referral) {
  requireRole(actor, ...readers);
  return findReferralEvents(db, referral.id, referral.detailsVisible);
}

export async function createReferral(db: Executor, clock: Clock, actor: UserActor, companyId: string, input: unknown): Promise<Referral> {
  requireRole(actor, ...referrers);
  if (actor.organisationKind !== 'hub' && actor.organisationKind !== 'localOffice') {
    throw new AppError('forbidden', 'Kun erhvervshuse og lokale erhvervskontorer henviser virksomheder.', { en: 'Only business hubs and local business offices refer companies.' });
  }
  const { company, inScope } = await getCompany(db, actor, companyId);
  if (!inScope) throw new AppError('forbidden', 'Virksomheden hører til en anden region.', { en: 'The company belongs to another region.' });
  const value = parse(referralInput, input);
  const receiver = await findReferralOrganisation(db, value.toOrganisationId);
  if (!receiver || !receiver.active) throw validationFailed([{ field: 'toOrganisationId', message: `Organisationen ${value.toOrganisationId} findes ikke eller er ikke aktiv.` }]);
  if (receiver.id === actor.organisationId) throw validationFailed([{ field: 'toOrganisationId', message: `Du kan ikke henvise til din egen organisation (${receiver.name}).` }]);
  if (value.courseId) {
    const course = await getCourse(db, actor, value.courseId);
    if (course.companyId !== company.id) throw validationFailed([{ field: 'courseId', message: `Forløbet ${value.courseId} hører ikke til ${company.name}.` }]);
  }
  if (value.contactPersonId && !(await findContactPersonOfCompany(db, company.id, value.contactPersonId))) {
    throw validationFailed([{ field: 'contactPersonId', message: `Kontaktpersonen ${value.contactPersonId} hører ikke til ${company.name}.` }]);
  }
  const now = clock.now();
  const id = await insertReferral(db, {
    ...value,
    companyId: company.id,
    fromOrganisationId: actor.organisationId,
    fromUserId: actor.userId,
    regionCode: actor.regionCode,
    serviceGoalHours: receiver.referral_service_goal_hours,
    createdAt: now,
  });
  await insertReferralEvent(db, { referralId: id, fromState: null, toState: 'sent', at: now, byUserId: actor.userId, byName: actor.name, note: null });
  // The company is now worked with in the receiver's region too (docs/decisions/005).
  await addCompanyRegions(db, company.id, [actor.regionCode, receiver.region_code]);
  const referral = (await findReferral(db, 'all', id))!;
  await recordAudit(db, actor, { action: 'create', entityType: 'referral', entityId: id, after: referral });
  await notifyReferral(db, clock, { kind: 'created', referral, actor });
  return referral;
}

/**
 * Opening an unread referral as a user of the receiving organisation marks it `received`. Returns the
 * referral as it is now. Viewers only read.
 */
export async function openReferral(db: Executor, clock: Clock, actor: Actor, id: string): Promise<Referral> {
  const referral = await getReferral(db, actor, id);
  if (referral.state !== 'sent' || sideOf(actor, referral) !== 'receiver' || !hasRole(actor, ...referrers)) return referral;
  return applyTransition(db, clock, actor as UserActor, (await findReferral(db, 'all', id, { forUpdate: true }))!, { to: 'received' });
}

async function applyTransition(db: Executor, clock: Clock, actor: UserActor, before: Referral, change: { to: ReferralState; outcome?: string | undefined; reason?: string | undefined; note?: string | undefined }): Promise<Referral> {
  const side = sideOf(actor, before);
  if (!side) {
    throw new AppError('forbidden', `Kun ${before.fromOrganisationName} og ${before.toOrganisationName} kan ændre henvisningens status.`, {
      en: `Only ${before.fromOrganisationName} and ${before.toOrganisationName} can change the referral's state.`,
    });
  }
  const check = checkTransition(before.state, change.to, side, { outcome: change.outcome, reason: change.reason });
  if (!check.ok) {
    if (check.field === 'outcome' || check.field === 'reason') throw validationFailed([{ field: check.field, message: check.message }]);
    throw new AppError('conflict', check.message, { en: check.en });
  }
  const now = clock.now();
  const to = change.to;
  await updateReferralState(db, before.id, {
    state: to,
    ...(to === 'received' ? { receivedAt: now, ...(before.receiverUserId ? {} : { receiverUserId: actor.userId }) } : {}),
    ...(to === 'contacted' ? { contactedAt: now, receiverUserId: actor.userId } : {}),
    ...(to === 'closed' ? { closedAt: now, outcome: change.outcome as 'used' } : {}),
    ...(to === 'rejected' ? { closedAt: now, rejectionReason: change.reason!.trim() } : {}),
    ...(to === 'withdrawn' ? { closedAt: now } : {}),
  });
  await insertReferralEvent(db, { referralId: before.id, fromState: before.state, toState: to, at: now, byUserId: actor.userId, byName: actor.name, note: to === 'rejected' ? change.reason!.trim() : change.note });
  const after = (await findReferral(db, 'all', before.id))!;
  await recordAudit(db, actor, { action: 'update', entityType: 'referral', entityId: before.id, before: { state: before.state }, after: { state: after.state, outcome: after.outcome, rejectionReason: after.rejectionReason } });
  await notifyReferral(db, clock, { kind: 'changed', referral: after, from: before.state, actor });
  return after;
}

/** Moves a referral on (contacted, inProgress, closed with outcome, rejected with reason, withdrawn). */
export async function transitionReferral(db: Executor, clock: Clock, actor: UserActor, id: string, input: unknown): Promise<Referral> {
  requireRole(actor, ...referrers);
  const value = parse(transitionInput, input);
  await getReferral(db, actor, id); // visible to the actor at all?
  let referral = (await findReferral(db, 'all', id, { forUpdate: true }))!;
  // Acting on an unread referral opens it first: the history shows it was received.
  if (referral.state === 'sent' && sideOf(actor, referral) === 'receiver' && value.to !== 'received' && value.to !== 'rejected') {
    referral = await applyTransition(db, clock, actor, referral, { to: 'received' });
  }
  const after = await applyTransition(db, clock, actor, referral, value);
  return (await findReferral(db, readerOf(actor), after.id))!;
}

export interface ReferralBoxQuery {
  box: 'inbox' | 'outbox';
  mine: boolean;
}

export async function listReferralBox(db: Executor, actor: UserActor, query: ReferralBoxQuery): Promise<Referral[]> {
  requireRole(actor, ...readers);
  return findReferralBox(db, readerOf(actor), { box: query.box, organisationId: actor.organisationId, userId: query.mine ? actor.userId : undefined }, CLOSED_SHOWN);
}

export async function listReferralsOfCompany(db: Executor, actor: Actor, companyId: string): Promise<Referral[]> {
  const { company, inScope } = await getCompany(db, actor, companyId);
  return inScope ? findReferralsOfCompany(db, readerOf(actor), company.id) : [];
}

export async function listReferralTargets(db: Executor, actor: UserActor) {
  requireRole(actor, ...referrers);
  return findReferralTargets(db, actor.organisationId);
}

/** The region's referral metrics, per receiver, sender and Danish month; `year` limits to those sent in it. */
export async function getReferralMetrics(db: Executor, clock: Clock, actor: Actor, options: { year?: number | undefined } = {}) {
  requireRole(actor, ...readers);
  const range = options.year ? { from: copenhagenMidnight(`${options.year}-01-01`), to: copenhagenMidnight(`${options.year + 1}-01-01`) } : {};
  const referrals: MetricsReferral[] = (await findReferralsForMetrics(db, readerOf(actor), range)).map((r) => ({
    fromOrganisationId: r.fromOrganisationId,
    fromOrganisationName: r.fromOrganisationName,
    toOrganisationId: r.toOrganisationId,
    toOrganisationName: r.toOrganisationName,
    createdAt: r.createdAt,
    serviceGoalHours: r.serviceGoalHours,
    contactedAt: r.contactedAt,
    state: r.state,
    outcome: r.outcome,
  }));
  const now = clock.now();
  return {
    total: referralMetrics(referrals, now, 'all', 'I alt'),
    byReceiver: groupedReferralMetrics(referrals, 'receiver', now),
    bySender: groupedReferralMetrics(referrals, 'sender', now),
    byMonth: groupedReferralMetrics(referrals, 'month', now),
  };
}

/** The service goal of an organisation (default: one's own). */
export async function getServiceGoalHours(db: Executor, actor: UserActor, organisationId: string = actor.organisationId): Promise<number> {
  requireRole(actor, ...readers);
  const organisation = await findReferralOrganisation(db, organisationId);
  if (!organisation) throw notFound('Organisationen', 'The organisation was not found.');
  return organisation.referral_service_goal_hours;
}

/**
 * Sets an organisation's service goal: its managers and admins for their own organisation, admins for
 * any (external partners have no users of their own). Referrals already sent keep theirs.
 */
export async function setServiceGoalHours(db: Executor, actor: UserActor, input: unknown, organisationId: string = actor.organisationId): Promise<number> {
  requireRole(actor, ...(organisationId === actor.organisationId ? (['manager', 'admin'] as const) : (['admin'] as const)));
  const before = await getServiceGoalHours(db, actor, organisationId);
  const { hours } = parse(serviceGoalInput, input);
  await setServiceGoalHoursRow(db, organisationId, hours);
  await recordAudit(db, actor, { action: 'update', entityType: 'organisation', entityId: organisationId, before: { referralServiceGoalHours: before }, after: { referralServiceGoalHours: hours } });
  return hours;
}

export const stateLabel = (state: ReferralState, locale: 'da' | 'en') => referralStateLabels[state][locale];

/**
 * A transition made by an external receiver through its single-use link (referral-external.service.ts
 * has checked the link): the same state machine and code path as a logged-in receiver, recorded "by"
 * the external organisation. It has no users, so the actor carries no user id (events and the audit
 * log name the organisation). An unread referral is opened first, as transitionReferral does.
 */
export async function transitionReferralByLink(db: Executor, clock: Clock, receiver: { id: string; name: string }, id: string, change: { to: 'contacted' | 'closed'; outcome?: string | undefined; note?: string | undefined }): Promise<Referral> {
  const actor = { kind: 'user', userId: null as unknown as string, name: `${receiver.name} (via link)`, organisationId: receiver.id, organisationName: receiver.name, organisationKind: 'external', regionCode: null, roles: [], locale: 'da' } satisfies UserActor;
  let referral = await findReferral(db, 'all', id, { forUpdate: true });
  if (!referral || referral.toOrganisationId !== receiver.id) throw notFound('Henvisningen', 'The referral was not found.');
  if (referral.state === 'sent') referral = await applyTransition(db, clock, actor, referral, { to: 'received' });
  return applyTransition(db, clock, actor, referral, change);
}
