// Activities (02-crm.md, "Activities"): visits, meetings, calls, e-mails and events of a hub or a local
// office with one or more companies. Within a region everyone sees that an activity took place and its
// metadata (the contracts' goal of mutual knowledge of company visits); only the registering
// organisation changes it, and its internal note stays inside that organisation.
import type { Executor } from '../../db/database.ts';
import type { Actor, UserActor } from '../../domain/actor.ts';
import { AppError, notFound, validationFailed } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import { addCompanyRegions, findCompanyIdByCvr } from '../companies/companies.repository.ts';
import { getCompany } from '../companies/companies.service.ts';
import { fieldErrors } from '../validation.ts';
import {
  addActivityCompanies,
  findActivities,
  findActivity,
  findActivityCompanyIds,
  findActivityOrganisations,
  insertActivity,
  removeActivityCompanies,
  saveOwnNote,
  updateActivityRow,
  type ActivityFilter,
  type ActivityReader,
} from './activities.repository.ts';
import { activityInput, type Activity, type ActivityInput } from './activities.schema.ts';

const readers = ['adviser', 'manager', 'kkr', 'admin', 'viewer'] as const;
const registrars = ['adviser', 'manager', 'admin'] as const;
export const ACTIVITY_PAGE_SIZE = 50;

export function activityReader(actor: Actor): ActivityReader {
  return actor.kind === 'system' ? 'all' : { regionCode: actor.regionCode, organisationId: actor.organisationId };
}

function parseInput(input: unknown): ActivityInput {
  const parsed = activityInput.safeParse(input);
  if (parsed.success) return parsed.data;
  // An error in one of several CVR numbers belongs to the field, not to "cvrs.2" (the form has one).
  const byField = new Map<string, string>();
  for (const error of fieldErrors(parsed.error)) {
    const field = error.field.split('.')[0]!;
    if (!byField.has(field)) byField.set(field, error.message);
  }
  throw validationFailed([...byField].map(([field, message]) => ({ field, message })));
}

/**
 * The companies of an activity: by id (each must be visible to the actor: in its region, or a company
 * with a CVR number, docs/decisions/005) and by CVR number (anywhere in the country).
 */
async function resolveCompanies(db: Executor, actor: Actor, value: ActivityInput): Promise<string[]> {
  const ids = new Set<string>();
  for (const id of value.companyIds) ids.add((await getCompany(db, actor, id)).company.id);
  const unknown: string[] = [];
  for (const cvr of value.cvrs) {
    const found = await findCompanyIdByCvr(db, cvr);
    if (found) ids.add(found.id);
    else unknown.push(cvr);
  }
  if (unknown.length > 0) {
    const list = unknown.join(', ');
    throw validationFailed([{ field: 'cvrs', message: `${unknown.length === 1 ? 'CVR-nummeret' : 'CVR-numrene'} ${list} findes ikke i Knudepunkt. Registrér virksomheden først.` }]);
  }
  return [...ids].sort();
}

function requireRegistrar(actor: UserActor): void {
  requireRole(actor, ...registrars);
  if (actor.organisationKind !== 'hub' && actor.organisationKind !== 'localOffice') {
    throw new AppError('forbidden', 'Kun erhvervshuse og lokale erhvervskontorer registrerer aktiviteter.', { en: 'Only business hubs and local business offices register activities.' });
  }
}

const noteOf = (value: ActivityInput) => (value.note ? { body: value.note, visibility: value.noteVisibility } : null);

/** The audit snapshot: metadata and every company, never the note's text (it may be internal). */
const snapshot = (activity: Activity, companyIds: string[], note: { visibility: string } | null) => ({
  kind: activity.kind,
  activityDate: activity.activityDate,
  title: activity.title,
  organisationId: activity.organisationId,
  participantCount: activity.participantCount,
  companyIds,
  note: note ? note.visibility : null,
});

export async function createActivity(db: Executor, actor: UserActor, input: unknown): Promise<Activity> {
  requireRegistrar(actor);
  const value = parseInput(input);
  const companyIds = await resolveCompanies(db, actor, value);
  const id = await insertActivity(db, { ...value, organisationId: actor.organisationId, adviserUserId: actor.userId });
  await addActivityCompanies(db, id, companyIds);
  // The registering organisation's region now works with every company of the activity (decision 005).
  for (const companyId of companyIds) await addCompanyRegions(db, companyId, [actor.regionCode]);
  await saveOwnNote(db, id, actor.organisationId, actor.userId, noteOf(value));
  const activity = (await findActivity(db, activityReader(actor), id))!;
  await recordAudit(db, actor, { action: 'create', entityType: 'activity', entityId: id, after: snapshot(activity, companyIds, noteOf(value)) });
  return activity;
}

export async function getActivity(db: Executor, actor: Actor, id: string): Promise<Activity> {
  requireRole(actor, ...readers);
  const activity = await findActivity(db, activityReader(actor), id);
  if (!activity) throw notFound('Aktiviteten', 'The activity was not found.');
  return activity;
}

/** Only the organisation that registered an activity changes it. */
export async function ownActivity(db: Executor, actor: Actor, id: string): Promise<Activity> {
  requireRole(actor, ...registrars);
  const activity = await getActivity(db, actor, id);
  if (actor.kind === 'user' && activity.organisationId !== actor.organisationId) {
    throw new AppError('forbidden', `Aktiviteten er registreret af ${activity.organisationName}; kun de kan ændre den.`, {
      en: `The activity was registered by ${activity.organisationName}; only they can change it.`,
    });
  }
  return activity;
}

export async function updateActivity(db: Executor, actor: UserActor, id: string, input: unknown): Promise<Activity> {
  const before = await ownActivity(db, actor, id);
  const beforeCompanyIds = await findActivityCompanyIds(db, id);
  const value = parseInput(input);
  const companyIds = await resolveCompanies(db, actor, value);
  await updateActivityRow(db, id, value);
  await removeActivityCompanies(db, id, companyIds);
  await addActivityCompanies(db, id, companyIds);
  for (const companyId of companyIds) await addCompanyRegions(db, companyId, [actor.regionCode]);
  await saveOwnNote(db, id, actor.organisationId, actor.userId, noteOf(value));
  const after = (await findActivity(db, activityReader(actor), id))!;
  await recordAudit(db, actor, {
    action: 'update',
    entityType: 'activity',
    entityId: id,
    before: snapshot(before, beforeCompanyIds, before.note),
    after: snapshot(after, companyIds, noteOf(value)),
  });
  return after;
}

export async function listActivities(db: Executor, actor: Actor, filter: Omit<ActivityFilter, 'companyId'>, page: number) {
  requireRole(actor, ...readers);
  return findActivities(db, activityReader(actor), filter, { limit: ACTIVITY_PAGE_SIZE, offset: (page - 1) * ACTIVITY_PAGE_SIZE });
}

/** A company's activities, newest first; none for a company outside the reader's region. */
export async function listActivitiesOfCompany(db: Executor, actor: Actor, companyId: string): Promise<Activity[]> {
  const { company, inScope } = await getCompany(db, actor, companyId);
  if (!inScope) return [];
  return (await findActivities(db, activityReader(actor), { companyId: company.id }, { limit: 500, offset: 0 })).activities;
}

/** The organisations a reader can filter the list by: the hubs and local offices of its region. */
export async function activityOrganisations(db: Executor, actor: UserActor) {
  requireRole(actor, ...readers);
  return findActivityOrganisations(db, actor.regionCode);
}
