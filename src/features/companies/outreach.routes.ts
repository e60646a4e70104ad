// Virksomheder → "Liste til opsøgende arbejde": the current search as a CSV file (semicolons, BOM;
// docs/formats.md), streamed batch by batch, without advertising-protected companies.
import { Hono } from 'hono';
import { stream } from 'hono/streaming';
import type { AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { csvLines, toCsv } from '../allocations/spreadsheet.ts';
import { outreachCsvHeader, outreachCsvRow, outreachList, outreachListMakers } from './outreach.service.ts';

export function outreachRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/virksomheder/opsoegende-liste.csv', async (c) => {
    const actor = requireActor(c, ...outreachListMakers);
    const { database, clock } = c.get('deps');
    // Validation, authorization and the audit entry happen before the first byte is sent, so a bad
    // filter or a refused user gets a normal error page, not half a file.
    const list = await outreachList(database.db, actor, c.req.query());
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="opsoegende-liste-${clock.now().toISOString().slice(0, 10)}.csv"`);
    c.header('X-Left-Out-Advertising-Protected', String(list.leftOut));
    return stream(c, async (out) => {
      await out.write(toCsv([outreachCsvHeader]));
      for await (const companies of list.batches) await out.write(csvLines(companies.map(outreachCsvRow)));
    });
  });

  return app;
}
