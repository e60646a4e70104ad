import { z } from 'zod';
import { serviceGoalDeadline, serviceGoalStatus } from '../../domain/referrals/service-goal.ts';
import { defineOperation } from '../../web/api/operation.ts';
import type { AppContext } from '../../web/context.ts';
import { referralInput, referralMetricsResponse, referralResponse, transitionInput, type Referral, type ReferralEvent, type ReferralResponse } from './referrals.schema.ts';
import { sendReferralLink } from './referral-external.service.ts';
import { createReferral, getReferral, getReferralHistory, getReferralMetrics, listReferralBox, transitionReferral } from './referrals.service.ts';

const idParams = z.object({ id: z.string().meta({ description: 'uuid' }) });
const isoOrNull = (date: Date | null) => (date ? date.toISOString() : null);

export function toReferralResponse(referral: Referral, now: Date, events?: ReferralEvent[]): ReferralResponse {
  return {
    id: referral.id,
    kind: referral.kind,
    state: referral.state,
    outcome: referral.outcome,
    company: { id: referral.companyId, name: referral.companyName, cvr: referral.companyCvr },
    from: { organisationId: referral.fromOrganisationId, organisationName: referral.fromOrganisationName, userName: referral.fromUserName },
    to: { organisationId: referral.toOrganisationId, organisationName: referral.toOrganisationName, userName: referral.receiverUserName },
    courseId: referral.courseId,
    theme: referral.theme,
    note: referral.note,
    rejectionReason: referral.rejectionReason,
    serviceGoalHours: referral.serviceGoalHours,
    serviceGoalDeadline: serviceGoalDeadline(referral.createdAt, referral.serviceGoalHours).toISOString(),
    overdue: serviceGoalStatus(referral, now).kind === 'overdue',
    createdAt: referral.createdAt.toISOString(),
    receivedAt: isoOrNull(referral.receivedAt),
    contactedAt: isoOrNull(referral.contactedAt),
    closedAt: isoOrNull(referral.closedAt),
    ...(events ? { events: events.map((e) => ({ fromState: e.fromState, toState: e.toState, at: e.at.toISOString(), byName: e.byName, note: e.note })) } : {}),
  };
}

const now = (c: AppContext) => c.get('deps').clock.now();

export const referralOperations = [
  defineOperation({
    method: 'get',
    path: '/referrals/metrics',
    operationId: 'getReferralMetrics',
    summary: 'Nøgletal for regionens henvisninger pr. modtager, afsender og (dansk) måned: andel kontaktet inden for servicemålet, median timer til første kontakt, udfald – hver med n',
    tag: 'Henvisninger',
    roles: [],
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional().meta({ description: 'Kun henvisninger sendt i året (dansk tid)' }) }),
    response: referralMetricsResponse,
    handler: async (c, actor, { query }) => getReferralMetrics(c.get('deps').database.db, c.get('deps').clock, actor, { year: query.year }),
  }),
  defineOperation({
    method: 'get',
    path: '/referrals',
    operationId: 'listReferrals',
    summary: 'Din organisations indbakke (til jer) eller udbakke (fra jer); `mine` kun dine egne',
    tag: 'Henvisninger',
    roles: [],
    query: z.object({
      box: z.enum(['inbox', 'outbox']).default('inbox'),
      mine: z.enum(['true', 'false']).default('false').meta({ description: 'Kun dem du har sendt (udbakke) eller kontaktet (indbakke)' }),
    }),
    response: z.object({ referrals: z.array(referralResponse) }),
    handler: async (c, actor, { query }) => {
      const referrals = await listReferralBox(c.get('deps').database.db, actor, { box: query.box, mine: query.mine === 'true' });
      return { referrals: referrals.map((r) => toReferralResponse(r, now(c))) };
    },
  }),
  defineOperation({
    method: 'get',
    path: '/referrals/:id',
    operationId: 'getReferral',
    summary: 'Én henvisning med historik (noter kun for den henvisende og den modtagende organisation)',
    tag: 'Henvisninger',
    roles: [],
    params: idParams,
    response: referralResponse,
    handler: async (c, actor, { params }) => {
      const db = c.get('deps').database.db;
      const referral = await getReferral(db, actor, params.id);
      return toReferralResponse(referral, now(c), await getReferralHistory(db, actor, referral));
    },
  }),
  defineOperation({
    method: 'post',
    path: '/companies/:id/referrals',
    operationId: 'createReferral',
    summary: 'Henvis en virksomhed til en anden organisation (også eksterne)',
    tag: 'Henvisninger',
    roles: ['adviser', 'manager', 'admin'],
    params: idParams,
    body: referralInput,
    response: referralResponse,
    status: 201,
    handler: async (c, actor, { params }) => {
      const body = await c.req.json();
      const { database, clock, config } = c.get('deps');
      const referral = await database.db.transaction().execute(async (tx) => {
        const created = await createReferral(tx, clock, actor, params.id, body);
        await sendReferralLink(tx, { config, clock }, actor, created); // external receivers: the single-use link, as on the page
        return created;
      });
      return toReferralResponse(referral, now(c));
    },
  }),
  defineOperation({
    method: 'post',
    path: '/referrals/:id/transitions',
    operationId: 'transitionReferral',
    summary: 'Skift status: received, contacted, inProgress, closed (med outcome), rejected (med reason) af modtageren; withdrawn af afsenderen',
    tag: 'Henvisninger',
    roles: ['adviser', 'manager', 'admin'],
    params: idParams,
    body: transitionInput,
    response: referralResponse,
    handler: async (c, actor, { params }) => {
      const body = await c.req.json();
      const { database, clock } = c.get('deps');
      const referral = await database.db.transaction().execute((tx) => transitionReferral(tx, clock, actor, params.id, body));
      return toReferralResponse(referral, now(c));
    },
  }),
];
