// Henvisninger → Importér henvisninger (/henvisninger/import), for admins (the roles the import service
// allows). As the activities import (activity-import.routes.tsx): step 1 uploads the file (a multipart
// form carrying `_csrf`), keeps it on the server under a random id (the shared upload store) and shows
// the dry run; step 2 imports that same file in one transaction; the outcome page survives a reload.
// Registered before referralRoutes(), whose /henvisninger/:id would otherwise take /henvisninger/import.
import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField, type FormErrors } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { readFileLines, uploadStore } from '../courses/course-import.files.ts';
import { importReferrals, referralImporters, type ReferralImportSummary } from './referral-import.service.ts';
import { ReferralImportFormPage, ReferralImportPreviewPage, ReferralImportResultPage, type ReferralUpload } from './referral-import.views.tsx';

const referralUploads = uploadStore<ReferralImportSummary>({
  folder: 'referral-imports',
  file: { da: 'henvisningsfilen', en: 'the referrals file' },
  command: 'knudepunkt import referrals',
  requireUtf8: true,
});

function renderForm(c: AppContext, errors?: FormErrors) {
  requireActor(c, ...referralImporters);
  return c.html(<ReferralImportFormPage ctx={pageContext(c)} errors={errors} />, errors ? 422 : 200);
}

async function dryRun(c: AppContext, upload: ReferralUpload) {
  const actor = requireActor(c, ...referralImporters);
  const { database, config } = c.get('deps');
  const summary = await importReferrals(database.db, actor, readFileLines(referralUploads.filePath(config.dataDir, upload.id)), { dryRun: true });
  return c.html(<ReferralImportPreviewPage ctx={pageContext(c)} upload={upload} summary={summary} />, summary.errors.length > 0 ? 422 : 200);
}

export function referralImportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/henvisninger/import', (c) => renderForm(c));

  // Step 1: keep the file and show what importing it would do. Nothing is saved in the database.
  app.post('/henvisninger/import', async (c) => {
    const actor = requireActor(c, ...referralImporters);
    const { config, clock } = c.get('deps');
    const body = await c.req.parseBody();
    let upload: ReferralUpload;
    try {
      upload = await referralUploads.keep(config.dataDir, { userId: actor.userId, organisationId: actor.organisationId }, body.file, clock.now(), c.get('locale'));
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      return renderForm(c, errorsByField(error.fields));
    }
    return dryRun(c, upload);
  });

  app.get('/henvisninger/import/:id', async (c) => {
    const actor = requireActor(c, ...referralImporters);
    const upload = await referralUploads.get(c.get('deps').config.dataDir, c.req.param('id'), actor.userId);
    if (upload.result) return c.html(<ReferralImportResultPage ctx={pageContext(c)} upload={upload} summary={upload.result} />);
    return dryRun(c, upload);
  });

  // Step 2: the same file, all or nothing in the service's one transaction; then the outcome
  // (post/redirect/get). A repeated confirm (a reload, a double click) only shows the outcome again.
  app.post('/henvisninger/import/:id', async (c) => {
    const actor = requireActor(c, ...referralImporters);
    const { database, config } = c.get('deps');
    const upload = await referralUploads.get(config.dataDir, c.req.param('id'), actor.userId);
    if (!upload.result) {
      const summary = await importReferrals(database.db, actor, readFileLines(referralUploads.filePath(config.dataDir, upload.id)), { dryRun: false });
      // Rows that became invalid since the check (e.g. an organisation renamed): nothing is saved.
      if (!summary.imported) return c.html(<ReferralImportPreviewPage ctx={pageContext(c)} upload={upload} summary={summary} rejected />, 422);
      await referralUploads.markImported(config.dataDir, upload, summary);
    }
    return c.redirect(`/henvisninger/import/${upload.id}`, 303);
  });

  return app;
}
