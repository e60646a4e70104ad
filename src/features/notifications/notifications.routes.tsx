import { Hono, type MiddlewareHandler } from 'hono';
import { AppError } from '../../domain/errors.ts';
import { errorsByField } from '../../web/components/forms.tsx';
import { pageContext, type AppContext, type AppEnv } from '../../web/context.ts';
import { formBody, requireActor } from '../../web/guards.ts';
import {
  countUnreadNotifications,
  getNotificationPreferences,
  listNotifications,
  markAllNotificationsRead,
  markNotificationRead,
  setNotificationPreferences,
} from './notifications.service.ts';
import { NotificationPreferencesPage, NotificationsPage } from './notifications.views.tsx';

const notices: Record<string, [string, string]> = {
  laest: ['Notifikationen er markeret som læst.', 'The notification has been marked as read.'],
  alle: ['Alle notifikationer er markeret som læst.', 'All notifications have been marked as read.'],
  gemt: ['Dine valg er gemt.', 'Your choices have been saved.'],
};
const noticeOf = (c: AppContext) => notices[c.req.query('besked') ?? '']?.[c.get('locale') === 'en' ? 1 : 0];

/**
 * Counts the signed-in user's unread notifications once per page request (one indexed count), for
 * the header the layout renders. API calls and requests without a user are not counted.
 */
export const unreadNotificationCount: MiddlewareHandler<AppEnv> = async (c, next) => {
  const actor = c.get('actor');
  if (!actor || c.req.method !== 'GET' || c.req.path.startsWith('/api/') || c.req.path.startsWith('/static/')) return next();
  c.set('unreadNotifications', await countUnreadNotifications(c.get('deps').database.db, actor));
  await next();
};

export function notificationRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/notifikationer', async (c) => {
    const actor = requireActor(c);
    const notifications = await listNotifications(c.get('deps').database.db, actor);
    return c.html(<NotificationsPage ctx={pageContext(c)} notifications={notifications} notice={noticeOf(c)} />);
  });

  app.post('/notifikationer/laest', async (c) => {
    const actor = requireActor(c);
    const { database, clock } = c.get('deps');
    await database.db.transaction().execute((tx) => markAllNotificationsRead(tx, clock, actor));
    return c.redirect('/notifikationer?besked=alle', 303);
  });

  app.post('/notifikationer/:id/laest', async (c) => {
    const actor = requireActor(c);
    const { database, clock } = c.get('deps');
    await database.db.transaction().execute((tx) => markNotificationRead(tx, clock, actor, c.req.param('id')));
    return c.redirect('/notifikationer?besked=laest', 303);
  });

  app.get('/notifikationer/indstillinger', async (c) => {
    const actor = requireActor(c);
    const preferences = await getNotificationPreferences(c.get('deps').database.db, actor);
    return c.html(<NotificationPreferencesPage ctx={pageContext(c)} preferences={preferences} notice={noticeOf(c)} />);
  });

  app.post('/notifikationer/indstillinger', async (c) => {
    const actor = requireActor(c);
    const db = c.get('deps').database.db;
    const body = await formBody(c);
    try {
      await db.transaction().execute((tx) => setNotificationPreferences(tx, actor, body));
      return c.redirect('/notifikationer/indstillinger?besked=gemt', 303);
    } catch (error) {
      if (!(error instanceof AppError) || error.fields.length === 0) throw error;
      const preferences = await getNotificationPreferences(db, actor);
      return c.html(<NotificationPreferencesPage ctx={pageContext(c)} preferences={preferences} errors={errorsByField(error.fields)} />, 422);
    }
  });

  return app;
}
