import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.ts';
import { pageContext } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { findHomeFacts } from './home.repository.ts';
import { HomePage } from './home.views.tsx';

export function homeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const actor = requireActor(c);
    const facts = await findHomeFacts(c.get('deps').database.db, actor.organisationId);
    return c.html(<HomePage ctx={pageContext(c)} actor={actor} facts={facts} />);
  });
  return app;
}
