import { Hono } from 'hono';
import type { Executor } from '../../db/database.ts';
import { hasRole, type UserActor } from '../../domain/actor.ts';
import { AppError } from '../../domain/errors.ts';
import { guidanceCategories } from '../../domain/guidance/guidance.types.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { getCompany } from '../companies/companies.service.ts';
import type { Course } from './courses.schema.ts';
import { COURSE_PAGE_SIZE, addMeeting, addNote, createCourse, getCourse, listCourses, listNotes, updateCourse } from './courses.service.ts';
import { CourseFormPage } from './courses.form.views.tsx';
import { CourseListPage, CoursePage } from './courses.views.tsx';

const courseValues = (course: Course) => ({
  category: course.category,
  themes: course.themes,
  segment: course.segment ?? '',
  targetGroup: course.targetGroup ?? '',
  startDate: course.startDate,
  endDate: course.endDate ?? '',
  status: course.status,
});

const guides = ['adviser', 'manager', 'admin'] as const;

async function renderCourse(c: AppContext, id: string, extra: { errors?: Record<string, string>; notice?: string } = {}, status: 200 | 422 = 200) {
  const actor = requireActor(c);
  const db = c.get('deps').database.db;
  const course = await getCourse(db, actor, id);
  const notes = await listNotes(db, actor, 'course', [course.id]);
  const canNote = hasRole(actor, ...guides);
  return c.html(<CoursePage ctx={pageContext(c)} course={course} notes={notes} canChange={canNote && course.organisationId === actor.organisationId} canNote={canNote} {...extra} />, status);
}

export function courseRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/forloeb', async (c) => {
    const actor = requireActor(c);
    const category = (guidanceCategories as readonly string[]).includes(c.req.query('kategori') ?? '') ? c.req.query('kategori') : undefined;
    const year = /^\d{4}$/.test(c.req.query('aar') ?? '') ? Number(c.req.query('aar')) : undefined;
    const page = Math.max(1, Number.parseInt(c.req.query('side') ?? '1', 10) || 1);
    const result = await listCourses(c.get('deps').database.db, actor, { category, year }, page);
    return c.html(<CourseListPage ctx={pageContext(c)} courses={result.courses} total={result.total} page={page} pageSize={COURSE_PAGE_SIZE} filter={{ category, year }} url={new URL(c.req.url)} />);
  });

  app.get('/virksomheder/:id/forloeb/ny', async (c) => {
    const actor = requireActor(c, ...guides);
    const { company } = await getCompany(c.get('deps').database.db, actor, c.req.param('id'));
    return c.html(<CourseFormPage ctx={pageContext(c)} company={company} values={{ status: 'active' }} />);
  });

  app.post('/virksomheder/:id/forloeb', async (c) => {
    const actor = requireActor(c, ...guides);
    const db = c.get('deps').database.db;
    const body = await formBody(c);
    try {
      const course = await db.transaction().execute((tx) => createCourse(tx, actor, c.req.param('id'), body));
      return c.redirect(`/forloeb/${course.id}?besked=oprettet`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const { company } = await getCompany(db, actor, c.req.param('id'));
      return c.html(<CourseFormPage ctx={pageContext(c)} company={company} values={body} errors={errorsByField(error.fields)} />, 422);
    }
  });

  app.get('/forloeb/:id', (c) => {
    const texts: Record<string, [string, string]> = { oprettet: ['Forløbet er registreret.', 'The course has been registered.'], gemt: ['Gemt.', 'Saved.'] };
    const notice = texts[c.req.query('besked') ?? '']?.[c.get('locale') === 'en' ? 1 : 0];
    return renderCourse(c, c.req.param('id'), notice ? { notice } : {});
  });

  app.get('/forloeb/:id/rediger', async (c) => {
    const actor = requireActor(c, ...guides);
    const course = await getCourse(c.get('deps').database.db, actor, c.req.param('id'));
    return c.html(<CourseFormPage ctx={pageContext(c)} company={{ id: course.companyId, name: course.companyName }} courseId={course.id} values={courseValues(course)} />);
  });

  app.post('/forloeb/:id', async (c) => {
    const actor = requireActor(c, ...guides);
    const db = c.get('deps').database.db;
    const id = c.req.param('id');
    const body = await formBody(c);
    try {
      await db.transaction().execute((tx) => updateCourse(tx, actor, id, body));
      return c.redirect(`/forloeb/${id}?besked=gemt`, 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const course = await getCourse(db, actor, id);
      return c.html(<CourseFormPage ctx={pageContext(c)} company={{ id: course.companyId, name: course.companyName }} courseId={id} values={body} errors={errorsByField(error.fields)} />, 422);
    }
  });

  type CourseAction = (tx: Executor, actor: UserActor, id: string, body: unknown) => Promise<unknown>;
  const actions: [string, CourseAction][] = [
    ['moeder', (tx, actor, id, body) => addMeeting(tx, actor, id, body)],
    ['noter', (tx, actor, id, body) => addNote(tx, actor, { type: 'course', id }, body)],
  ];
  for (const [path, action] of actions) {
    app.post(`/forloeb/:id/${path}`, async (c) => {
      const actor = requireActor(c, ...guides);
      const id = c.req.param('id');
      const body = await formBody(c);
      try {
        await c.get('deps').database.db.transaction().execute((tx) => action(tx, actor, id, body));
        return c.redirect(`/forloeb/${id}?besked=gemt`, 303);
      } catch (error) {
        if (!(error instanceof AppError) || error.fields.length === 0) throw error;
        return renderCourse(c, id, { errors: errorsByField(error.fields) }, 422);
      }
    });
  }

  return app;
}
