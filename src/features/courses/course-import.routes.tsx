// Forløb → Importér forløb (/forloeb/import), for managers and admins. Step 1 uploads the file (a
// multipart form carrying `_csrf`), keeps it on the server under a random id and shows the dry run;
// step 2 imports that same file in one transaction; the outcome page survives a reload. Without
// JavaScript throughout. The service checks role, organisation and region again.
import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField, type FormErrors } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { courseUploads, readFileLines, type CourseUpload } from './course-import.files.ts';
import { findImportOrganisationsInRegion } from './course-import.repository.ts';
import { CourseImportRejected, courseImporters, importCourses } from './course-import.service.ts';
import { CourseImportFormPage, CourseImportPreviewPage, CourseImportResultPage } from './course-import.views.tsx';

async function renderForm(c: AppContext, extra: { errors?: FormErrors; message?: string; organisationId?: string | undefined } = {}, status: 200 | 422 = 200) {
  const actor = requireActor(c, ...courseImporters);
  // Admins may register under another hub or local office of their region; managers under their own.
  const organisations = actor.roles.includes('admin') ? await findImportOrganisationsInRegion(c.get('deps').database.db, actor.regionCode) : null;
  return c.html(<CourseImportFormPage ctx={pageContext(c)} organisations={organisations} {...extra} />, status);
}

async function dryRun(c: AppContext, upload: CourseUpload) {
  const actor = requireActor(c, ...courseImporters);
  const { database, config } = c.get('deps');
  const summary = await importCourses(database.db, actor, readFileLines(courseUploads.filePath(config.dataDir, upload.id)), {
    dryRun: true,
    organisationId: upload.organisationId,
    fileName: upload.fileName,
  });
  return c.html(<CourseImportPreviewPage ctx={pageContext(c)} upload={upload} summary={summary} />, summary.errorCount > 0 ? 422 : 200);
}

const messageOf = (c: AppContext, error: AppError) => (c.get('locale') === 'en' ? error.userMessageEn : error.userMessage);

export function courseImportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/forloeb/import', (c) => renderForm(c));

  // Step 1: keep the file and show what importing it would do. Nothing is saved in the database.
  app.post('/forloeb/import', async (c) => {
    const actor = requireActor(c, ...courseImporters);
    const { config, clock } = c.get('deps');
    const body = await c.req.parseBody();
    const organisationId = typeof body.organisation === 'string' && body.organisation !== '' ? body.organisation : undefined;
    let upload: CourseUpload;
    try {
      const owner = { userId: actor.userId, organisationId: organisationId ?? actor.organisationId };
      upload = await courseUploads.keep(config.dataDir, owner, body.file, clock.now(), c.get('locale'));
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return renderForm(c, { errors: errorsByField(error.fields), organisationId }, 422);
    }
    try {
      return await dryRun(c, upload);
    } catch (error) {
      // The organisation cannot register courses (e.g. a KKR secretariat): say so on the form.
      if (!(error instanceof AppError) || error.code !== 'validation') throw error;
      return renderForm(c, { message: messageOf(c, error), errors: { organisation: messageOf(c, error) }, organisationId }, 422);
    }
  });

  app.get('/forloeb/import/:id', async (c) => {
    const actor = requireActor(c, ...courseImporters);
    const upload = await courseUploads.get(c.get('deps').config.dataDir, c.req.param('id'), actor.userId);
    if (upload.result) return c.html(<CourseImportResultPage ctx={pageContext(c)} upload={upload} summary={upload.result} />);
    return dryRun(c, upload);
  });

  // Step 2: the same file, all or nothing in one transaction; then the outcome (post/redirect/get).
  app.post('/forloeb/import/:id', async (c) => {
    const actor = requireActor(c, ...courseImporters);
    const { database, config } = c.get('deps');
    const upload = await courseUploads.get(config.dataDir, c.req.param('id'), actor.userId);
    if (upload.result) return c.redirect(`/forloeb/import/${upload.id}`, 303);
    try {
      const summary = await database.db.transaction().execute((tx) =>
        importCourses(tx, actor, readFileLines(courseUploads.filePath(config.dataDir, upload.id)), { dryRun: false, organisationId: upload.organisationId, fileName: upload.fileName }),
      );
      await courseUploads.markImported(config.dataDir, upload, summary);
      return c.redirect(`/forloeb/import/${upload.id}`, 303);
    } catch (error) {
      // Rows that became invalid since the check (another import took a course_id): nothing is saved.
      if (!(error instanceof CourseImportRejected)) throw error;
      return c.html(<CourseImportPreviewPage ctx={pageContext(c)} upload={upload} summary={error.summary} rejected />, 422);
    }
  });

  return app;
}
