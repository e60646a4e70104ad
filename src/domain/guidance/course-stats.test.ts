import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { computeCourseBreakdown, computeCourseStats, createCourseStatsAccumulator } from './course-stats.ts';
import type { GuidanceCourse } from './guidance.types.ts';

const NORD = 'Erhvervshus Nordjylland';
const MIDT = 'Erhvervshus Midtjylland';
let nextId = 1;

function course(overrides: Partial<GuidanceCourse>): GuidanceCourse {
  return {
    courseId: `SF-${nextId++}`,
    cvr: '30521439',
    companyName: null,
    municipalityCode: '851',
    hub: NORD,
    category: 'growth',
    segment: 'growth',
    themes: ['innovation'],
    targetGroup: null,
    startDate: '2023-03-01',
    endDate: null,
    meetingDates: [],
    ...overrides,
  };
}

const courses: GuidanceCourse[] = [
  // Company A (851): two courses in 2023, one across the new year from 2022 → guided 2022 and 2023.
  course({ cvr: '30521439', category: 'growth', startDate: '2022-11-01', meetingDates: ['2022-11-02', '2023-01-20'], themes: ['innovation', 'finance'] }),
  course({ cvr: '30521439', category: 'short', startDate: '2023-06-01', meetingDates: ['2023-06-01', '2023-06-20'] }),
  // Company B: moved from 849 to 851 in 2023; a course in each → counts once in the total, once in each municipality.
  course({ cvr: '33145691', municipalityCode: '849', category: 'operations', startDate: '2023-01-10', themes: ['management'] }),
  course({ cvr: '33145691', municipalityCode: '851', category: 'operations', startDate: '2023-09-10', meetingDates: ['2023-09-12'], themes: ['management'] }),
  // Company C: a pre-starter written two ways, 2022 and 2023 → not new.
  course({ cvr: null, companyName: 'Nordisk Kaffe Kompagni', municipalityCode: '860', category: 'short', startDate: '2022-04-01', themes: ['salesMarketing'] }),
  course({ cvr: null, companyName: '  NORDISK kaffe   Kompagni', municipalityCode: '860', category: 'earlyWarning', startDate: '2023-02-01', themes: ['finance'] }),
  // Company D: only in 2022 → not in 2023 figures at all.
  course({ cvr: '28817649', municipalityCode: '860', startDate: '2022-01-15', meetingDates: ['2022-01-15', '2022-12-31'] }),
  // Company E: started 2022-12-15 but its only meeting is 2023-01-03 → counts in 2023 only, and is new.
  course({ cvr: '37114251', municipalityCode: '813', category: 'earlyWarning', startDate: '2022-12-15', meetingDates: ['2023-01-03'], themes: ['finance'] }),
  // Another hub's courses never count for Nordjylland, even for company A.
  course({ cvr: '30521439', hub: MIDT, municipalityCode: '751', startDate: '2023-05-01' }),
  course({ cvr: '40381279', hub: MIDT, municipalityCode: '751', startDate: '2022-05-01' }),
];

