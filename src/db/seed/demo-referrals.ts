// Referral demo data for Region Nordjylland (seedDemo calls this after the CRM): a dozen referrals
// between the local offices, Erhvervshus Nordjylland and Eksportrådet in every state — new, awaiting
// contact, overdue, in progress, closed with each outcome, rejected, withdrawn — so the inbox, the
// outbox and the metrics page have something to show. Times are relative to `now` (the seeding time),
// so "overdue" is overdue when the demo starts. Written with direct inserts like demo-crm.ts, with
// each referral's history and one audit entry per referral (actor "Demodata").
import type { Executor } from '../database.ts';
import type { ReferralOutcome, ReferralState } from '../../domain/referrals/referral-states.ts';

const HOUR = 3_600_000;
const HUB = 'hub';
type Party = typeof HUB | string; // 'hub', a municipality code (its local office), or an external organisation's name

interface Step {
  state: ReferralState;
  /** Hours after the referral was sent. */
  after: number;
  by: string; // demo user's e-mail, or a name for an organisation without users
  outcome?: ReferralOutcome;
  note?: string;
}

interface DemoReferral {
  from: Party;
  fromUser: string | null;
  to: Party;
  municipality: string; // the company's municipality
  kind?: 'referral' | 'lead';
  theme: string;
  note: string | null;
  ageHours: number;
  steps: Step[];
}

const hubAdviser = 'konsulent@demo.knudepunkt.example';
const aalborg = 'aalborg@demo.knudepunkt.example';
const laeso = 'laeso@demo.knudepunkt.example';

export const demoReferrals: DemoReferral[] = [
  { from: '851', fromUser: aalborg, to: HUB, municipality: '851', theme: 'Eksport til Tyskland', note: 'Ejeren har fået en forespørgsel fra en tysk kæde.', ageHours: 6, steps: [] },
  { from: '825', fromUser: laeso, to: HUB, municipality: '825', theme: 'Generationsskifte', note: 'Ejeren er 64 og vil gerne tale om salg.', ageHours: 20, steps: [{ state: 'received', after: 2, by: hubAdviser }] },
  { from: '851', fromUser: aalborg, to: HUB, municipality: '851', theme: 'Finansiering af ny produktionslinje', note: null, ageHours: 80, steps: [{ state: 'received', after: 5, by: hubAdviser }] },
  { from: '860', fromUser: null, to: HUB, municipality: '860', theme: 'Digitalisering af ordrestyring', note: 'Kontakt direktøren direkte.', ageHours: 60, steps: [] },
  {
    from: '851', fromUser: aalborg, to: HUB, municipality: '851', theme: 'Grøn omstilling', note: 'Interesseret i SMV:Grøn.', ageHours: 240,
    steps: [{ state: 'received', after: 3, by: hubAdviser }, { state: 'contacted', after: 20, by: hubAdviser }, { state: 'inProgress', after: 48, by: hubAdviser, note: 'Første møde holdt.' }],
  },
  {
    from: '813', fromUser: null, to: HUB, municipality: '813', theme: 'Rekruttering af faglærte', note: null, ageHours: 35 * 24,
    steps: [{ state: 'received', after: 1, by: hubAdviser }, { state: 'contacted', after: 30, by: hubAdviser }, { state: 'closed', after: 240, by: hubAdviser, outcome: 'used', note: 'Startet vækstforløb.' }],
  },
  {
    from: '851', fromUser: aalborg, to: HUB, municipality: '851', theme: 'Vækstplan', note: null, ageHours: 50 * 24,
    steps: [{ state: 'received', after: 4, by: hubAdviser }, { state: 'contacted', after: 70, by: hubAdviser }, { state: 'closed', after: 480, by: hubAdviser, outcome: 'notUsed', note: 'Virksomheden valgte at vente.' }],
  },
  {
    from: '825', fromUser: laeso, to: HUB, municipality: '825', theme: 'Eksport til Norge', note: null, ageHours: 70 * 24,
    steps: [{ state: 'received', after: 2, by: hubAdviser }, { state: 'contacted', after: 12, by: hubAdviser }, { state: 'closed', after: 100, by: hubAdviser, outcome: 'notRelevant', note: 'Ikke eksportparat endnu.' }],
  },
  { from: HUB, fromUser: hubAdviser, to: 'Eksportrådet', municipality: '851', theme: 'Markedsafklaring i Norden', note: 'Har brug for Eksportrådets markedsanalyse.', ageHours: 3, steps: [] },
  {
    from: HUB, fromUser: hubAdviser, to: '851', municipality: '851', theme: 'Iværksætterrådgivning', note: null, ageHours: 15 * 24,
    steps: [{ state: 'received', after: 1, by: aalborg }, { state: 'contacted', after: 6, by: aalborg }, { state: 'closed', after: 72, by: aalborg, outcome: 'used' }],
  },
  {
    from: '787', fromUser: null, to: HUB, municipality: '787', kind: 'lead', theme: 'Bæredygtighedsscreening: energiforbrug', note: 'Lead fra kommunens miljøafdeling.', ageHours: 5 * 24,
    steps: [{ state: 'received', after: 10, by: hubAdviser }, { state: 'rejected', after: 12, by: hubAdviser, note: 'Virksomheden er allerede i forløb hos os.' }],
  },
  {
    from: '851', fromUser: aalborg, to: HUB, municipality: '851', theme: 'Eksportforberedelse', note: null, ageHours: 25 * 24,
    steps: [{ state: 'received', after: 1, by: hubAdviser }, { state: 'withdrawn', after: 30, by: aalborg, note: 'Virksomheden har fundet en privat rådgiver.' }],
  },
];

