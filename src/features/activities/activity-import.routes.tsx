// Aktiviteter → Importér aktiviteter (/aktiviteter/import), for admins (the roles the import service
// allows). As the courses import (course-import.routes.tsx): step 1 uploads the file (a multipart form
// carrying `_csrf`), keeps it on the server under a random id and shows the dry run; step 2 imports that
// same file in one transaction; the outcome page survives a reload. Without JavaScript throughout.
// Registered before activityRoutes(), whose /aktiviteter/:id would otherwise take /aktiviteter/import.
import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField, type FormErrors } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { readFileLines, uploadStore } from '../courses/course-import.files.ts';
import { importActivities, type ActivityImportSummary } from './activity-import.service.ts';
import { ActivityImportFormPage, ActivityImportPreviewPage, ActivityImportResultPage, type ActivityUpload } from './activity-import.views.tsx';

/** The roles of `importActivities` (it checks them again). */
export const activityImporters = ['admin'] as const;

const activityUploads = uploadStore<ActivityImportSummary>({
  folder: 'activity-imports',
  file: { da: 'aktivitetsfilen', en: 'the activities file' },
  command: 'knudepunkt import activities',
  requireUtf8: true,
});

function renderForm(c: AppContext, errors?: FormErrors) {
  requireActor(c, ...activityImporters);
  return c.html(<ActivityImportFormPage ctx={pageContext(c)} errors={errors} />, errors ? 422 : 200);
}

async function dryRun(c: AppContext, upload: ActivityUpload) {
  const actor = requireActor(c, ...activityImporters);
  const { database, config } = c.get('deps');
  const summary = await importActivities(database.db, actor, readFileLines(activityUploads.filePath(config.dataDir, upload.id)), { dryRun: true });
  return c.html(<ActivityImportPreviewPage ctx={pageContext(c)} upload={upload} summary={summary} />, summary.errors.length > 0 ? 422 : 200);
}

export function activityImportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/aktiviteter/import', (c) => renderForm(c));

  // Step 1: keep the file and show what importing it would do. Nothing is saved in the database.
  app.post('/aktiviteter/import', async (c) => {
    const actor = requireActor(c, ...activityImporters);
    const { config, clock } = c.get('deps');
    const body = await c.req.parseBody();
    let upload: ActivityUpload;
    try {
      upload = await activityUploads.keep(config.dataDir, { userId: actor.userId, organisationId: actor.organisationId }, body.file, clock.now(), c.get('locale'));
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return renderForm(c, errorsByField(error.fields));
    }
    return dryRun(c, upload);
  });

  app.get('/aktiviteter/import/:id', async (c) => {
    const actor = requireActor(c, ...activityImporters);
    const upload = await activityUploads.get(c.get('deps').config.dataDir, c.req.param('id'), actor.userId);
    if (upload.result) return c.html(<ActivityImportResultPage ctx={pageContext(c)} upload={upload} summary={upload.result} />);
    return dryRun(c, upload);
  });

  // Step 2: the same file, all or nothing in the service's one transaction; then the outcome
  // (post/redirect/get). A repeated confirm (a reload, a double click) only shows the outcome again.
  app.post('/aktiviteter/import/:id', async (c) => {
    const actor = requireActor(c, ...activityImporters);
    const { database, config } = c.get('deps');
    const upload = await activityUploads.get(config.dataDir, c.req.param('id'), actor.userId);
    if (!upload.result) {
      const summary = await importActivities(database.db, actor, readFileLines(activityUploads.filePath(config.dataDir, upload.id)), { dryRun: false });
      // Rows that became invalid since the check (e.g. another organisation took an activity_id): nothing is saved.
      if (!summary.imported) return c.html(<ActivityImportPreviewPage ctx={pageContext(c)} upload={upload} summary={summary} rejected />, 422);
      await activityUploads.markImported(config.dataDir, upload, summary);
    }
    return c.redirect(`/aktiviteter/import/${upload.id}`, 303);
  });

  return app;
}
