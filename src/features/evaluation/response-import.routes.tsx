// Evaluering → Importér besvarelser (/evaluering/import), for admins and hub managers (the roles the
// import service allows). As the activities import: step 1 uploads the file (a multipart form carrying
// `_csrf`), keeps it on the server under a random id and shows the dry run; step 2 imports that same
// file in one transaction; the outcome page survives a reload. Without JavaScript throughout.
import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField, type FormErrors } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { readFileLines, uploadStore } from '../courses/course-import.files.ts';
import { importResponses, responseImporters, type ResponseImportSummary } from './response-import.service.ts';
import { RESPONSES_COMMAND, ResponseImportFormPage, ResponseImportPreviewPage, ResponseImportResultPage, type ResponseUpload } from './response-import.views.tsx';

const responseUploads = uploadStore<ResponseImportSummary>({
  folder: 'response-imports',
  file: { da: 'besvarelsesfilen', en: 'the responses file' },
  command: RESPONSES_COMMAND,
  requireUtf8: true,
});

function renderForm(c: AppContext, errors?: FormErrors) {
  requireActor(c, ...responseImporters);
  return c.html(<ResponseImportFormPage ctx={pageContext(c)} errors={errors} />, errors ? 422 : 200);
}

async function dryRun(c: AppContext, upload: ResponseUpload) {
  const actor = requireActor(c, ...responseImporters);
  const { database, config, clock } = c.get('deps');
  const lines = readFileLines(responseUploads.filePath(config.dataDir, upload.id));
  const summary = await importResponses(database.db, actor, lines, { dryRun: true, fileName: upload.fileName, now: clock.now() });
  return c.html(<ResponseImportPreviewPage ctx={pageContext(c)} upload={upload} summary={summary} />, summary.errorCount > 0 ? 422 : 200);
}

export function responseImportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/evaluering/import', (c) => renderForm(c));

  // Step 1: keep the file and show what importing it would do. Nothing is saved in the database.
  app.post('/evaluering/import', async (c) => {
    const actor = requireActor(c, ...responseImporters);
    const { config, clock } = c.get('deps');
    const body = await c.req.parseBody();
    let upload: ResponseUpload;
    try {
      upload = await responseUploads.keep(config.dataDir, { userId: actor.userId, organisationId: actor.organisationId }, body.file, clock.now(), c.get('locale'));
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return renderForm(c, errorsByField(error.fields));
    }
    return dryRun(c, upload);
  });

  app.get('/evaluering/import/:id', async (c) => {
    const actor = requireActor(c, ...responseImporters);
    const upload = await responseUploads.get(c.get('deps').config.dataDir, c.req.param('id'), actor.userId);
    if (upload.result) return c.html(<ResponseImportResultPage ctx={pageContext(c)} upload={upload} summary={upload.result} />);
    return dryRun(c, upload);
  });

  // Step 2: the same file, all or nothing in the service's one transaction; then the outcome
  // (post/redirect/get). A repeated confirm (a reload, a double click) only shows the outcome again.
  app.post('/evaluering/import/:id', async (c) => {
    const actor = requireActor(c, ...responseImporters);
    const { database, config, clock } = c.get('deps');
    const upload = await responseUploads.get(config.dataDir, c.req.param('id'), actor.userId);
    if (!upload.result) {
      const lines = readFileLines(responseUploads.filePath(config.dataDir, upload.id));
      const summary = await importResponses(database.db, actor, lines, { dryRun: false, fileName: upload.fileName, now: clock.now() });
      if (!summary.imported) return c.html(<ResponseImportPreviewPage ctx={pageContext(c)} upload={upload} summary={summary} rejected />, 422);
      await responseUploads.markImported(config.dataDir, upload, summary);
    }
    return c.redirect(`/evaluering/import/${upload.id}`, 303);
  });

  return app;
}
