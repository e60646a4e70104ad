// External receivers (02-crm.md "Referrals", issue 5): an organisation of kind `external` (Eksportrådet,
// Innovationsfonden, private advisers) has no users. When a referral is sent to it, it gets an e-mail
// with a personal link — a random 256-bit token of which only an HMAC (SESSION_SECRET) is stored, as
// for invitations and password resets — valid for 30 days, one active link per referral. Through the
// link, without logging in, the receiver confirms first contact (→ contacted) and reports the outcome
// (→ closed); reporting the outcome uses the link up. Transitions go through the service's state
// machine (transitionReferralByLink), recorded by the organisation, and are audited.
//
// Unknown (tampered) tokens are "not found" (404); expired, used-up or revoked links and referrals no
// longer open are "gone" (410). None of these messages says anything about the referral. Failed
// look-ups are counted per address and throttled like login (auth.service.ts `throttle`).
import type { Config } from '../../config.ts';
import type { Executor } from '../../db/database.ts';
import type { UserActor } from '../../domain/actor.ts';
import { type Clock, days } from '../../domain/clock.ts';
import { AppError, validationFailed } from '../../domain/errors.ts';
import { isReferralOutcome, isTerminal, referralOutcomes, type ReferralOutcome, type ReferralState } from '../../domain/referrals/referral-states.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { throttle } from '../auth/auth.service.ts';
import { randomToken, tokenHash } from '../auth/tokens.ts';
import { queueMail } from '../mail/mail.service.ts';
import {
  countReferralLinkFailures,
  findLatestReferralLink,
  findOrganisationContact,
  findReferralLinkByHash,
  insertReferralLink,
  insertReferralLinkFailure,
  markReferralLinkUsed,
  revokeReferralLinks,
} from './referral-external.repository.ts';
import { findReferral } from './referrals.repository.ts';
import type { Referral } from './referrals.schema.ts';
import { transitionReferralByLink } from './referrals.service.ts';

export interface ExternalLinkDeps {
  config: Pick<Config, 'baseUrl' | 'sessionSecret'>;
  clock: Clock;
}

export const referralLinkValidity = days(30);
export const referralLinkPath = '/henvisning';

/** What became of the link when a referral was sent (shown to the sender on the referral page). */
export type ExternalLinkOutcome =
  | { kind: 'notExternal' }
  | { kind: 'noEmail'; organisationName: string }
  | { kind: 'sent'; email: string; expiresAt: Date; link: string };

