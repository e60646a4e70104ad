// Activities (02-crm.md, "Activities"; migration 20261122220000_activities.sql): visits, meetings,
// calls, e-mails and events of the hubs (two in five) and the local offices (three in five), over the
// five years up to SYNTHETIC_TODAY. An event gathers several companies and counts its participants
// (participant_count on events only); the others concern one company, mostly from the organisation's
// own municipality or region (otherwise the company is shared with that region). One activity in four
// carries a note, internal to the organisation (two in five) or shared within the region.
import { TODAY, isoDay, nearbyCompany, shareWithRegion, type SyntheticEntity } from './context.ts';
import { mulberry32, seededUuid, weightedIndex } from './random.ts';
import { populationThousands } from './vocabulary.ts';

type Kind = 'visit' | 'meeting' | 'call' | 'email' | 'event';
const KINDS: readonly (readonly [Kind, number])[] = [['visit', 25], ['meeting', 25], ['call', 22], ['email', 18], ['event', 10]];

const TITLES: Readonly<Record<Kind, readonly string[]>> = {
  visit: ['Virksomhedsbesøg', 'Opfølgende besøg', 'Besøg om generationsskifte', 'Besøg om grøn omstilling', 'Besøg hos ny virksomhed', 'Besøg om rekruttering'],
  meeting: ['Afklaringsmøde', 'Opstartsmøde', 'Møde om finansiering', 'Møde om eksport', 'Møde om digitalisering', 'Møde om vækstplan'],
  call: ['Opringning om henvendelse', 'Opfølgning pr. telefon', 'Telefonisk afklaring', 'Samtale om lønsumsregler', 'Samtale om kompetencer'],
  email: ['Svar på henvendelse', 'Materiale om tilskudsordninger', 'Invitation til arrangement', 'Opfølgning efter møde', 'Henvisning til rådgiver'],
  event: ['Erhvervsmorgenmad', 'Netværksmøde for iværksættere', 'Workshop om grøn omstilling', 'Temadag om eksport', 'Kursus i bogføring', 'Messe for håndværkere'],
};
const NOTES = [
  'Virksomheden overvejer at ansætte to medarbejdere inden sommer.',
  'Ejeren ønsker sparring om finansiering; følg op om tre måneder.',
  'Aftalt at sende materiale om energiscreening.',
  'Interesseret i eksport til Tyskland; henvist til Eksportrådet.',
  'Generationsskifte om få år; ejer vil gerne tale om værdiansættelse.',
  'Ingen behov lige nu. Kontakt igen næste år.',
  'Mangler faglært arbejdskraft; drøftet samarbejde med jobcentret.',
  'Har fået tilbudt et forløb hos erhvervshuset.',
];

export const activityColumns = [
  'id', 'organisation_id', 'adviser_user_id', 'kind', 'activity_date', 'title', 'participant_count', 'is_demo', 'created_at', 'updated_at',
] as const;
export const noteColumns = ['id', 'subject_type', 'subject_id', 'organisation_id', 'author_user_id', 'visibility', 'body', 'created_at'] as const;

export const activitiesEntity: SyntheticEntity = {
  name: 'aktiviteter',
  tables(context) {
    const random = mulberry32(context.seed ^ 0xac71f1);
    const participations: (readonly [string, string])[] = [];
    const notes: (readonly unknown[])[] = [];
    const { companies } = context;

    function* activities() {
      const hubs = context.organisations.filter((o) => o.kind === 'hub');
      const offices = context.organisations.filter((o) => o.kind === 'localOffice');
      const drawOffice = weightedIndex(offices.map((o) => populationThousands[o.municipalityCode ?? ''] ?? 10));
      const drawKind = weightedIndex(KINDS.map(([, weight]) => weight));
      for (let i = 0; i < context.counts.activities; i++) {
        const organisation = random.chance(0.4) ? random.pick(hubs) : offices[drawOffice(random)];
        const kind = KINDS[drawKind(random)]?.[0] ?? 'call';
        if (!organisation) throw new Error('no organisations');
        const advisers = context.advisers.get(organisation.id) ?? [];
        const adviser = advisers.length > 0 && random.chance(0.9) ? random.pick(advisers) : null;
        const date = isoDay(random.int(TODAY));
        const id = seededUuid(random);
        const wanted = kind === 'event' ? 2 + random.int(11) : 1;
        const chosen = new Set<number>();
        for (let c = 0; c < wanted; c++) chosen.add(nearbyCompany(context, organisation, random));
        for (const companyIndex of chosen) {
          participations.push([id, companies.ids[companyIndex] ?? '']);
          shareWithRegion(context, companyIndex, organisation.regionCode);
        }
        const participants = kind === 'event' ? chosen.size + random.int(80) : null;
        const created = new Date(`${date}T10:00:00Z`);
        if (random.chance(0.25)) {
          notes.push([seededUuid(random), 'activity', id, organisation.id, adviser, random.chance(0.4) ? 'internal' : 'shared', random.pick(NOTES), new Date(`${date}T12:00:00Z`)]);
        }
        yield [id, organisation.id, adviser, kind, date, random.pick(TITLES[kind]), participants, true, created, created];
      }
    }
    return [
      { table: 'activities', columns: activityColumns, rows: activities() },
      { table: 'activity_companies', columns: ['activity_id', 'company_id'], rows: participations },
      { table: 'notes', columns: noteColumns, rows: notes as (readonly (string | Date | null)[])[] },
    ];
  },
};

/** company_regions for companies guided or visited from another region (collected by the modules above). */
export const sharingEntity: SyntheticEntity = {
  name: 'deling mellem regioner',
  tables(context) {
    function* rows() {
      for (const key of context.extraRegions) {
        const [index = '', region = ''] = key.split(':');
        yield [context.companies.ids[Number(index)] ?? '', Number(region)];
      }
    }
    return [{ table: 'company_regions', columns: ['company_id', 'region_code'], rows: rows() }];
  },
};
