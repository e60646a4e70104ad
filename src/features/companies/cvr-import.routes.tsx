// Administration → Import fra CVR: the same import as `knudepunkt import cvr`, for files up to 20 MB.
import { Hono } from 'hono';
import { readCvrDocuments } from '../../domain/companies/cvr-document.ts';
import { pageContext, type AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { importCvrDocuments } from './cvr-import.service.ts';
import { CvrImportPage } from './cvr-import.views.tsx';

export const maxWebCvrFileBytes = 20 * 1024 * 1024;

async function* linesOf(text: string) {
  yield* text.split(/\r?\n/);
}

export function cvrImportRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/cvr-import', (c) => {
    requireActor(c, 'admin');
    return c.html(<CvrImportPage ctx={pageContext(c)} />);
  });

  app.post('/admin/cvr-import', async (c) => {
    const actor = requireActor(c, 'admin');
    const body = await c.req.parseBody();
    const file = body.file;
    const fail = (message: string) => c.html(<CvrImportPage ctx={pageContext(c)} errors={{ file: message }} />, 422);
    if (!(file instanceof File) || file.size === 0) return fail('Vælg en fil fra CVR-registret.');
    if (file.size > maxWebCvrFileBytes) return fail(`Filen er ${(file.size / 1024 / 1024).toFixed(1)} MB; her kan højst indlæses 20 MB. Brug kommandoen knudepunkt import cvr til større filer.`);
    const { database, clock } = c.get('deps');
    const text = new TextDecoder().decode(await file.arrayBuffer());
    const summary = await database.db.transaction().execute((tx) => importCvrDocuments(tx, actor, readCvrDocuments(linesOf(text)), { now: clock.now() }));
    return c.html(<CvrImportPage ctx={pageContext(c)} summary={summary} fileName={file.name} />);
  });

  return app;
}
