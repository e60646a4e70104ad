// GET /henvisninger/:id/screening: the lead's screening, for those who may see the referral's details.
// Always a download (Content-Disposition: attachment) with the stored media type and nosniff, so a
// file is never rendered in Knudepunkt's origin.
import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.ts';
import { sendDownload } from '../../web/download.ts';
import { requireActor } from '../../web/guards.ts';
import { readScreening } from './referral-files.service.ts';

export function referralFileRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/henvisninger/:id/screening', async (c) => {
    const actor = requireActor(c);
    const { database, config } = c.get('deps');
    const { info, bytes } = await readScreening(database.db, config.dataDir, actor, c.req.param('id'));
    return sendDownload(c, bytes, info.mediaType, info.name);
  });
  return app;
}