describe('course statistics for a hub and a year (02-crm.md, courses stats)', () => {
  it('counts unique and new companies, courses per category and per municipality', () => {
    // 2023, Nordjylland: companies A, B, C, E = 4; new = B, E (A and C were guided in 2022) = 2.
    // Courses counting in 2023: A growth + A short, B operations ×2, C earlyWarning, E earlyWarning.
    assert.deepEqual(computeCourseStats(courses, NORD, 2023), {
      uniqueCompanies: 4,
      newCompanies: 2,
      courses: { growth: 1, operations: 2, short: 1, earlyWarning: 2 },
      byMunicipality: {
        '813': { uniqueCompanies: 1, courses: 1 },
        '849': { uniqueCompanies: 1, courses: 1 },
        '851': { uniqueCompanies: 2, courses: 3 },
        '860': { uniqueCompanies: 1, courses: 1 },
      },
    });
  });

  it('counts the year before on its own terms', () => {
    // 2022: A (course across the new year), C, D; E's course does not count in 2022. All new (no 2021 data).
    assert.deepEqual(computeCourseStats(courses, NORD, 2022), {
      uniqueCompanies: 3,
      newCompanies: 3,
      courses: { growth: 2, operations: 0, short: 1, earlyWarning: 0 },
      byMunicipality: { '851': { uniqueCompanies: 1, courses: 1 }, '860': { uniqueCompanies: 2, courses: 2 } },
    });
  });

  it('counts the other hub separately', () => {
    assert.deepEqual(computeCourseStats(courses, MIDT, 2023), {
      uniqueCompanies: 1,
      newCompanies: 1,
      courses: { growth: 1, operations: 0, short: 0, earlyWarning: 0 },
      byMunicipality: { '751': { uniqueCompanies: 1, courses: 1 } },
    });
  });

  it('gives zeros and no municipalities for a year without courses', () => {
    assert.deepEqual(computeCourseStats(courses, NORD, 2019), {
      uniqueCompanies: 0,
      newCompanies: 0,
      courses: { growth: 0, operations: 0, short: 0, earlyWarning: 0 },
      byMunicipality: {},
    });
  });

  it('gives the same figures whatever order the courses come in, one at a time', () => {
    const accumulator = createCourseStatsAccumulator(NORD, 2023);
    for (const c of [...courses].reverse()) accumulator.add(c);
    assert.deepEqual(accumulator.result(), computeCourseStats(courses, NORD, 2023));
  });

  it('counts themes and months for the statistics page', () => {
    const { byTheme, byMonth } = computeCourseBreakdown(courses, NORD, 2023);
    assert.deepEqual(byTheme, {
      skilledLabour: 0,
      greenTransition: 0,
      innovation: 2, // A growth (innovation, finance), A short (innovation)
      digitalisation: 0,
      internationalisation: 0,
      management: 2,
      salesMarketing: 0,
      finance: 3, // A growth, C earlyWarning, E earlyWarning
    });
    // Jan: A growth (20th), B 849 (start, no meetings), E (3rd); Feb: C; Jun: A short (two meetings, once); Sep: B 851.
    assert.deepEqual(byMonth, [3, 1, 0, 0, 0, 1, 0, 0, 1, 0, 0, 0]);
  });
});

describe('course statistics, for any set of courses', () => {
  const arbitraryCourse = fc.record({
    cvr: fc.constantFrom('30521439', '28817649', '37114251', null),
    companyName: fc.constantFrom('Nordisk Kaffe Kompagni', ' nordisk  KAFFE kompagni', 'Mette Holms Keramik'),
    municipalityCode: fc.constantFrom('773', '813', '851', '860'),
    hub: fc.constantFrom(NORD, MIDT),
    category: fc.constantFrom('growth', 'operations', 'short', 'earlyWarning') as fc.Arbitrary<GuidanceCourse['category']>,
    startDate: fc.constantFrom('2022-06-01', '2023-01-15', '2023-12-31', '2024-02-01'),
    meetingDates: fc.uniqueArray(fc.constantFrom('2021-12-01', '2022-12-31', '2023-01-01', '2023-07-14', '2024-01-02'), { maxLength: 3 }),
  });

  it('keeps its figures consistent: categories and municipalities agree, new ≤ unique ≤ municipal sum', () => {
    fc.assert(
      fc.property(fc.array(arbitraryCourse, { maxLength: 30 }), fc.constantFrom(2022, 2023, 2024), (drawn, year) => {
        const stats = computeCourseStats(drawn.map((c) => course(c)), NORD, year);
        const categorySum = Object.values(stats.courses).reduce((a, b) => a + b, 0);
        const municipalities = Object.values(stats.byMunicipality);
        assert.equal(municipalities.reduce((a, m) => a + m.courses, 0), categorySum);
        assert.ok(stats.newCompanies <= stats.uniqueCompanies);
        assert.ok(stats.uniqueCompanies <= municipalities.reduce((a, m) => a + m.uniqueCompanies, 0));
        assert.ok(municipalities.every((m) => m.uniqueCompanies >= 1 && m.uniqueCompanies <= m.courses));
        assert.equal(stats.uniqueCompanies === 0, categorySum === 0);
      }),
    );
  });
});
