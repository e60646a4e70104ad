import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.ts';
import { pageContext } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { AdminPage } from './admin.views.tsx';

export function adminRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/admin', (c) => {
    requireActor(c, 'admin');
    return c.html(<AdminPage ctx={pageContext(c)} />);
  });
  return app;
}
