import { z } from 'zod';
import { referralKinds, referralOutcomes, referralStates, type ReferralKind, type ReferralOutcome, type ReferralState } from '../../domain/referrals/referral-states.ts';

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
const uuidMessage = (field: string) => ({ message: `${field} er ikke et gyldigt id.` });

// Fields in the order the form shows them, so the error summary lists them in that order too.
export const referralInput = z.object({
  toOrganisationId: z.uuid({ message: 'Vælg den organisation, du henviser virksomheden til.' }),
  theme: z.string({ message: 'Skriv temaet eller årsagen til henvisningen.' }).trim().min(1, 'Skriv temaet eller årsagen til henvisningen.').max(200, 'Temaet må højst være 200 tegn.'),
  note: z.preprocess(emptyToUndefined, z.string().trim().max(5000, 'Noten må højst være 5000 tegn.').optional()),
  contactPersonId: z.preprocess(emptyToUndefined, z.uuid(uuidMessage('Kontaktpersonen')).optional()),
  courseId: z.preprocess(emptyToUndefined, z.uuid(uuidMessage('Forløbet')).optional()),
  kind: z.preprocess(emptyToUndefined, z.enum(referralKinds, { message: 'Vælg henvisning eller lead.' }).default('referral')),
});
export type ReferralInput = z.infer<typeof referralInput>;

export const transitionInput = z.object({
  to: z.enum(referralStates, { message: 'Vælg en gyldig ny status for henvisningen.' }),
  outcome: z.preprocess(emptyToUndefined, z.string().optional()),
  reason: z.preprocess(emptyToUndefined, z.string().trim().max(2000, 'Begrundelsen må højst være 2000 tegn.').optional()),
  note: z.preprocess(emptyToUndefined, z.string().trim().max(2000, 'Bemærkningen må højst være 2000 tegn.').optional()),
});
export type TransitionInput = z.infer<typeof transitionInput>;

export const serviceGoalInput = z.object({
  hours: z.coerce.number({ message: 'Skriv servicemålet som et helt antal timer.' }).int('Skriv servicemålet som et helt antal timer.').min(1, 'Servicemålet skal være mindst 1 time.').max(720, 'Servicemålet må højst være 720 timer (30 døgn).'),
});

export interface ReferralEvent {
  fromState: ReferralState | null;
  toState: ReferralState;
  at: Date;
  byName: string;
  /** Null when the reader may not see notes (a third organisation). */
  note: string | null;
}

/** A referral as a reader sees it: `detailsVisible` false hides the free text (note, reason, event notes). */
export interface Referral {
  id: string;
  kind: ReferralKind;
  state: ReferralState;
  outcome: ReferralOutcome | null;
  companyId: string;
  companyName: string;
  companyCvr: string | null;
  fromOrganisationId: string;
  fromOrganisationName: string;
  fromUserId: string | null;
  fromUserName: string | null;
  toOrganisationId: string;
  toOrganisationName: string;
  toOrganisationKind: string;
  receiverUserId: string | null;
  receiverUserName: string | null;
  contactPersonName: string | null;
  courseId: string | null;
  regionCode: number | null;
  theme: string;
  note: string | null;
  rejectionReason: string | null;
  serviceGoalHours: number;
  createdAt: Date;
  receivedAt: Date | null;
  contactedAt: Date | null;
  closedAt: Date | null;
  detailsVisible: boolean;
}

const iso = z.string().meta({ description: 'ISO 8601 instant' });

export const referralResponse = z
  .object({
    id: z.uuid(),
    kind: z.enum(referralKinds),
    state: z.enum(referralStates),
    outcome: z.enum(referralOutcomes).nullable(),
    company: z.object({ id: z.uuid(), name: z.string(), cvr: z.string().nullable() }),
    from: z.object({ organisationId: z.uuid(), organisationName: z.string(), userName: z.string().nullable() }),
    to: z.object({ organisationId: z.uuid(), organisationName: z.string(), userName: z.string().nullable() }),
    courseId: z.uuid().nullable(),
    theme: z.string(),
    note: z.string().nullable().meta({ description: 'Kun for den henvisende og den modtagende organisation' }),
    rejectionReason: z.string().nullable(),
    serviceGoalHours: z.number().int(),
    serviceGoalDeadline: iso,
    overdue: z.boolean(),
    createdAt: iso,
    receivedAt: iso.nullable(),
    contactedAt: iso.nullable(),
    closedAt: iso.nullable(),
    events: z
      .array(z.object({ fromState: z.enum(referralStates).nullable(), toState: z.enum(referralStates), at: iso, byName: z.string(), note: z.string().nullable() }))
      .optional(),
  })
  .meta({ id: 'Referral' });
export type ReferralResponse = z.infer<typeof referralResponse>;

const metricsRow = z.object({
  key: z.string(),
  label: z.string(),
  n: z.number().int(),
  withinGoal: z.object({ n: z.number().int(), met: z.number().int(), share: z.number().nullable() }),
  medianHoursToContact: z.object({ n: z.number().int(), hours: z.number().nullable() }),
  outcomes: z.object({ n: z.number().int(), used: z.number().int(), notUsed: z.number().int(), notRelevant: z.number().int() }),
});

export const referralMetricsResponse = z
  .object({ total: metricsRow, byReceiver: z.array(metricsRow), bySender: z.array(metricsRow), byMonth: z.array(metricsRow) })
  .meta({ id: 'ReferralMetrics' });
