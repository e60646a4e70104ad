// /healthz: the process is alive. /readyz: the database answers and its migrations are current, so
// a load balancer sends traffic only to an instance that can serve it.
import { Hono } from 'hono';
import { sql } from 'kysely';
import { pendingMigrations } from '../../db/migrate.ts';
import type { AppEnv } from '../../web/context.ts';

export function healthRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    const { database } = c.get('deps');
    try {
      await sql`select 1`.execute(database.db);
      const pending = await pendingMigrations(database);
      if (pending.length > 0) return c.json({ status: 'migrations pending', pending: pending.map((m) => m.name) }, 503);
      return c.json({ status: 'ready', database: database.kind });
    } catch (error) {
      c.get('logger').warn('readiness check failed', { error: error instanceof Error ? error.message : String(error) });
      return c.json({ status: 'database unavailable' }, 503);
    }
  });
  return app;
}
