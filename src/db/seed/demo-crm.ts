// CRM demo data for Region Nordjylland (seedDemo calls this last): 60 demo companies across the 11
// municipalities (four pre-starters without CVR, four advertising protected), Erhvervshus Nordjylland's
// guidance courses 2023–2026 with meetings and themes, the local offices' visits, the hub's meetings,
// calls and e-mails, events with participants, and shared and internal notes. All rows are generated
// by demo-crm.generate.ts from a seeded PRNG.
//
// Written with direct batch inserts, not through the services: the services take some ten queries per
// row, and the browser tests seed demo data for every run. Each row still gets its audit entry (actor
// "Demodata"), as a service would write it, and the rows keep the services' rules: every company in
// its municipality's region (1081), participant counts on events only, internal notes owned by the
// organisation that wrote them. See docs/decisions/007-activities.md.
import type { Executor } from '../database.ts';
import { generateDemoCrm, type DemoOrganisation } from './demo-crm.generate.ts';

const HUB = 'Erhvervshus Nordjylland';
const NORDJYLLAND = 1081;
const BATCH = 500;

async function insertBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await insert(rows.slice(i, i + BATCH));
}

export interface DemoCrmCounts {
  companies: number;
  courses: number;
  meetings: number;
  activities: number;
  notes: number;
}

export async function seedDemoCrm(db: Executor): Promise<DemoCrmCounts> {
  const { companies, courses, activities, notes } = generateDemoCrm();

  const organisations = await db.selectFrom('organisations').select(['id', 'name', 'municipality_code']).where('is_demo', '=', true).where('kind', 'in', ['hub', 'localOffice']).execute();
  const hub = organisations.find((o) => o.name === HUB);
  if (!hub) throw new Error(`demo organisation missing: ${HUB}`);
  const organisationId = (organisation: DemoOrganisation): string => {
    if (organisation === 'hub') return hub.id;
    const office = organisations.find((o) => o.municipality_code === organisation);
    if (!office) throw new Error(`demo local office missing for municipality ${organisation}`);
    return office.id;
  };
  const users = await db.selectFrom('users').select(['id', 'email']).where('is_demo', '=', true).execute();
  const userId = (email: string | null) => (email === null ? null : (users.find((u) => u.email === email)?.id ?? null));

  await insertBatches(companies, (batch) => db.insertInto('companies').values(batch.map((company) => ({ ...company, source: 'manual' as const, is_demo: true }))).execute());
  await insertBatches(companies, (batch) => db.insertInto('company_regions').values(batch.map((company) => ({ company_id: company.id, region_code: NORDJYLLAND }))).execute());

  await insertBatches(courses, (batch) =>
    db
      .insertInto('guidance_courses')
      .values(
        batch.map((course) => ({
          id: course.id,
          company_id: course.companyId,
          organisation_id: hub.id,
          business_hub_id: 'nordjylland',
          adviser_user_id: userId(course.adviser),
          category: course.category,
          themes: course.themes,
          segment: course.segment,
          target_group: course.targetGroup,
          start_date: course.startDate,
          end_date: course.endDate,
          status: course.status,
          is_demo: true,
        })),
      )
      .execute(),
  );
  const meetings = courses.flatMap((course) => course.meetings.map((meetingDate) => ({ course_id: course.id, meeting_date: meetingDate })));
  const meetingIds: { id: string; course_id: string; meeting_date: string }[] = [];
  await insertBatches(meetings, async (batch) => meetingIds.push(...(await db.insertInto('course_meetings').values(batch).returning(['id', 'course_id', 'meeting_date']).execute())));

  await insertBatches(activities, (batch) =>
    db
      .insertInto('activities')
      .values(
        batch.map((activity) => ({
          id: activity.id,
          organisation_id: organisationId(activity.organisation),
          adviser_user_id: userId(activity.adviser),
          kind: activity.kind,
          activity_date: activity.date,
          title: activity.title,
          participant_count: activity.participantCount,
          is_demo: true,
        })),
      )
      .execute(),
  );
  const participations = activities.flatMap((activity) => activity.companyIds.map((companyId) => ({ activity_id: activity.id, company_id: companyId })));
  await insertBatches(participations, (batch) => db.insertInto('activity_companies').values(batch).execute());

  await insertBatches(notes, (batch) =>
    db
      .insertInto('notes')
      .values(
        batch.map((note) => ({
          id: note.id,
          subject_type: note.subjectType,
          subject_id: note.subjectId,
          organisation_id: organisationId(note.organisation),
          author_user_id: userId(note.author),
          visibility: note.visibility,
          body: note.body,
          created_at: note.createdAt,
        })),
      )
      .execute(),
  );

  // One audit entry per created row, as the services would write it (entity types as theirs).
  const audit = [
    ...companies.map((company) => ['company', company.id, { name: company.name, cvr: company.cvr, municipalityCode: company.municipality_code, source: 'manual' }] as const),
    ...courses.map((course) => ['guidanceCourse', course.id, { companyId: course.companyId, category: course.category, themes: course.themes, startDate: course.startDate }] as const),
    ...meetingIds.map((meeting) => ['courseMeeting', meeting.id, { courseId: meeting.course_id, meetingDate: meeting.meeting_date }] as const),
    ...activities.map((activity) => ['activity', activity.id, { kind: activity.kind, activityDate: activity.date, title: activity.title, companyIds: activity.companyIds, participantCount: activity.participantCount }] as const),
    ...notes.map((note) => ['note', note.id, { subject: { type: note.subjectType, id: note.subjectId }, visibility: note.visibility }] as const),
  ];
  await insertBatches(audit, (batch) =>
    db
      .insertInto('audit_log')
      .values(batch.map(([entityType, entityId, after]) => ({ actor_name: 'Demodata', action: 'create' as const, entity_type: entityType, entity_id: entityId, after: JSON.stringify(after) })))
      .execute(),
  );
  return { companies: companies.length, courses: courses.length, meetings: meetings.length, activities: activities.length, notes: notes.length };
}
