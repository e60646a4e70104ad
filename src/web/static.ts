// Static assets come from the installed packages (no CDN): DKFDS's dist/ folder as it is (its CSS
// loads fonts and icons by relative path), htmx, and our own small files in src/web/static/.
import { readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from './context.ts';

const require = createRequire(import.meta.url);
// dkfds's `exports` map hides dist/ and its JS throws in Node: find the folder from its entry point.
const dkfdsRoot = (() => {
  let dir = dirname(require.resolve('dkfds'));
  while (!dir.endsWith(`${sep}dkfds`)) dir = dirname(dir);
  return join(dir, 'dist');
})();
const htmxDist = join(dirname(require.resolve('htmx.org/package.json')), 'dist');
const ownStatic = fileURLToPath(new URL('./static', import.meta.url));

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

function serveFolder(root: string) {
  return async (path: string) => {
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) return null; // no ../ out of the folder
    try {
      if (!(await stat(file)).isFile()) return null;
      return { body: await readFile(file), type: contentTypes[extname(file)] ?? 'application/octet-stream' };
    } catch {
      return null;
    }
  };
}

export function staticRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const folders: [string, (path: string) => ReturnType<ReturnType<typeof serveFolder>>][] = [
    ['/static/dkfds/', serveFolder(dkfdsRoot)],
    ['/static/htmx/', serveFolder(htmxDist)],
    ['/static/', serveFolder(ownStatic)],
  ];
  app.get('/static/*', async (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    for (const [prefix, serve] of folders) {
      if (!path.startsWith(prefix)) continue;
      const found = await serve(path.slice(prefix.length));
      if (!found) continue;
      c.header('Content-Type', found.type);
      c.header('Cache-Control', 'public, max-age=3600');
      return c.body(new Uint8Array(found.body));
    }
    return c.notFound();
  });
  return app;
}