export function referralLinkMail(values: { organisationName: string; fromOrganisationName: string; companyName: string; theme: string; link: string; validDays: number; expiresAt: Date }) {
  const until = values.expiresAt.toLocaleDateString('da-DK', { timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric' });
  return {
    subject: `Henvisning fra ${values.fromOrganisationName}: ${values.companyName}`.replace(/[\r\n]+/g, ' ').slice(0, 500),
    text:
      `Til ${values.organisationName}\n\n` +
      `${values.fromOrganisationName} har henvist virksomheden ${values.companyName} til jer.\nTema: ${values.theme}\n\n` +
      `Bekræft her, når I har taget første kontakt med virksomheden, og meld udfaldet tilbage, når I er færdige. ` +
      `Linket er personligt, kræver ikke login og virker i ${values.validDays} dage (til og med ${until}); det bruges op, når udfaldet er meldt tilbage:\n\n` +
      `${values.link}\n\n` +
      `(English: ${values.fromOrganisationName} has referred ${values.companyName} to you. Use the link above to confirm first contact and report the outcome; it works once, for ${values.validDays} days.)\n\n` +
      `Venlig hilsen\nKnudepunkt`,
  };
}

/**
 * Sends the external receiver its link (inside the caller's transaction, so the mail exists exactly
 * when the referral does). A receiver without an e-mail gets nothing; the sender is told on the page.
 * Sending again revokes the earlier link.
 */
export async function sendReferralLink(db: Executor, deps: ExternalLinkDeps, actor: UserActor, referral: Referral): Promise<ExternalLinkOutcome> {
  if (referral.toOrganisationKind !== 'external') return { kind: 'notExternal' };
  const receiver = await findOrganisationContact(db, referral.toOrganisationId);
  if (!receiver) return { kind: 'notExternal' };
  const email = receiver.email?.trim() ?? '';
  if (!email) return { kind: 'noEmail', organisationName: receiver.name };
  const now = deps.clock.now();
  await revokeReferralLinks(db, referral.id, now);
  const token = randomToken(32);
  const expiresAt = new Date(now.getTime() + referralLinkValidity);
  const linkId = await insertReferralLink(db, { referralId: referral.id, tokenHash: tokenHash(deps.config.sessionSecret, token), email, now, expiresAt });
  const link = `${deps.config.baseUrl}${referralLinkPath}/${token}`;
  await queueMail(db, {
    to: email,
    ...referralLinkMail({ organisationName: receiver.name, fromOrganisationName: referral.fromOrganisationName, companyName: referral.companyName, theme: referral.theme, link, validDays: referralLinkValidity / days(1), expiresAt }),
  });
  await recordAudit(db, actor, { action: 'create', entityType: 'referralLink', entityId: linkId, after: { referralId: referral.id, email, expiresAt: expiresAt.toISOString() } });
  return { kind: 'sent', email, expiresAt, link };
}

/** Sends (again) from the referral page: the sender's organisation or the region's admins. */
export async function resendReferralLink(db: Executor, deps: ExternalLinkDeps, actor: UserActor, referral: Referral): Promise<ExternalLinkOutcome> {
  const mayResend = actor.organisationId === referral.fromOrganisationId || (actor.roles.includes('admin') && referral.detailsVisible);
  if (!mayResend || !actor.roles.some((role) => role === 'adviser' || role === 'manager' || role === 'admin')) {
    throw new AppError('forbidden', 'Kun den henvisende organisation kan sende linket igen.', { en: 'Only the referring organisation can send the link again.' });
  }
  if (isTerminal(referral.state)) throw new AppError('conflict', 'Henvisningen er afsluttet – der sendes ikke et nyt link.', { en: 'The referral is finished; no new link is sent.' });
  return sendReferralLink(db, deps, actor, referral);
}

/** The link as the sender sees it on the referral page (never the token: it is not stored). */
export interface ExternalLinkStatus {
  organisationName: string;
  organisationEmail: string | null;
  latest: { email: string; createdAt: Date; expiresAt: Date; usedAt: Date | null; revokedAt: Date | null } | null;
}

export async function getExternalLinkStatus(db: Executor, referral: Referral): Promise<ExternalLinkStatus | null> {
  if (referral.toOrganisationKind !== 'external' || !referral.detailsVisible) return null;
  const receiver = await findOrganisationContact(db, referral.toOrganisationId);
  const latest = await findLatestReferralLink(db, referral.id);
  return {
    organisationName: referral.toOrganisationName,
    organisationEmail: receiver?.email?.trim() || null,
    latest: latest ? { email: latest.email, createdAt: latest.created_at, expiresAt: latest.expires_at, usedAt: latest.used_at, revokedAt: latest.revoked_at } : null,
  };
}

// ---------------------------------------------------------------------------------------------- the public page

/** What the receiver sees: the company, the referring organisation and the theme — no notes. */
export interface ExternalReferralView {
  companyName: string;
  companyCvr: string | null;
  fromOrganisationName: string;
  fromUserName: string | null;
  toOrganisationName: string;
  theme: string;
  kind: Referral['kind'];
  state: ReferralState;
  outcome: ReferralOutcome | null;
  createdAt: Date;
  contactedAt: Date | null;
  expiresAt: Date;
  /** A lead's screening can be downloaded through the link. */
  screening: { name: string; size: number } | null;
}

const linkNotFound = () =>
  new AppError('notFound', 'Linket findes ikke. Kontrollér, at hele linket fra e-mailen er med.', { en: 'The link does not exist. Check that the whole link from the e-mail was used.' });
const linkGone = (why: 'expired' | 'used' | 'closed') =>
  new AppError(
    'gone',
    why === 'expired'
      ? 'Linket er udløbet. Kontakt den organisation, der sendte henvisningen, hvis I har brug for et nyt.'
      : why === 'used'
        ? 'Linket er allerede brugt eller erstattet af et nyt. Kontakt den organisation, der sendte henvisningen, hvis I har spørgsmål.'
        : 'Henvisningen er ikke længere åben. Kontakt den organisation, der sendte henvisningen, hvis I har spørgsmål.',
    {
      en:
        why === 'expired'
          ? 'The link has expired. Contact the organisation that sent the referral if you need a new one.'
          : why === 'used'
            ? 'The link has already been used or replaced by a new one.'
            : 'The referral is no longer open.',
    },
  );

/** Too many failed look-ups from one address within the login window: refuse before looking. */
export async function checkLinkThrottle(db: Executor, clock: Clock, ip: string): Promise<void> {
  const since = new Date(clock.now().getTime() - throttle.window);
  if ((await countReferralLinkFailures(db, ip, since)) >= throttle.perIp) {
    throw new AppError('tooManyRequests', 'For mange forsøg med ugyldige links. Vent 15 minutter, og prøv igen.', { en: 'Too many attempts with invalid links. Wait 15 minutes and try again.' });
  }
}

/** Records a failed look-up; call it outside the request's transaction, so that it is kept. */
export async function recordLinkFailure(db: Executor, clock: Clock, ip: string): Promise<void> {
  const now = clock.now();
  await insertReferralLinkFailure(db, ip, now, new Date(now.getTime() - throttle.window));
}

interface ResolvedLink {
  linkId: string;
  expiresAt: Date;
  referral: Referral;
  receiver: { id: string; name: string };
}

/** The link and its referral, or notFound / gone. `forUpdate` locks the link row (the POSTs). */
async function resolveLink(db: Executor, deps: ExternalLinkDeps, token: string, options: { forUpdate?: boolean } = {}): Promise<ResolvedLink> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw linkNotFound();
  const row = await findReferralLinkByHash(db, tokenHash(deps.config.sessionSecret, token), options);
  if (!row) throw linkNotFound();
  if (row.used_at !== null || row.revoked_at !== null) throw linkGone('used');
  if (row.expires_at.getTime() <= deps.clock.now().getTime()) throw linkGone('expired');
  const referral = await findReferral(db, 'all', row.referral_id);
  if (!referral) throw linkNotFound();
  if (isTerminal(referral.state)) throw linkGone('closed');
  return { linkId: row.id, expiresAt: row.expires_at, referral, receiver: { id: referral.toOrganisationId, name: referral.toOrganisationName } };
}

async function toView(db: Executor, resolved: ResolvedLink): Promise<ExternalReferralView> {
  const r = resolved.referral;
  const file = await db.selectFrom('referral_files').select(['original_name', 'size_bytes']).where('referral_id', '=', r.id).orderBy('uploaded_at', 'desc').orderBy('id').limit(1).executeTakeFirst();
  return {
    screening: file ? { name: file.original_name, size: file.size_bytes } : null,
    companyName: r.companyName,
    companyCvr: r.companyCvr,
    fromOrganisationName: r.fromOrganisationName,
    fromUserName: r.fromUserName,
    toOrganisationName: r.toOrganisationName,
    theme: r.theme,
    kind: r.kind,
    state: r.state,
    outcome: r.outcome,
    createdAt: r.createdAt,
    contactedAt: r.contactedAt,
    expiresAt: resolved.expiresAt,
  };
}

/** The public page's data. Nothing changes by looking (mail scanners open links too). */
export async function viewReferralByLink(db: Executor, deps: ExternalLinkDeps, token: string): Promise<ExternalReferralView> {
  return toView(db, await resolveLink(db, deps, token));
}

/** The referral behind a valid link (the screening download of a lead). */
export async function referralOfLink(db: Executor, deps: ExternalLinkDeps, token: string): Promise<Referral> {
  return (await resolveLink(db, deps, token)).referral;
}

/** (a) First contact confirmed: sent/received → contacted. */
export async function confirmContactByLink(db: Executor, deps: ExternalLinkDeps, token: string): Promise<ExternalReferralView> {
  const resolved = await resolveLink(db, deps, token, { forUpdate: true });
  if (resolved.referral.state !== 'sent' && resolved.referral.state !== 'received') {
    throw new AppError('conflict', 'Første kontakt er allerede bekræftet.', { en: 'First contact has already been confirmed.' });
  }
  const after = await transitionReferralByLink(db, deps.clock, resolved.receiver, resolved.referral.id, { to: 'contacted' });
  return toView(db, { ...resolved, referral: after });
}

/** (b) The outcome reported: → closed with used/notUsed/notRelevant; the link is used up. */
export async function reportOutcomeByLink(db: Executor, deps: ExternalLinkDeps, token: string, input: { outcome?: unknown; note?: unknown }): Promise<ExternalReferralView> {
  const resolved = await resolveLink(db, deps, token, { forUpdate: true });
  const outcome = typeof input.outcome === 'string' ? input.outcome : '';
  if (!isReferralOutcome(outcome)) {
    throw validationFailed([{ field: 'outcome', message: `Vælg et udfald (${referralOutcomes.length} muligheder: brugt, ikke brugt, ikke relevant)${outcome ? ` – "${outcome}" er ikke et udfald` : ''}.` }]);
  }
  const note = typeof input.note === 'string' ? input.note.trim() : '';
  if (note.length > 2000) throw validationFailed([{ field: 'note', message: `Bemærkningen må højst være 2000 tegn (den har ${note.length}).` }]);
  if (resolved.referral.state !== 'contacted' && resolved.referral.state !== 'inProgress') {
    throw new AppError('conflict', 'Bekræft første kontakt med virksomheden, før I melder udfaldet.', { en: 'Confirm first contact with the company before reporting the outcome.' });
  }
  const after = await transitionReferralByLink(db, deps.clock, resolved.receiver, resolved.referral.id, { to: 'closed', outcome, note: note || undefined });
  if (!(await markReferralLinkUsed(db, resolved.linkId, deps.clock.now()))) throw linkGone('used');
  return toView(db, { ...resolved, referral: after });
}