export async function seedDemoReferrals(db: Executor, now: Date = new Date()): Promise<number> {
  const organisations = await db.selectFrom('organisations').select(['id', 'name', 'kind', 'municipality_code', 'referral_service_goal_hours']).where('is_demo', '=', true).execute();
  const organisation = (party: Party) => {
    const found = party === HUB ? organisations.find((o) => o.kind === 'hub') : organisations.find((o) => o.municipality_code === party || o.name === party);
    if (!found) throw new Error(`demo organisation missing: ${party}`);
    return found;
  };
  const users = await db.selectFrom('users').select(['id', 'email', 'name']).where('is_demo', '=', true).execute();
  const user = (email: string | null) => (email ? users.find((u) => u.email === email) : undefined);
  const companies = await db.selectFrom('companies').select(['id', 'municipality_code']).where('is_demo', '=', true).orderBy('name').execute();
  const used = new Map<string, number>();
  const companyIn = (municipality: string) => {
    const candidates = companies.filter((c) => c.municipality_code === municipality);
    const index = used.get(municipality) ?? 0;
    used.set(municipality, index + 1);
    const company = candidates[index % candidates.length];
    if (!company) throw new Error(`no demo company in municipality ${municipality}`);
    return company.id;
  };

  for (const demo of demoReferrals) {
    const from = organisation(demo.from);
    const to = organisation(demo.to);
    const createdAt = new Date(now.getTime() - demo.ageHours * HOUR);
    const at = (step: Step) => new Date(createdAt.getTime() + step.after * HOUR);
    const last = demo.steps.at(-1);
    const stepAt = (state: ReferralState) => demo.steps.find((s) => s.state === state);
    const finished = last && ['closed', 'rejected', 'withdrawn'].includes(last.state) ? last : undefined;
    const handler = [...demo.steps].reverse().find((s) => s.state === 'contacted' || s.state === 'received');
    const { id } = await db
      .insertInto('referrals')
      .values({
        kind: demo.kind ?? 'referral',
        from_organisation_id: from.id,
        from_user_id: user(demo.fromUser)?.id ?? null,
        to_organisation_id: to.id,
        receiver_user_id: handler ? (user(handler.by)?.id ?? null) : null,
        company_id: companyIn(demo.municipality),
        region_code: 1081,
        theme: demo.theme,
        note: demo.note,
        state: last?.state ?? 'sent',
        outcome: last?.outcome ?? null,
        rejection_reason: last?.state === 'rejected' ? (last.note ?? null) : null,
        service_goal_hours: to.referral_service_goal_hours,
        created_at: createdAt,
        received_at: stepAt('received') ? at(stepAt('received')!) : null,
        contacted_at: stepAt('contacted') ? at(stepAt('contacted')!) : null,
        closed_at: finished ? at(finished) : null,
        is_demo: true,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const sender = user(demo.fromUser);
    const events = [
      { referral_id: id, from_state: null, to_state: 'sent' as const, at: createdAt, by_user_id: sender?.id ?? null, by_name: sender?.name ?? from.name, note: null },
      ...demo.steps.map((step, i) => ({
        referral_id: id,
        from_state: i === 0 ? ('sent' as const) : demo.steps[i - 1]!.state,
        to_state: step.state,
        at: at(step),
        by_user_id: user(step.by)?.id ?? null,
        by_name: user(step.by)?.name ?? step.by,
        note: step.note ?? null,
      })),
    ];
    await db.insertInto('referral_events').values(events).execute();
    await db
      .insertInto('audit_log')
      .values({ actor_name: 'Demodata', action: 'create', entity_type: 'referral', entity_id: id, after: JSON.stringify({ from: from.name, to: to.name, theme: demo.theme, state: last?.state ?? 'sent' }) })
      .execute();
  }
  return demoReferrals.length;
}
