// Guidance courses ("forløb") with their meetings over five years (2022–2026), 02-crm.md. Each course
// is guided by a hub (mostly) or a local office of the hub's area and counts for the hub; its company
// lies in the hub's area nine times out of ten (otherwise the company is shared with the hub's region).
// Status follows the dates against SYNTHETIC_TODAY: planned courses start after it and have no
// meetings yet; completed and cancelled ones ended before it; active ones started and have not ended.
// Meetings fall between the start and the end (or today), at most one a day.
import { guidanceTargetGroups, guidanceThemes, type GuidanceCategory } from '../../../domain/guidance/guidance.types.ts';
import { TODAY, isoDay, shareWithRegion, type SyntheticEntity } from './context.ts';
import { mulberry32, seededUuid, weightedIndex } from './random.ts';

const CATEGORIES: readonly (readonly [GuidanceCategory, number, number, number])[] = [
  // category, weight, shortest and longest duration in days
  ['growth', 30, 90, 540],
  ['operations', 35, 60, 420],
  ['short', 25, 7, 90],
  ['earlyWarning', 10, 30, 240],
];
/** Relative volume of each hub's courses (Bornholm's hub is small, Hovedstaden's large). */
const HUB_WEIGHTS: Readonly<Record<string, number>> = { hovedstaden: 30, midtjylland: 22, sydjylland: 14, fyn: 10, sjaelland: 14, nordjylland: 10 };
const LAST_START = TODAY + 60; // a few planned courses start within two months

export const courseColumns = [
  'id', 'company_id', 'organisation_id', 'business_hub_id', 'adviser_user_id', 'category', 'themes', 'segment', 'target_group',
  'start_date', 'end_date', 'status', 'is_demo', 'created_at', 'updated_at',
] as const;

export const coursesEntity: SyntheticEntity = {
  name: 'forløb og møder',
  tables(context) {
    const random = mulberry32(context.seed ^ 0x5c0a5e);
    const meetings: (readonly [string, string, string])[] = [];
    function* courses() {
      const { companies, organisations, advisers } = context;
      const hubs = context.hubs;
      const drawHub = weightedIndex(hubs.map((hub) => HUB_WEIGHTS[hub.id] ?? 5));
      const drawCategory = weightedIndex(CATEGORIES.map(([, weight]) => weight));
      const hubOrganisation = new Map(organisations.filter((o) => o.kind === 'hub').map((o) => [o.hubId ?? '', o]));
      const localOffice = new Map(organisations.filter((o) => o.kind === 'localOffice').map((o) => [o.municipalityCode ?? '', o]));
      for (let i = 0; i < context.counts.courses; i++) {
        const hub = hubs[drawHub(random)];
        const [category, , shortest, longest] = CATEGORIES[drawCategory(random)] ?? CATEGORIES[0]!;
        if (!hub) throw new Error('no hubs');
        const own = companies.byHub.get(hub.id) ?? [];
        const companyIndex = own.length > 0 && random.chance(0.9) ? random.pick(own) : random.int(companies.ids.length);
        shareWithRegion(context, companyIndex, hub.regionCode);
        // A local office of the hub's area guides one course in six: the company's own office when it lies there.
        const companyMunicipality = companies.municipalityCodes[companyIndex] ?? '';
        const officeCode = hub.municipalityCodes.includes(companyMunicipality) ? companyMunicipality : random.pick(hub.municipalityCodes);
        const organisation = (random.chance(1 / 6) ? localOffice.get(officeCode) : undefined) ?? hubOrganisation.get(hub.id);
        if (!organisation) throw new Error(`no organisation for hub ${hub.id}`);
        const organisationAdvisers = advisers.get(organisation.id) ?? [];
        const adviser = organisationAdvisers.length > 0 && random.chance(0.95) ? random.pick(organisationAdvisers) : null;
        const themeCount = 1 + random.int(3);
        const themes = [...new Set(Array.from({ length: themeCount }, () => random.pick(guidanceThemes)))];
        const segment = category === 'growth' || category === 'operations' ? category : random.chance(0.5) ? 'growth' : 'operations';
        const start = random.int(LAST_START + 1);
        const duration = shortest + random.int(longest - shortest + 1);
        let end: number | null = start + duration;
        let status: 'planned' | 'active' | 'completed' | 'cancelled';
        if (start > TODAY) status = 'planned';
        else if (random.chance(0.04)) {
          status = 'cancelled';
          end = Math.min(start + random.int(duration + 1), TODAY);
        } else if (end < TODAY) status = 'completed';
        else {
          status = 'active';
          if (random.chance(0.3)) end = null; // open-ended
        }
        const id = seededUuid(random);
        let lastMeeting: number | null = null;
        if (status !== 'planned') {
          const last = Math.min(end ?? TODAY, TODAY);
          const wanted = category === 'short' ? 1 + random.int(2) : 2 + random.int(5);
          const days = new Set<number>([start]);
          for (let m = 1; m < wanted; m++) days.add(start + random.int(last - start + 1));
          for (const day of [...days].sort((a, b) => a - b)) {
            meetings.push([seededUuid(random), id, isoDay(day)]);
            lastMeeting = day;
          }
        }
        context.courses.push({ companyIndex, hubId: hub.id, segment, themes, lastMeetingDay: lastMeeting });
        const created = new Date(`${isoDay(Math.min(start, TODAY))}T09:00:00Z`);
        yield [
          id, context.companies.ids[companyIndex] ?? '', organisation.id, hub.id, adviser, category, themes, segment,
          random.pick(guidanceTargetGroups), isoDay(start), end === null ? null : isoDay(end), status, true, created, created,
        ];
      }
    }
    return [
      { table: 'guidance_courses', columns: courseColumns, rows: courses() },
      { table: 'course_meetings', columns: ['id', 'course_id', 'meeting_date'], rows: meetings },
    ];
  },
};
