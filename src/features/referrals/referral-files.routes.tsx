// GET /henvisninger/:id/screening: the lead's screening, for those who may see the referral's details.
// Always a download (Content-Disposition: attachment) with the stored media type and nosniff, so a
// file is never rendered in Knudepunkt's origin.
import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { readScreening } from './referral-files.service.ts';

/** RFC 6266/5987: an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(name: string): string {
  const danish: Record<string, string> = { æ: 'ae', Æ: 'Ae', ø: 'oe', Ø: 'Oe', å: 'aa', Å: 'Aa' };
  const ascii = name.replace(/[æÆøØåÅ]/g, (ch) => danish[ch] ?? '_').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export function referralFileRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/henvisninger/:id/screening', async (c) => {
    const actor = requireActor(c);
    const { database, config } = c.get('deps');
    const { info, bytes } = await readScreening(database.db, config.dataDir, actor, c.req.param('id'));
    return c.body(new Uint8Array(bytes), 200, {
      'Content-Type': info.mediaType,
      'Content-Disposition': attachmentDisposition(info.name),
      'Content-Length': String(bytes.length),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    });
  });
  return app;
}
