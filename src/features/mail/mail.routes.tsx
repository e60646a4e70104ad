import { Hono } from 'hono';
import { pageContext, type AppEnv } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { getMailMessage, listMailLog } from './mail.service.ts';
import { MailMessagePage, OutboxPage } from './mail.views.tsx';

const PAGE_SIZE = 50;

export function mailRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/admin/e-mail', async (c) => {
    const actor = requireActor(c, 'admin');
    const { database, config } = c.get('deps');
    const page = Math.max(1, Number.parseInt(c.req.query('side') ?? '1', 10) || 1);
    const list = await listMailLog(database.db, actor, { page, pageSize: PAGE_SIZE });
    return c.html(<OutboxPage ctx={pageContext(c)} list={list} url={new URL(c.req.url)} transport={config.smtpUrl ? 'smtp' : 'outbox'} />);
  });

  app.get('/admin/e-mail/:id', async (c) => {
    const actor = requireActor(c, 'admin');
    const message = await getMailMessage(c.get('deps').database.db, actor, c.req.param('id'));
    return c.html(<MailMessagePage ctx={pageContext(c)} message={message} />);
  });

  return app;
}
