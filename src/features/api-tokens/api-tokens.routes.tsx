import { Hono } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import { createApiToken, listApiTokens, revokeApiToken } from './api-tokens.service.ts';
import { ApiTokensPage } from './api-tokens.views.tsx';

export function apiTokenRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/api-noegler', async (c) => {
    const actor = requireActor(c);
    return c.html(<ApiTokensPage ctx={pageContext(c)} tokens={await listApiTokens(c.get('deps').database.db, actor)} />);
  });

  app.post('/api-noegler', async (c) => {
    const actor = requireActor(c);
    const { database, config } = c.get('deps');
    const body = await formBody(c);
    try {
      const { token, apiToken } = await database.db.transaction().execute((tx) => createApiToken(tx, config, actor, body));
      // The token is shown in this response only; it is never stored or shown again.
      c.header('Cache-Control', 'no-store');
      return c.html(<ApiTokensPage ctx={pageContext(c)} tokens={await listApiTokens(database.db, actor)} created={{ token, name: apiToken.name }} />);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const name = typeof body.name === 'string' ? body.name : '';
      return c.html(<ApiTokensPage ctx={pageContext(c)} tokens={await listApiTokens(database.db, actor)} name={name} errors={errorsByField(error.fields)} />, 422);
    }
  });

  app.post('/api-noegler/:id/tilbagekald', async (c) => {
    const actor = requireActor(c);
    const { database, clock } = c.get('deps');
    const id = c.req.param('id');
    await database.db.transaction().execute((tx) => revokeApiToken(tx, clock, actor, id));
    return c.redirect('/api-noegler', 303);
  });

  return app;
}
