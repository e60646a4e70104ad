// GET /kontrakter/filer/:fileId: an evidence file or external figure's document, for those who may read
// its contract (others: not found). Always a download with the stored type and nosniff, so a file is
// never rendered in Knudepunkt's origin.
import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { sendDownload } from '../../web/download.ts';
import { readContractFile } from './contract-files.service.ts';

export function contractFileRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/kontrakter/filer/:fileId', async (c) => {
    const actor = requireActor(c);
    const { database, config } = c.get('deps');
    const { info, bytes } = await readContractFile(database.db, config.dataDir, actor, c.req.param('fileId'));
    return sendDownload(c, bytes, info.mediaType, info.name);
  });
  return app;
}
