// The referral's state machine (02-crm.md, "Referrals"): sent → received (the receiver opened it) →
// contacted (first contact with the company) → inProgress → closed with an outcome; or rejected (with
// a reason) by the receiver, or withdrawn by the sender before it is closed or rejected. Pure: which
// transitions exist, which side may make each, and what each needs.

export const referralStates = ['sent', 'received', 'contacted', 'inProgress', 'closed', 'rejected', 'withdrawn'] as const;
export type ReferralState = (typeof referralStates)[number];

export const referralOutcomes = ['used', 'notUsed', 'notRelevant'] as const;
export type ReferralOutcome = (typeof referralOutcomes)[number];

export const referralKinds = ['referral', 'lead'] as const;
export type ReferralKind = (typeof referralKinds)[number];

/** Who acts: the receiving organisation or the sending (referring) one. */
export type ReferralSide = 'receiver' | 'sender';

export const terminalStates: readonly ReferralState[] = ['closed', 'rejected', 'withdrawn'];
export const isTerminal = (state: ReferralState) => terminalStates.includes(state);

/** Every transition that exists, by target state: from which states, by which side. */
export const referralTransitions: Record<Exclude<ReferralState, 'sent'>, { from: readonly ReferralState[]; by: ReferralSide }> = {
  received: { from: ['sent'], by: 'receiver' },
  contacted: { from: ['received'], by: 'receiver' },
  inProgress: { from: ['contacted'], by: 'receiver' },
  closed: { from: ['contacted', 'inProgress'], by: 'receiver' },
  rejected: { from: ['sent', 'received'], by: 'receiver' },
  withdrawn: { from: ['sent', 'received', 'contacted', 'inProgress'], by: 'sender' },
};

export const referralStateLabels: Record<ReferralState, { da: string; en: string }> = {
  sent: { da: 'Sendt', en: 'Sent' },
  received: { da: 'Modtaget', en: 'Received' },
  contacted: { da: 'Kontaktet', en: 'Contacted' },
  inProgress: { da: 'I gang', en: 'In progress' },
  closed: { da: 'Afsluttet', en: 'Closed' },
  rejected: { da: 'Afvist', en: 'Rejected' },
  withdrawn: { da: 'Trukket tilbage', en: 'Withdrawn' },
};

export const referralOutcomeLabels: Record<ReferralOutcome, { da: string; en: string }> = {
  used: { da: 'Brugt', en: 'Used' },
  notUsed: { da: 'Ikke brugt', en: 'Not used' },
  notRelevant: { da: 'Ikke relevant', en: 'Not relevant' },
};

export const isReferralState = (value: unknown): value is ReferralState => (referralStates as readonly unknown[]).includes(value);
export const isReferralOutcome = (value: unknown): value is ReferralOutcome => (referralOutcomes as readonly unknown[]).includes(value);

export type TransitionCheck =
  | { ok: true }
  | { ok: false; message: string; en: string; field?: 'outcome' | 'reason' | 'to' };

const label = (state: ReferralState) => referralStateLabels[state].da.toLowerCase();

/**
 * May `side` move a referral from `from` to `to`? `closed` needs an outcome, `rejected` a reason.
 * The messages are Danish (with English) and name the states.
 */
export function checkTransition(from: ReferralState, to: ReferralState, side: ReferralSide, details: { outcome?: string | null | undefined; reason?: string | null | undefined } = {}): TransitionCheck {
  if (to === 'sent') return { ok: false, field: 'to', message: 'En henvisning kan ikke sendes igen.', en: 'A referral cannot be sent again.' };
  const rule = referralTransitions[to];
  if (!rule.from.includes(from)) {
    return {
      ok: false,
      field: 'to',
      message: `En henvisning med status "${label(from)}" kan ikke ændres til "${label(to)}".`,
      en: `A referral that is "${referralStateLabels[from].en.toLowerCase()}" cannot become "${referralStateLabels[to].en.toLowerCase()}".`,
    };
  }
  if (rule.by !== side) {
    return rule.by === 'sender'
      ? { ok: false, field: 'to', message: `Kun den henvisende organisation kan ændre status til "${label(to)}".`, en: `Only the referring organisation can make it "${referralStateLabels[to].en.toLowerCase()}".` }
      : { ok: false, field: 'to', message: `Kun den modtagende organisation kan ændre status til "${label(to)}".`, en: `Only the receiving organisation can make it "${referralStateLabels[to].en.toLowerCase()}".` };
  }
  if (to === 'closed' && !isReferralOutcome(details.outcome)) {
    return { ok: false, field: 'outcome', message: `Vælg et udfald for at afslutte henvisningen (brugt, ikke brugt eller ikke relevant)${details.outcome ? ` – "${details.outcome}" er ikke et udfald` : ''}.`, en: 'Choose an outcome to close the referral.' };
  }
  if (to === 'rejected' && !details.reason?.trim()) {
    return { ok: false, field: 'reason', message: 'Skriv en begrundelse for at afvise henvisningen.', en: 'Give a reason for rejecting the referral.' };
  }
  return { ok: true };
}

/** The transitions `side` may make from `state` (the buttons a page shows). */
export function availableTransitions(state: ReferralState, side: ReferralSide): ReferralState[] {
  return (Object.entries(referralTransitions) as [ReferralState, { from: readonly ReferralState[]; by: ReferralSide }][])
    .filter(([, rule]) => rule.by === side && rule.from.includes(state))
    .map(([to]) => to);
}
