import { z } from 'zod';
import { defineOperation } from '../../web/api/operation.ts';
import { activityInput, activityResponse } from './activities.schema.ts';
import { createActivity, listActivitiesOfCompany } from './activities.service.ts';

const companyParams = z.object({ id: z.string().meta({ description: 'Virksomhedens id (uuid)' }) });

export const activityOperations = [
  defineOperation({
    method: 'get',
    path: '/companies/:id/activities',
    operationId: 'listCompanyActivities',
    summary: 'En virksomheds aktiviteter (besøg, møder, samtaler, e-mails, arrangementer), nyeste først; interne noter kun for egen organisation',
    tag: 'Aktiviteter',
    roles: [],
    params: companyParams,
    response: z.object({ activities: z.array(activityResponse) }),
    handler: async (c, actor, { params }) => ({ activities: await listActivitiesOfCompany(c.get('deps').database.db, actor, params.id) }),
  }),
  defineOperation({
    method: 'post',
    path: '/activities',
    operationId: 'createActivity',
    summary: 'Registrér en aktivitet for din organisation med én eller flere virksomheder (companyIds og/eller cvrs)',
    tag: 'Aktiviteter',
    roles: ['adviser', 'manager', 'admin'],
    body: activityInput,
    response: activityResponse,
    status: 201,
    handler: async (c, actor) => {
      const body = await c.req.json();
      return c.get('deps').database.db.transaction().execute((tx) => createActivity(tx, actor, body));
    },
  }),
];
