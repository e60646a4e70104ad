// A file sent as a download: always an attachment (never rendered in Knudepunkt's origin), with the
// given media type, nosniff, and not kept in shared caches — uploaded files and reports alike.
import type { AppContext } from './context.ts';

/** RFC 6266/5987: an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(name: string): string {
  const danish: Record<string, string> = { æ: 'ae', Æ: 'Ae', ø: 'oe', Ø: 'Oe', å: 'aa', Å: 'Aa' };
  const ascii = name.replace(/[æÆøØåÅ]/g, (ch) => danish[ch] ?? '_').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

export function sendDownload(c: AppContext, bytes: Uint8Array, mediaType: string, name: string): Response {
  return c.body(new Uint8Array(bytes), 200, {
    'Content-Type': mediaType,
    'Content-Disposition': attachmentDisposition(name),
    'Content-Length': String(bytes.length),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'private, no-store',
  });
}
