// Guidance courses ("forløb", 02-crm.md): the hub's specialised guidance of a company, with meetings
// and notes. Within a region everyone sees that a course exists and its metadata; only the guiding
// organisation changes it, and its internal notes stay inside it.
import type { Executor } from '../../db/database.ts';
import type { Actor, UserActor } from '../../domain/actor.ts';
import { AppError, notFound, validationFailed } from '../../domain/errors.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { requireRole } from '../authorization.ts';
import { addCompanyRegions } from '../companies/companies.repository.ts';
import { getCompany } from '../companies/companies.service.ts';
import { fieldErrors } from '../validation.ts';
import { findCourse, findCourses, findCoursesOfCompany, findNotes, hubOfOrganisation, insertCourse, insertMeeting, insertNote, updateCourseRow, type CourseFilter } from './courses.repository.ts';
import { courseInput, meetingInput, noteInput, type Course } from './courses.schema.ts';

const readers = ['adviser', 'manager', 'kkr', 'admin', 'viewer'] as const;
const guides = ['adviser', 'manager', 'admin'] as const;
export const COURSE_PAGE_SIZE = 50;

function parse<T>(schema: { safeParse(value: unknown): { success: true; data: T } | { success: false; error: import('zod').ZodError } }, input: unknown): T {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationFailed(fieldErrors(parsed.error));
  return parsed.data;
}

const regionOf = (actor: Actor) => (actor.kind === 'system' ? 'all' : actor.regionCode);
const organisationOf = (actor: Actor) => (actor.kind === 'user' ? actor.organisationId : null);

export async function getCourse(db: Executor, actor: Actor, id: string): Promise<Course> {
  requireRole(actor, ...readers);
  const course = await findCourse(db, regionOf(actor), id);
  if (!course) throw notFound('Forløbet', 'The course was not found.');
  return course;
}

/** Only the organisation that guides may change a course (its meetings, dates, status). */
async function ownCourse(db: Executor, actor: Actor, id: string): Promise<Course> {
  requireRole(actor, ...guides);
  const course = await getCourse(db, actor, id);
  if (actor.kind === 'user' && course.organisationId !== actor.organisationId) {
    throw new AppError('forbidden', `Forløbet hører til ${course.organisationName}; kun de kan ændre det.`, { en: `The course belongs to ${course.organisationName}; only they can change it.` });
  }
  return course;
}

export async function createCourse(db: Executor, actor: UserActor, companyId: string, input: unknown): Promise<Course> {
  requireRole(actor, ...guides);
  if (actor.organisationKind !== 'hub' && actor.organisationKind !== 'localOffice') {
    throw new AppError('forbidden', 'Kun erhvervshuse og lokale erhvervskontorer registrerer forløb.', { en: 'Only business hubs and local business offices register courses.' });
  }
  const { company } = await getCompany(db, actor, companyId);
  const value = parse(courseInput, input);
  const hub = await hubOfOrganisation(db, actor.organisationId);
  if (!hub) throw new AppError('validation', 'Din organisation er ikke knyttet til et erhvervshus.', { en: 'Your organisation is not linked to a business hub.' });
  const id = await insertCourse(db, { ...value, companyId: company.id, organisationId: actor.organisationId, businessHubId: hub, adviserUserId: actor.userId });
  // The guiding organisation's region now works with the company (docs/decisions/005).
  await addCompanyRegions(db, company.id, [actor.regionCode]);
  const course = (await findCourse(db, 'all', id))!;
  await recordAudit(db, actor, { action: 'create', entityType: 'guidanceCourse', entityId: id, after: course });
  return course;
}

export async function updateCourse(db: Executor, actor: Actor, id: string, input: unknown): Promise<Course> {
  const before = await ownCourse(db, actor, id);
  const value = parse(courseInput, input);
  await updateCourseRow(db, id, value);
  const after = (await findCourse(db, 'all', id))!;
  await recordAudit(db, actor, { action: 'update', entityType: 'guidanceCourse', entityId: id, before, after });
  return after;
}

export async function addMeeting(db: Executor, actor: Actor, courseId: string, input: unknown): Promise<Course> {
  const course = await ownCourse(db, actor, courseId);
  const { meetingDate } = parse(meetingInput, input);
  if (course.meetingDates.includes(meetingDate)) throw validationFailed([{ field: 'meetingDate', message: `Der er allerede registreret et møde ${meetingDate}.` }]);
  const meetingId = await insertMeeting(db, courseId, meetingDate);
  await recordAudit(db, actor, { action: 'create', entityType: 'courseMeeting', entityId: meetingId, after: { courseId, meetingDate } });
  return (await findCourse(db, 'all', courseId))!;
}

export async function listCourses(db: Executor, actor: Actor, filter: Omit<CourseFilter, 'regionCode'>, page: number) {
  requireRole(actor, ...readers);
  return findCourses(db, { ...filter, regionCode: regionOf(actor) }, { limit: COURSE_PAGE_SIZE, offset: (page - 1) * COURSE_PAGE_SIZE });
}

export async function listCoursesOfCompany(db: Executor, actor: Actor, companyId: string) {
  const { company, inScope } = await getCompany(db, actor, companyId);
  return inScope ? findCoursesOfCompany(db, company.id) : [];
}

/** A note on a company or a course; `internal` notes are seen only by the writer's organisation. */
export async function addNote(db: Executor, actor: UserActor, subject: { type: 'company' | 'course'; id: string }, input: unknown): Promise<void> {
  requireRole(actor, ...guides);
  if (subject.type === 'course') await getCourse(db, actor, subject.id);
  else {
    const { inScope } = await getCompany(db, actor, subject.id);
    if (!inScope) throw new AppError('forbidden', 'Virksomheden hører til en anden region.', { en: 'The company belongs to another region.' });
  }
  const value = parse(noteInput, input);
  const id = await insertNote(db, { subjectType: subject.type, subjectId: subject.id, organisationId: actor.organisationId, authorUserId: actor.userId, ...value });
  await recordAudit(db, actor, { action: 'create', entityType: 'note', entityId: id, after: { subject, visibility: value.visibility } });
}

export async function listNotes(db: Executor, actor: Actor, subjectType: 'company' | 'course', subjectIds: string[]) {
  requireRole(actor, ...readers);
  return findNotes(db, subjectType, subjectIds, organisationOf(actor));
}
