import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { companyKey, countsInYear, courseYears, guidedCompanies, isGuidedInYear, newCompanies, normaliseCompanyName } from './year-counting.ts';
import type { CountableCourse } from './year-counting.ts';

const NORD = 'Erhvervshus Nordjylland';
const MIDT = 'Erhvervshus Midtjylland';

function course(overrides: Partial<CountableCourse> = {}): CountableCourse {
  return { hub: NORD, startDate: '2023-03-01', meetingDates: [], cvr: '30521439', companyName: null, municipalityCode: '851', ...overrides };
}

describe('the year counting rule (02-crm.md)', () => {
  const cases: [string, Partial<CountableCourse>, number[]][] = [
    ['a course without meetings counts in the year of its start date', { startDate: '2023-12-31' }, [2023]],
    ['a course counts in each year with a meeting', { startDate: '2022-11-01', meetingDates: ['2022-11-15', '2023-01-10', '2023-05-02'] }, [2022, 2023]],
    ['a course started in 2022 with meetings only in 2023 does not count in 2022', { startDate: '2022-12-20', meetingDates: ['2023-01-05'] }, [2023]],
    ['a meeting before the start date still counts in its own year', { startDate: '2023-01-10', meetingDates: ['2022-12-15'] }, [2022]],
    ['meetings spanning three years count in all three', { startDate: '2021-06-01', meetingDates: ['2021-06-01', '2023-02-01', '2022-09-09'] }, [2021, 2022, 2023]],
    ['two meetings in one year count once', { startDate: '2023-02-01', meetingDates: ['2023-02-01', '2023-02-01', '2023-08-30'] }, [2023]],
  ];
  for (const [title, overrides, years] of cases) {
    it(title, () => {
      const c = course(overrides);
      assert.deepEqual(courseYears(c), years);
      for (const year of [2020, 2021, 2022, 2023, 2024]) assert.equal(countsInYear(c, year), years.includes(year), String(year));
    });
  }
});

describe('which company a course belongs to', () => {
  it('is the CVR number when there is one, whatever the name', () => {
    assert.equal(companyKey(course({ companyName: 'Nordkraft Software ApS' })), 'cvr:30521439');
    assert.equal(companyKey(course({ municipalityCode: '849' })), 'cvr:30521439');
  });

  const sameCompany: [string, string][] = [
    ['Nordisk Kaffe Kompagni', '  nordisk   kaffe kompagni '],
    ['Mette Holms Keramik', 'METTE HOLMS\tKERAMIK'],
    ['Ølbryggeriet Å', 'ølbryggeriet å'],
  ];
  for (const [a, b] of sameCompany) {
    it(`treats the pre-starters "${a}" and "${b}" in the same municipality as one company`, () => {
      const key = (name: string) => companyKey(course({ cvr: null, companyName: name }));
      assert.equal(key(a), key(b));
      assert.equal(normaliseCompanyName(b), normaliseCompanyName(a));
    });
  }

  it('treats a pre-starter of the same name in another municipality as another company', () => {
    const aalborg = companyKey(course({ cvr: null, companyName: 'Nordisk Kaffe Kompagni', municipalityCode: '851' }));
    const hjoerring = companyKey(course({ cvr: null, companyName: 'Nordisk Kaffe Kompagni', municipalityCode: '860' }));
    assert.equal(aalborg, 'name:nordisk kaffe kompagni|851');
    assert.notEqual(aalborg, hjoerring);
  });

  it('refuses a company with neither CVR number nor name (a bug: the parser stops such rows)', () => {
    assert.throws(() => companyKey(course({ cvr: null, companyName: '  ' })), /needs a name/);
  });
});

describe('guided and new companies', () => {
  const courses: CountableCourse[] = [
    // A: guided by Nordjylland in 2022 and 2023 (one course across the new year).
    course({ cvr: '30521439', startDate: '2022-10-01', meetingDates: ['2022-10-03', '2023-02-14'] }),
    // B: guided by Nordjylland in 2023 only; by Midtjylland in 2022 (another hub does not make it old).
    course({ cvr: '28817649', startDate: '2023-04-01' }),
    course({ cvr: '28817649', hub: MIDT, startDate: '2022-04-01', municipalityCode: '751' }),
    // C: a pre-starter, written differently in 2022 and 2023: the same company, so not new in 2023.
    course({ cvr: null, companyName: 'Nordisk Kaffe Kompagni', startDate: '2022-05-01' }),
    course({ cvr: null, companyName: ' nordisk  kaffe kompagni', startDate: '2023-06-01', meetingDates: ['2023-06-02'] }),
    // D: a course started in 2022 whose only meeting is in 2024: counts in neither 2022 nor 2023.
    course({ cvr: '37114251', startDate: '2022-12-01', meetingDates: ['2024-01-08'] }),
    // E: guided by both hubs in 2023: counts for each hub.
    course({ cvr: '40381279', startDate: '2023-01-05' }),
    course({ cvr: '40381279', hub: MIDT, startDate: '2023-02-05' }),
  ];

  it('counts the distinct companies a hub guided in a year', () => {
    assert.deepEqual([...guidedCompanies(courses, NORD, 2023)].sort(), [
      'cvr:28817649',
      'cvr:30521439',
      'cvr:40381279',
      'name:nordisk kaffe kompagni|851',
    ]);
    assert.deepEqual([...guidedCompanies(courses, NORD, 2022)].sort(), ['cvr:30521439', 'name:nordisk kaffe kompagni|851']);
    assert.deepEqual([...guidedCompanies(courses, MIDT, 2023)], ['cvr:40381279']);
  });

  it('counts as new only those the same hub did not guide the year before', () => {
    assert.deepEqual([...newCompanies(courses, NORD, 2023)].sort(), ['cvr:28817649', 'cvr:40381279']);
    assert.deepEqual([...newCompanies(courses, MIDT, 2023)], ['cvr:40381279']);
    assert.deepEqual([...newCompanies(courses, NORD, 2024)], ['cvr:37114251']);
  });

  it('answers whether one company was guided by a hub in a year', () => {
    assert.equal(isGuidedInYear(courses, 'cvr:28817649', NORD, 2023), true);
    assert.equal(isGuidedInYear(courses, 'cvr:28817649', NORD, 2022), false);
    assert.equal(isGuidedInYear(courses, 'cvr:28817649', MIDT, 2022), true);
    assert.equal(isGuidedInYear(courses, 'cvr:37114251', NORD, 2022), false);
  });
});
