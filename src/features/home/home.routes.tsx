import { Hono } from 'hono';
import type { AppEnv } from '../../web/context.ts';
import { pageContext } from '../../web/context.ts';
import { requireActor } from '../../web/guards.ts';
import { listReferralBox } from '../referrals/referrals.service.ts';
import { groupOf, type ReferralGroup } from '../referrals/referrals.views.tsx';
import { findHomeFacts } from './home.repository.ts';
import { HomePage } from './home.views.tsx';

export function homeRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/', async (c) => {
    const actor = requireActor(c);
    const { database, clock } = c.get('deps');
    const facts = await findHomeFacts(database.db, actor.organisationId);
    // The receiver's dashboard (02-crm.md): referrals waiting for first contact, and those past the goal.
    const now = clock.now();
    const inbox: Record<ReferralGroup, number> = { new: 0, awaiting: 0, overdue: 0, inProgress: 0, closed: 0 };
    for (const referral of await listReferralBox(database.db, actor, { box: 'inbox', mine: false })) inbox[groupOf(referral, now)]++;
    return c.html(<HomePage ctx={pageContext(c)} actor={actor} facts={facts} inbox={inbox} />);
  });
  return app;
}
